package input

import (
	"bytes"
	"testing"
)

// TestParagraphSpansShareTheFile: a paragraph read as it stands shares
// the file's bytes instead of copying them, and appending to its text
// cannot write into the file.
func TestParagraphSpansShareTheFile(t *testing.T) {
	text := []byte("周边外交很重要。\n\nPeriphery diplomacy matters.\n\n周边工作也是。\n\nSo is neighborhood work.\n")
	doc, err := ReadWith("pair.txt", bytes.Clone(text), Options{Bilingual: BilingualOn})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Segments) != 2 {
		t.Fatalf("%d segments, want 2", len(doc.Segments))
	}
	first := doc.Segments[0]
	for _, sp := range []Span{first.Chinese, first.English} {
		if &sp.Text[0] != &doc.Text[sp.Start()] {
			t.Errorf("span %q is a copy, not the file's bytes", sp.Text)
		}
		_ = append(sp.Text, 'X')
	}
	if !bytes.Equal(doc.Text, text) {
		t.Errorf("appending to a span changed the file:\n%q", doc.Text)
	}
}
