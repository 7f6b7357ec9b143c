package gitdiff

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/gittest"
)

// gitRepo makes an isolated git repository and returns its directory and
// a function running git in it.
func gitRepo(t *testing.T) (string, func(args ...string)) {
	t.Helper()
	dir := gittest.Repo(t)
	return dir, func(args ...string) {
		t.Helper()
		gittest.Run(t, dir, args...)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoad: edited lines (staged or not) and untracked files count as
// changed, ignored files and unchanged lines do not; paths are taken
// relative to the working directory or absolute.
func TestLoad(t *testing.T) {
	dir, git := gitRepo(t)
	writeFile(t, filepath.Join(dir, "docs", "a.md"), "one\ntwo\nthree\nfour\n")
	writeFile(t, filepath.Join(dir, ".gitignore"), "build/\n")
	git("add", ".")
	git("commit", "-q", "-m", "first")
	writeFile(t, filepath.Join(dir, "docs", "a.md"), "one\nTWO\nthree\nfour\nfive\n")
	writeFile(t, filepath.Join(dir, "docs", "untracked file.md"), "new\n")
	writeFile(t, filepath.Join(dir, "build", "out.md"), "ignored\n")

	t.Chdir(filepath.Join(dir, "docs"))
	c, err := Load(".", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path        string
		first, last int
		want        bool
	}{
		{"a.md", 1, 1, false},
		{"a.md", 2, 2, true},
		{"a.md", 3, 4, false},
		{"a.md", 5, 5, true},
		{filepath.Join(dir, "docs", "a.md"), 2, 2, true},
		{"untracked file.md", 1, 1, true},
		{"../build/out.md", 1, 1, false},
		{"../.gitignore", 1, 1, false},
		{"-", 1, 1, true},
		{filepath.Join(filepath.Dir(dir), "elsewhere.md"), 1, 1, true},
	} {
		if got := c.Touches(tt.path, tt.first, tt.last); got != tt.want {
			t.Errorf("Touches(%s, %d, %d) = %v, want %v", tt.path, tt.first, tt.last, got, tt.want)
		}
	}

	git("add", ".")
	if c, err = Load(".", "HEAD"); err != nil || !c.Touches("a.md", 2, 2) || !c.Touches("untracked file.md", 1, 1) {
		t.Errorf("staged changes: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	dir, git := gitRepo(t)
	writeFile(t, filepath.Join(dir, "a.md"), "one\n")
	git("add", ".")
	git("commit", "-q", "-m", "first")
	for _, tt := range []struct{ dir, rev, want string }{
		{dir, "no-such-rev", "git diff: fatal: bad revision 'no-such-rev'"},
		{dir, "--output=x", `bad revision "--output=x"`},
		{filepath.Dir(dir), "HEAD", "git rev-parse: fatal: not a git repository"},
	} {
		if _, err := Load(tt.dir, tt.rev); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%s, %s): error %v, want %q", tt.dir, tt.rev, err, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); err == nil {
		t.Error("a revision starting with - reached git as an option")
	}
}
