package worktree_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/termlint/termlint/internal/worktree"
)

func TestTop(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	linked := filepath.Join(base, "linked")
	for _, d := range []string{filepath.Join(repo, ".git"), filepath.Join(repo, "a", "b"), filepath.Join(linked, "c")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A linked work tree or a submodule has a .git file, not a folder.
	if err := os.WriteFile(filepath.Join(linked, ".git"), []byte("gitdir: elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{
		repo:                          repo,
		filepath.Join(repo, "a", "b"): repo,
		filepath.Join(linked, "c"):    linked,
	} {
		if got, ok := worktree.Top(dir); !ok || got != want {
			t.Errorf("Top(%s) = %s, %v; want %s", dir, got, ok, want)
		}
	}
}

func TestTopOutsideWorkTree(t *testing.T) {
	dir := t.TempDir()
	// No .git above a temporary directory is assumed: skip where one is.
	if top, ok := worktree.Top(filepath.Dir(dir)); ok {
		t.Skipf("the temporary directory is inside the work tree %s", top)
	}
	if got, ok := worktree.Top(dir); ok {
		t.Errorf("Top(%s) = %s, true; want none", dir, got)
	}
}
