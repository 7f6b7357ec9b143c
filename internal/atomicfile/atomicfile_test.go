package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
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

// TestBareNameStaysBeside writes files named without a directory while
// $TMPDIR does not exist: a temporary file made in $TMPDIR (on another
// file system, a rename from there fails with "invalid cross-device
// link") would fail here; one beside the target does not.
func TestBareNameStaysBeside(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("TMPDIR", filepath.Join(dir, "no-such-dir"))
	if err := os.WriteFile("draft.md", []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Replace("draft.md", []byte("new\n"), []byte("old\n")); err != nil {
		t.Fatalf("Replace with a bare name: %v", err)
	}
	if err := Write("baseline.json", []byte("{}\n"), 0o644); err != nil {
		t.Fatalf("Write with a bare name: %v", err)
	}
	if err := Write("baseline.json", []byte("{ }\n"), 0o644); err != nil {
		t.Fatalf("Write over a bare name: %v", err)
	}
	for name, want := range map[string]string{"draft.md": "new\n", "baseline.json": "{ }\n"} {
		if got, err := os.ReadFile(name); err != nil || string(got) != want {
			t.Errorf("%s holds %q, %v; want %q", name, got, err, want)
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) != 2 {
		t.Errorf("the directory holds %d entries, want the two files alone", len(entries))
	}
}

// TestErrorsNameNoTemporaryFile fails a write the way a full disk does,
// with an error naming the temporary file: the error Replace returns says
// what failed without that name, which the user never chose and which no
// longer exists, so that callers can put the user's file name in front.
func TestErrorsNameNoTemporaryFile(t *testing.T) {
	path := setup(t, "old\n", 0o644)
	diskFull := func(f *os.File, data []byte) (int, error) {
		return 0, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	err := replace(path, []byte("new\n"), []byte("old\n"), hooks{write: diskFull})
	if err == nil {
		t.Fatal("the failed write succeeded")
	}
	if strings.Contains(err.Error(), ".termlint-") || strings.Contains(err.Error(), os.TempDir()) {
		t.Errorf("error %q names the temporary file", err)
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("error %q does not wrap the cause", err)
	}
	assertContent(t, path, "old\n")
}

// TestReplaceRefusesReadOnly: a file no one may write (mode 0444) is a
// file its owner protected; it is not replaced, even by root, who could.
func TestReplaceRefusesReadOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permission bits are not kept on Windows")
	}
	path := setup(t, "old\n", 0o444)
	err := Replace(path, []byte("new\n"), []byte("old\n"))
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("err = %v, want ErrReadOnly", err)
	}
	if err := Write(path, []byte("new\n"), 0o644); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Write: err = %v, want ErrReadOnly", err)
	}
	assertContent(t, path, "old\n")
}

// TestReplaceKeepsSpecialBits keeps the setuid, setgid and sticky bits,
// which a chmod to the permission bits alone drops.
func TestReplaceKeepsSpecialBits(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no such bits on Windows")
	}
	for _, mode := range []os.FileMode{0o755 | os.ModeSetuid, 0o775 | os.ModeSetgid, 0o644 | os.ModeSticky, 0o755 | os.ModeSetuid | os.ModeSetgid} {
		path := setup(t, "old\n", mode)
		if info, _ := os.Stat(path); info.Mode() != mode {
			t.Skipf("this file system does not keep %v (%v)", mode, info.Mode())
		}
		if err := Replace(path, []byte("new\n"), []byte("old\n")); err != nil {
			t.Fatal(err)
		}
		assertContent(t, path, "new\n")
		if info, _ := os.Stat(path); info.Mode() != mode {
			t.Errorf("mode %v, want %v", info.Mode(), mode)
		}
	}
}
