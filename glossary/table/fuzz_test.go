package table_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/termlint/termlint/glossary/table"
	"github.com/termlint/termlint/internal/importcheck"
)

// seeds adds the testdata files matching pattern to f's corpus.
func seeds(f *testing.F, pattern string) {
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds %s: %v", pattern, err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzRead reads any bytes as CSV and as TSV: importcheck's promises
// hold, and a second read gives the same result.
func FuzzRead(f *testing.F) {
	seeds(f, "*.csv")
	seeds(f, "*.tsv")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, comma := range []rune{',', '\t'} {
			g, warnings, err := table.Read("fuzz.csv", data, comma)
			importcheck.Check(t, "fuzz.csv", data, g, warnings, err)
			g2, warnings2, err2 := table.Read("fuzz.csv", data, comma)
			if !reflect.DeepEqual(g, g2) || !reflect.DeepEqual(warnings, warnings2) || (err == nil) != (err2 == nil) {
				t.Fatalf("a second read differs")
			}
		}
	})
}

// FuzzReadMarkdown reads any bytes as a Markdown glossary, with and
// without a style: importcheck's promises hold.
func FuzzReadMarkdown(f *testing.F) {
	seeds(f, "*.md")
	f.Add([]byte("| 中文 | English |\n|---|---|\n| 周边 | neighborhood, periphery (旧译) |\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opts := range []table.MarkdownOptions{{}, {Style: "house", Source: "repo"}} {
			g, warnings, err := table.ReadMarkdown("fuzz.md", data, opts)
			importcheck.Check(t, "fuzz.md", data, g, warnings, err)
		}
	})
}
