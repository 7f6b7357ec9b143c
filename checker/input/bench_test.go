package input

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchInput is every fixture of a format, repeated to about 1 MB.
func benchInput(b *testing.B, f Format) []byte {
	names, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "input", "*"))
	var one []byte
	for _, name := range names {
		if FormatOf(name) == f && filepath.Base(name) != "README.md" {
			data, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			one = append(append(one, data...), '\n')
		}
	}
	return bytes.Repeat(one, 1<<20/len(one)+1)
}

func BenchmarkReadMarkdown(b *testing.B) {
	src := benchInput(b, Markdown)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := ReadAs("bench.md", src, Markdown); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadHTML(b *testing.B) {
	src := benchInput(b, HTML)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := ReadAs("bench.html", src, HTML); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadHTMLNested doubles the depth of nested inline elements,
// each with a lang of its own and text: time and memory per byte must
// stay flat, since a paragraph's language and block are found when an
// element opens, not by walking up from each text
// (go test -bench ReadHTMLNested -benchmem ./checker/input/).
func BenchmarkReadHTMLNested(b *testing.B) {
	for _, depth := range []int{1000, 2000, 4000, 8000} {
		var src bytes.Buffer
		src.WriteString("<html><body><div>")
		for i := range depth {
			lang := []string{"zh", "en"}[i%2]
			fmt.Fprintf(&src, `<span lang="%s">%s `, lang, []string{"周边外交", "neighborhood diplomacy"}[i%2])
		}
		src.WriteString(strings.Repeat("</span>", depth) + "</div></body></html>\n")
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			b.SetBytes(int64(src.Len()))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadAs("nested.html", src.Bytes(), HTML); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPairRuns doubles the paragraphs of a bilingual Markdown file in
// the layouts pairing reads (alternating pairs, 中文<br/>English lines,
// sections of several Chinese paragraphs over their English, asides, and
// one run of every Chinese paragraph over one English): time and memory
// per paragraph must stay flat (go test -bench PairRuns -benchmem
// ./checker/input/).
func BenchmarkPairRuns(b *testing.B) {
	for _, layout := range []string{"mixed", "one-run"} {
		for _, n := range []int{1000, 2000, 4000, 8000} {
			var src bytes.Buffer
			for i := range n {
				switch {
				case layout == "one-run":
					src.WriteString("我们推进周边外交，深化互利合作。\n\n")
				case i%4 == 0:
					src.WriteString("我们推进周边外交。\n\nWe advance neighborhood diplomacy.\n\n")
				case i%4 == 1:
					src.WriteString("我们共建一带一路。<br/>We build the Belt and Road together.\n\n")
				case i%4 == 2:
					src.WriteString("【重要讲话】\n\n一年来成效明显。\n\n合作不断深化。\n\nResults were clear.<br/>Cooperation deepened.\n\n")
				default:
					src.WriteString("deepen mutual trust    深化互信\n\n")
				}
			}
			if layout == "one-run" {
				src.WriteString(strings.Repeat("We advance neighborhood diplomacy and deepen mutually beneficial cooperation. ", n) + "\n")
			}
			data := src.Bytes()
			b.Run(fmt.Sprintf("%s/paragraphs=%d", layout, n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					d, err := ReadWith("bench.md", data, Options{Bilingual: BilingualOn})
					if err != nil || len(d.Segments) == 0 {
						b.Fatal(err, "no segments")
					}
				}
			})
		}
	}
}
