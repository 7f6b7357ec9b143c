package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/glossary"
)

// tree reads every file under dir, by slash-separated relative path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestCorpusIsByteIdentical(t *testing.T) {
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "nested", "b")
	for _, dir := range []string{a, b} {
		if err := run([]string{"-out", dir, "-size", "150KB", "-seed", "7", "-renderings", dir + ".txt"}, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) < 3 {
		t.Fatalf("%d files in a 150 KB corpus, want several", len(ta))
	}
	var size int
	for path, data := range ta {
		size += len(data)
		if !bytes.Equal(data, tb[path]) {
			t.Errorf("%s differs between two runs", path)
		}
		if !strings.HasSuffix(path, ".md") || !strings.Contains(path, "/") {
			t.Errorf("%s: want Markdown files in folders", path)
		}
	}
	if len(ta) != len(tb) {
		t.Errorf("%d files, then %d", len(ta), len(tb))
	}
	if size < 150_000 || size > 150_000+60_000 {
		t.Errorf("%d bytes, want about 150,000", size)
	}
	ra, _ := os.ReadFile(a + ".txt")
	if rb, _ := os.ReadFile(b + ".txt"); len(ra) == 0 || !bytes.Equal(ra, rb) {
		t.Error("the renderings files are empty or differ")
	}
	// Nothing is left beside the corpus.
	entries, _ := os.ReadDir(tmp)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestCorpusRefusesExistingFolder(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep.md")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := run([]string{"-out", dir, "-size", "20KB"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), dir+" already exists") {
		t.Fatalf("got %v, want an error naming %s", err, dir)
	}
	if got := tree(t, dir); len(got) != 1 || string(got["keep.md"]) != "mine" {
		t.Errorf("the folder was changed: %v", got)
	}
}

func TestGlossaryMode(t *testing.T) {
	tmp := t.TempDir()
	out, list := filepath.Join(tmp, "synthetic.yaml"), filepath.Join(tmp, "renderings.txt")
	if err := run([]string{"-glossary", "500", "-out", out, "-seed", "3", "-renderings", list}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	g, problems := glossary.Load([]glossary.Input{termlint.DefaultInput(), {Name: out, Data: data}}, glossary.ValidateOptions{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	renderings := 0
	for _, c := range g.Concepts {
		for _, r := range c.Renderings {
			renderings += 1 + len(r.Forms)
		}
	}
	lines, _ := os.ReadFile(list)
	// Forms and renderings written alike twice are listed once.
	if n := strings.Count(string(lines), "\n"); n < renderings-50 || n > renderings {
		t.Errorf("%d renderings listed, want about %d", n, renderings)
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-size", "1MB"},
		{"-out", "x", "-size", "lots"},
		{"-out", "x", "-size", "-3MB"},
		{"-out", "x", "-literal", "2"},
		{"-out", "x", "extra"},
	} {
		if err := run(args, &bytes.Buffer{}); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"100MB": 100_000_000, "1.5kb": 1500, "2GB": 2_000_000_000, "4096": 4096, "10 MB": 10_000_000} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}
