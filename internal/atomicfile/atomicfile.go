// Package atomicfile replaces a file's content so that a reader, a crash
// or a failed write never sees it half-written: the new content goes to a
// temporary file in the same directory, with the same permissions, is
// synced to disk and renamed over the original.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrChanged is returned when the file no longer holds the content it was
// expected to: someone changed it since it was read.
var ErrChanged = errors.New("file changed since it was read; not fixed")

// Replace writes data to the file at path in place of its content, which
// must still be expected (unless expected is nil): it is read again just
// before the rename, and if it differs Replace returns ErrChanged and
// leaves the file alone. The file's permission bits are kept; a symbolic
// link is followed, so the link stays a link. On any error the temporary
// file is removed and the original is as it was.
//
// A change made between that last read and the rename is not seen: a
// rename cannot be made conditional on the old content without locks
// every editor would have to honour.
func Replace(path string, data, expected []byte) error {
	return replace(path, data, expected, hooks{})
}

// Write writes data to the file at path whole or not at all, as Replace
// does, whatever the file holds; a file that does not exist yet is made
// with the permission bits perm.
func Write(path string, data []byte, perm os.FileMode) error {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return replace(path, data, nil, hooks{perm: perm})
	}
	return replace(path, data, nil, hooks{})
}

// hooks let tests fail a write midway and change the file at the worst
// moment.
type hooks struct {
	// write writes data to the temporary file; nil is f.Write.
	write func(f *os.File, data []byte) (int, error)
	// beforeCompare runs after the temporary file is complete, just
	// before the original is read again.
	beforeCompare func()
	// perm, when not zero, says the file is new and gets these
	// permission bits.
	perm os.FileMode
}

func replace(path string, data, expected []byte, h hooks) (err error) {
	target, perm := path, h.perm
	if perm == 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return err
		}
		info, err := os.Stat(target)
		if err != nil {
			return err
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path)
		}
		perm = info.Mode().Perm()
	}
	dir, base := filepath.Split(target)
	tmp, err := os.CreateTemp(dir, "."+base+".termlint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	write := h.write
	if write == nil {
		write = (*os.File).Write
	}
	if n, err := write(tmp, data); err != nil {
		return err
	} else if n != len(data) {
		return io.ErrShortWrite
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if h.beforeCompare != nil {
		h.beforeCompare()
	}
	if expected != nil {
		now, err := os.ReadFile(target)
		if err != nil {
			return err
		}
		if !bytes.Equal(now, expected) {
			return ErrChanged
		}
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the system allows it; a
// directory that cannot be synced (on some systems and file systems) is
// no reason to report a write that succeeded as failed.
func syncDir(dir string) {
	if dir == "" {
		dir = "."
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
