package checker

import (
	"strings"
	"testing"
)

// TestQuoteSpansLength: curly quotes, which pair by shape, quote a whole
// paragraph of speech; straight quotes longer than a few sentences are
// taken for stray marks.
func TestQuoteSpansLength(t *testing.T) {
	speech := strings.Repeat("We will work with the countries around us. ", 25) // about 1,100 bytes
	tests := []struct {
		text string
		want int
	}{
		{"The board said: “" + speech + "” Then it rose.", 1},
		{`The board said: "` + speech + `" Then it rose.`, 0},
		{`The board said: "We agree." Then it rose.`, 1},
		{"The board said: “" + speech + "\n\n” Then it rose.", 0},
	}
	for _, tt := range tests {
		if got := len(quoteSpans([]byte(tt.text))); got != tt.want {
			t.Errorf("%.40q…: %d quotations, want %d", tt.text, got, tt.want)
		}
	}
}
