package checker

import "testing"

// TestLooseFind pins how far a loose reading stretches: articles and
// possessives aside, other forms of the words, up to two words inside, and
// the other order only within one word more than the rendering has.
func TestLooseFind(t *testing.T) {
	tests := []struct {
		rendering, text string
		want            bool
	}{
		{"individual will", "the individual will", true},
		{"ecology", "ecological progress", true},
		{"high-quality development", "high-quality industrial development", true},
		{"high-quality development", "high-quality green industrial development", true},
		{"high-quality development", "high-quality green low-carbon industrial development", false},
		{"19th National Congress of the Party", "the Party's 19th National Congress", true},
		{"industrial and supply chains", "industrial chains and supply chains", true},
		{"new development pattern", "a new pattern of development", true},
		{"new development pattern", "new ideas on the pattern of trade and development", false},
		{"high-quality development", "quality development", false},
		{"connectivity", "", false},
	}
	for _, tt := range tests {
		if got := looseMatch(looseWords(tt.rendering), looseWords(tt.text), false); got != tt.want {
			t.Errorf("%q in %q: %v, want %v (stems %q in %q)", tt.rendering, tt.text, got, tt.want, looseWords(tt.rendering), looseWords(tt.text))
		}
	}
}
