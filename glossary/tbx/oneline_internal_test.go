package tbx

import (
	"fmt"
	"strings"
	"testing"
)

// oneLineTBX is a made-up TBX v3 file of n entries, each with a Chinese
// and an English term, all on one line as some tools write it; Chinese
// in each entry makes the columns count code points, not bytes.
func oneLineTBX(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>made up</p></sourceDesc></fileDesc></tbxHeader><text><body>`)
	for i := range n {
		fmt.Fprintf(&b, `<conceptEntry id="c%d"><langSec xml:lang="zh"><termSec><term>港务%d</term></termSec></langSec><langSec xml:lang="en"><termSec><term>harbour matter %d</term></termSec></langSec></conceptEntry>`, i, i, i)
	}
	b.WriteString(`</body></text></tbx>`)
	return []byte(b.String())
}

// TestOneLineIsLinear bounds the work of giving each element of a TBX
// file on one line its position by counting the bytes whose code points
// were counted: twice the entries may cost about twice as many, where
// counting each element's column from the start of the line cost the
// square. The positions must be those counted from the line's start.
func TestOneLineIsLinear(t *testing.T) {
	counted := func(n int) int {
		data := oneLineTBX(n)
		ix := newLineIndex("one.tbx", data)
		root, err := parseTreeIndexed(ix, data)
		if err != nil {
			t.Fatal(err)
		}
		// The last entry's position, as counted from the line's start.
		body := root.content[len(root.content)-1].(*node).content[0].(*node)
		last := body.content[len(body.content)-1].(*node)
		off := strings.LastIndex(string(data), "<conceptEntry")
		if want := 1 + len([]rune(string(data[:off]))); last.pos.Line != 1 || last.pos.Column != want {
			t.Fatalf("the last entry is at %s, want 1:%d", last.pos, want)
		}
		return ix.counted
	}
	small, large := counted(2_000), counted(4_000)
	if float64(large) > 2.1*float64(small) {
		t.Errorf("twice the entries counted code points in %d bytes, %.1f times the %d of half as many; want about twice", large, float64(large)/float64(small), small)
	}
}

// BenchmarkReadOneLine doubles the entries of a TBX file on one line:
// time and memory per entry must stay flat
// (go test -bench ReadOneLine -benchmem ./glossary/tbx/).
func BenchmarkReadOneLine(b *testing.B) {
	for _, n := range []int{2_500, 5_000, 10_000, 20_000} {
		data := oneLineTBX(n)
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Read("one.tbx", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
