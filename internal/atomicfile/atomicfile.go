// Package atomicfile replaces a file's content so that a reader, a crash
// or a failed write never sees it half-written: the new content goes to a
// temporary file in the same directory (never $TMPDIR, from which a rename
// may cross file systems), with the same owner, group and mode, is synced
// to disk and renamed over the original.
//
// A file that cannot be replaced so without losing something is refused:
// a read-only file, a file with other hard links (a rename would leave
// them with the old text; writing in place instead could be cut halfway
// by a crash, which is what this package exists to prevent), and a file
// whose owner or group the temporary file cannot be given.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrChanged is returned when the file no longer holds the content it was
// expected to: someone changed it since it was read.
var ErrChanged = errors.New("file changed since it was read; not fixed")

// ErrReadOnly is returned for a file with no write permission: its owner
// protected it, and a rename, which needs only the directory's
// permission, would overrule that.
var ErrReadOnly = errors.New("file is read-only; not written")

// ErrHardLinked is returned for a file with more than one hard link: a
// rename would give this name the new content and leave the others with
// the old.
var ErrHardLinked = errors.New("file has other hard links, which a rename would break; not written")

// ErrOwner is returned when the temporary file cannot be given the
// original's owner and group (a user who may write a file owned by
// someone else, through its group): the rename would change the owner.
var ErrOwner = errors.New("file's owner or group cannot be kept; not written")

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
	target, mode := path, h.perm
	var owner *ownership
	if mode == 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return bare(err)
		}
		info, err := os.Stat(target)
		if err != nil {
			return bare(err)
		}
		if !info.Mode().IsRegular() {
			return errors.New("not a regular file")
		}
		if info.Mode().Perm()&0o222 == 0 {
			return ErrReadOnly
		}
		if links(info) > 1 {
			return ErrHardLinked
		}
		mode = info.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)
		owner = ownerOf(info)
	}
	// filepath.Split gives "" for a bare name, which CreateTemp would take
	// for $TMPDIR.
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".termlint-*")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) { // the directory is missing
			return bare(err)
		}
		return fmt.Errorf("cannot create a temporary file in %s: %w", dir, bare(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := chown(tmp, owner); err != nil {
		return err
	}
	write := h.write
	if write == nil {
		write = (*os.File).Write
	}
	if n, err := write(tmp, data); err != nil {
		return fmt.Errorf("cannot write: %w", bare(err))
	} else if n != len(data) {
		return fmt.Errorf("cannot write: %w", io.ErrShortWrite)
	}
	// After the chown and the write, either of which clears the setuid
	// and setgid bits.
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("cannot set the mode: %w", bare(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write: %w", bare(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write: %w", bare(err))
	}
	if h.beforeCompare != nil {
		h.beforeCompare()
	}
	if expected != nil {
		now, err := os.ReadFile(target)
		if err != nil {
			return bare(err)
		}
		if !bytes.Equal(now, expected) {
			return ErrChanged
		}
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("cannot replace it: %w", bare(err))
	}
	syncDir(dir)
	return nil
}

// bare strips the file names from err, which callers prefix with the name
// the user gave; the temporary file's name means nothing to the user.
func bare(err error) error {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		return pathErr.Err
	case errors.As(err, &linkErr):
		return linkErr.Err
	}
	return err
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
