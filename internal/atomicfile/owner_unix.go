//go:build unix

package atomicfile

import (
	"fmt"
	"os"
	"syscall"
)

// ownership is a file's owner and group.
type ownership struct{ uid, gid int }

func ownerOf(info os.FileInfo) *ownership {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	return &ownership{int(st.Uid), int(st.Gid)}
}

func links(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// chown gives tmp the owner and group o when it does not have them
// already: as root always; as another user only the group, and only one
// the user belongs to, so a file of someone else's is refused rather
// than handed to the user.
func chown(tmp *os.File, o *ownership) error {
	if o == nil {
		return nil
	}
	info, err := tmp.Stat()
	if err != nil {
		return fmt.Errorf("cannot create a temporary file beside it: %w", bare(err))
	}
	if have := ownerOf(info); have != nil && *have == *o {
		return nil
	}
	if err := tmp.Chown(o.uid, o.gid); err != nil {
		return fmt.Errorf("%w: %w", ErrOwner, bare(err))
	}
	return nil
}
