package yamlfmt

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzFormat: Format never panics, and what it returns parses to the
// glossary it was given and is formatted already.
func FuzzFormat(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.yaml")
	if os.Getenv("FUZZ_NO_TERMS") == "" {
		seeds = append(seeds, "../../terms.yaml")
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("concepts:\n  - id: a # c\n    zh: 甲\n    renderings: [{en: a, seen: [{source: s}]}]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		out, err := Format("fuzz.yaml", src)
		if err != nil {
			return
		}
		checkSame(t, "fuzz.yaml", bytes.TrimPrefix(src, []byte("\uFEFF")), out)
		again, err := Format("fuzz.yaml", out)
		if err != nil {
			t.Fatalf("Format of its own output: %v\n%s", err, out)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("not idempotent:\n%s\n---\n%s", out, again)
		}
	})
}
