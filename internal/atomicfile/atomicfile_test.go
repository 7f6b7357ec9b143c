package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// setup writes a file with content and mode in a directory of its own.
func setup(t *testing.T, content string, mode os.FileMode) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "draft.md")
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // past the umask
		t.Fatal(err)
	}
	return path
}

// assertContent checks the file's content and that nothing but it is in
// its directory: no temporary file left behind.
func assertContent(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("content %q, want %q", got, want)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only %s", names, filepath.Base(path))
	}
}

func TestReplaceKeepsMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permission bits are not kept on Windows")
	}
	for _, mode := range []os.FileMode{0o600, 0o640, 0o755} {
		path := setup(t, "old\r\n", mode)
		if err := Replace(path, []byte("new\r\n"), []byte("old\r\n")); err != nil {
			t.Fatal(err)
		}
		assertContent(t, path, "new\r\n")
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != mode {
			t.Errorf("mode %v, want %v", info.Mode().Perm(), mode)
		}
	}
}

// TestReplaceFailsMidway makes the write fail after half the data: the
// original is intact and the temporary file is gone.
func TestReplaceFailsMidway(t *testing.T) {
	path := setup(t, "the original text\n", 0o644)
	errDisk := errors.New("disk full")
	failing := func(f *os.File, data []byte) (int, error) {
		n, err := f.Write(data[:len(data)/2])
		if err != nil {
			return n, err
		}
		return n, errDisk
	}
	err := replace(path, []byte("a much longer replacement text\n"), []byte("the original text\n"), hooks{write: failing})
	if !errors.Is(err, errDisk) {
		t.Fatalf("err = %v, want %v", err, errDisk)
	}
	assertContent(t, path, "the original text\n")

	short := func(f *os.File, data []byte) (int, error) { return f.Write(data[:1]) }
	if err := replace(path, []byte("xyz"), nil, hooks{write: short}); err == nil {
		t.Fatal("a short write succeeded")
	}
	assertContent(t, path, "the original text\n")
}

// TestReplaceRefusesChangedFile changes the file after it was read and
// before it is replaced: the change stays and nothing is written.
func TestReplaceRefusesChangedFile(t *testing.T) {
	path := setup(t, "as read\n", 0o644)
	edit := func() {
		if err := os.WriteFile(path, []byte("saved by the editor meanwhile\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := replace(path, []byte("fixed\n"), []byte("as read\n"), hooks{beforeCompare: edit})
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("err = %v, want ErrChanged", err)
	}
	assertContent(t, path, "saved by the editor meanwhile\n")
}

func TestReplaceFollowsSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	target := setup(t, "old\n", 0o644)
	link := filepath.Join(t.TempDir(), "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := Replace(link, []byte("new\n"), []byte("old\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v, %v", fi, err)
	}
	assertContent(t, target, "new\n")
}

func TestReplaceMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone.md")
	if err := Replace(path, []byte("x"), nil); err == nil {
		t.Error("replacing a missing file succeeded")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 0 {
		t.Errorf("left %v behind", entries)
	}
}

// TestWrite checks that Write makes a new file with the permissions it is
// given and replaces an existing one whole, keeping its permissions.
func TestWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := Write(path, []byte("first\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
		t.Errorf("new file: %v, %v; want mode 0640", info, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("second\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "second\n" {
		t.Errorf("content %q, %v", data, err)
	}
	if info, err := os.Stat(path); err != nil || runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("replaced file: %v, %v; want its mode 0600 kept", info, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the directory holds %d entries, want the file alone (no temporary file left)", len(entries))
	}
}
