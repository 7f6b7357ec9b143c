//go:build !unix

package input

import (
	"io/fs"
	"path/filepath"
)

// fileKey tells files apart: here by absolute cleaned path, which misses
// links but needs no inode numbers.
type fileKey struct {
	path string
}

// keyOf is the key of the file at p (fi is unused here).
func keyOf(p string, _ fs.FileInfo) fileKey {
	if p == "-" {
		return fileKey{path: p}
	}
	if abs, err := filepath.Abs(p); err == nil {
		return fileKey{path: abs}
	}
	return fileKey{path: filepath.Clean(p)}
}
