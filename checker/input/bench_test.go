package input

import (
	"bytes"
	"os"
	"path/filepath"
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
