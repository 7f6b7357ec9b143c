package checker

import (
	"math/rand/v2"
	"testing"

	"github.com/termlint/termlint/checker/match"
)

// TestPositionsAgreeWithLines checks that the positions the collector
// finds from offset to offset are those match.Lines finds by searching:
// on ASCII and multi-byte lines, CRLF, invalid UTF-8, offsets inside a
// character, at the end of the text, and offsets that go back.
func TestPositionsAgreeWithLines(t *testing.T) {
	pieces := []string{"a", "word ", "\n", "\r\n", "周边", "é", "𐐀", "\xff", "\xe5\x91", "\t", " "}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 300 {
		var text []byte
		for range rng.IntN(60) {
			text = append(text, pieces[rng.IntN(len(pieces))]...)
		}
		lines := match.NewLines(text)
		var p positions
		p.reset(text)
		offset := 0
		for range 40 {
			switch rng.IntN(6) {
			case 0:
				offset = rng.IntN(len(text) + 1) // anywhere, also backwards
			case 1:
				offset = len(text)
			default:
				offset = min(len(text), offset+rng.IntN(8))
			}
			line, col := p.at(offset)
			wantLine, wantCol := lines.Position(offset)
			if line != wantLine || col != wantCol {
				t.Fatalf("%q at %d: %d:%d, want %d:%d", text, offset, line, col, wantLine, wantCol)
			}
		}
	}
}
