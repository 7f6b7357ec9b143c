//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReplaceKeepsOwner gives the file another owner and group: run as
// root, Replace gives them to the new file too (a rename would otherwise
// hand the file to root). Not run as root, the file is the user's own and
// the chown is not needed; what is checked then is that the owner stays.
func TestReplaceKeepsOwner(t *testing.T) {
	path := setup(t, "old\n", 0o644)
	uid, gid := os.Getuid(), os.Getgid()
	if os.Geteuid() == 0 {
		uid, gid = 54321, 54322
		if err := os.Chown(path, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	if err := Replace(path, []byte("new\n"), []byte("old\n")); err != nil {
		t.Fatal(err)
	}
	assertContent(t, path, "new\n")
	st := stat(t, path)
	if int(st.Uid) != uid || int(st.Gid) != gid {
		t.Errorf("owner %d:%d, want %d:%d", st.Uid, st.Gid, uid, gid)
	}
}

// TestReplaceRefusesHardLink: a rename would leave the other name with
// the old text, so a file with more than one link is not replaced.
func TestReplaceRefusesHardLink(t *testing.T) {
	path := setup(t, "old\n", 0o644)
	other := filepath.Join(t.TempDir(), "other-name.md")
	if err := os.Link(path, other); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	err := Replace(path, []byte("new\n"), []byte("old\n"))
	if !errors.Is(err, ErrHardLinked) {
		t.Fatalf("err = %v, want ErrHardLinked", err)
	}
	assertContent(t, path, "old\n")
	if st := stat(t, other); st.Nlink != 2 {
		t.Errorf("the file has %d links, want 2", st.Nlink)
	}
}

func stat(t *testing.T, path string) *syscall.Stat_t {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Sys().(*syscall.Stat_t)
}
