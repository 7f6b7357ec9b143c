// Package worktree finds the top of the git work tree a directory is in,
// without running git: by the .git folder, or the .git file of a linked
// work tree or submodule, that marks it.
package worktree

import (
	"os"
	"path/filepath"
)

// Top returns the top of the git work tree the absolute directory dir is
// in, and whether there is one. Symbolic links are not resolved, so that
// the top is spelt as dir is.
func Top(dir string) (string, bool) {
	for d := filepath.Clean(dir); ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}
