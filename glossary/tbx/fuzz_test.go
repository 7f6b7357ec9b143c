package tbx_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/termlint/termlint/glossary/tbx"
	"github.com/termlint/termlint/internal/importcheck"
)

// FuzzRead reads any bytes as TBX: importcheck's promises hold.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.tbx")
	more, _ := filepath.Glob("testdata/import/*.tbx")
	for _, file := range append(files, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, warnings, err := tbx.Read("fuzz.tbx", data)
		importcheck.Check(t, "fuzz.tbx", data, g, warnings, err)
	})
}
