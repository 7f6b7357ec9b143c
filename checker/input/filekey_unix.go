//go:build unix

package input

import (
	"io/fs"
	"path/filepath"
	"syscall"
)

// fileKey tells files apart: device and inode where the system has them,
// so that a file reached by two paths, through a symbolic link or a hard
// link, is one file; else the cleaned path.
type fileKey struct {
	dev, ino uint64
	path     string
}

// keyOf is the key of the file at p, of which fi is what os.Stat says
// (nil when unknown, or for "-").
func keyOf(p string, fi fs.FileInfo) fileKey {
	if fi != nil {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			return fileKey{dev: uint64(st.Dev), ino: uint64(st.Ino)}
		}
	}
	if p == "-" {
		return fileKey{path: p}
	}
	return fileKey{path: filepath.Clean(p)}
}
