package main

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/atomicfile"
	"github.com/termlint/termlint/internal/iostreams"
)

// unformattedGlossary is a glossary file glossary fmt rewrites (its
// renderings are in block style, which fmt writes in flow style).
const unformattedGlossary = `concepts:
  - id: house-term
    zh: 外交政策
    renderings:
      - en: foreign policy
        status: preferred
`

// inconsistentDraft has one finding --fix fixes.
const inconsistentDraft = "Periphery work matters. Neighborhood work grows, and neighborhood work lasts.\n"

// TestWritersBareName runs every command that writes a file with a bare
// file name, in the current directory, while $TMPDIR does not exist: a
// temporary file put in $TMPDIR (which on another file system makes the
// rename fail with "invalid cross-device link") fails here. Each write
// must succeed and leave no temporary file.
func TestWritersBareName(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("TMPDIR", filepath.Join(dir, "no-such-tmp"))
	for name, content := range map[string]string{"a.md": inconsistentDraft, "t.yaml": unformattedGlossary} {
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"check", "--fix", "a.md"},
		{"check", "--write-baseline", "b.json", "a.md"},
		{"glossary", "fmt", "t.yaml"},
		{"glossary", "export", "-o", "out.json"},
		{"glossary", "export", "-o", "out.json"}, // over the file it made
		{"init", "."},
		{"init", "--force", "."},
	} {
		code, _, stderr := runCLI(t, args...)
		if code != 0 && code != 1 || strings.Contains(stderr, "termlint-") || strings.Contains(stderr, "no-such-tmp") {
			t.Errorf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	if got, _ := os.ReadFile("a.md"); !strings.HasPrefix(string(got), "Neighborhood work matters.") {
		t.Errorf("a.md not fixed:\n%s", got)
	}
	if got, _ := os.ReadFile("t.yaml"); string(got) == unformattedGlossary {
		t.Errorf("t.yaml not formatted:\n%s", got)
	}
	var names []string
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := ".termlint.yaml a.md b.json out.json t.yaml"; strings.Join(names, " ") != want {
		t.Errorf("the directory holds %v, want %s", names, want)
	}
}

// TestFixRefusesWhatARenameWouldLose: --fix leaves a read-only file and a
// file with a second hard link as they are, says why naming the file the
// user gave (not a temporary file), exits 2, and fixes the other files.
func TestFixRefusesWhatARenameWouldLose(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{"locked.md", "linked.md", "plain.md"} {
		if err := os.WriteFile(name, []byte(inconsistentDraft), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod("locked.md", 0o444); err != nil {
		t.Fatal(err)
	}
	hardLinks := os.Link("linked.md", "second-name.txt") == nil
	code, _, stderr := runCLI(t, "check", "--fix", "locked.md", "linked.md", "plain.md")
	if code != 2 {
		t.Errorf("exit %d, want 2\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "termlint: locked.md: file is read-only; not written\n") {
		t.Errorf("no read-only error for locked.md:\n%s", stderr)
	}
	if hardLinks && !strings.Contains(stderr, "termlint: linked.md: file has other hard links") {
		t.Errorf("no hard-link error for linked.md:\n%s", stderr)
	}
	if strings.Contains(stderr, "termlint-") {
		t.Errorf("an error names a temporary file:\n%s", stderr)
	}
	for name, fixed := range map[string]bool{"locked.md": false, "linked.md": !hardLinks, "second-name.txt": false, "plain.md": true} {
		got, err := os.ReadFile(name)
		if err != nil {
			continue // no hard links here
		}
		if (string(got) != inconsistentDraft) != fixed {
			t.Errorf("%s fixed: %v, want %v:\n%s", name, !fixed, fixed, got)
		}
	}
	if info, _ := os.Stat("locked.md"); info.Mode().Perm() != 0o444 {
		t.Errorf("locked.md has mode %v", info.Mode())
	}
}

// fakeSignals makes the signal relay of writeGuard the test's: send, when
// called, delivers a signal to the guard in effect, as the system would.
func fakeSignals(t *testing.T) (send func(os.Signal)) {
	t.Helper()
	var guarded chan<- os.Signal
	saved := notifySignals
	notifySignals = func(c chan<- os.Signal) { guarded = c }
	t.Cleanup(func() { notifySignals = saved })
	return func(sig os.Signal) {
		if guarded == nil {
			t.Fatal("a signal came while no write was guarded")
		}
		guarded <- sig
	}
}

// TestFmtInterrupted interrupts glossary fmt while it rewrites the
// second of three files: that file is finished, the third is left as it
// is, and stderr says so; the exit status is 130.
func TestFmtInterrupted(t *testing.T) {
	send := fakeSignals(t)
	dir := t.TempDir()
	var names []string
	for _, name := range []string{"a.yaml", "b.yaml", "c.yaml"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(unformattedGlossary), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, path)
	}
	ios, _, _, errOut := iostreams.Test()
	calls := 0
	replace := func(path string, data, expected []byte) error {
		if calls++; calls == 2 {
			send(os.Interrupt)
		}
		return atomicfile.Replace(path, data, expected)
	}
	err := fmtRun(&fmtOptions{IO: ios, ReadFile: os.ReadFile, Replace: replace, Files: names})
	var exit *exitError
	if !errors.As(err, &exit) || exit.code != 130 {
		t.Errorf("err = %v, want exit status 130", err)
	}
	want := "termlint: interrupted (interrupt): 2 files formatted, 1 file not formatted\n" +
		"termlint: formatted: " + names[0] + "\ntermlint: formatted: " + names[1] + "\ntermlint: not formatted: " + names[2] + "\n"
	if errOut.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
	}
	for i, path := range names {
		got, _ := os.ReadFile(path)
		if formatted := string(got) != unformattedGlossary; formatted != (i < 2) {
			t.Errorf("%s formatted: %v, want %v", path, formatted, i < 2)
		}
	}
}

// TestSingleWriteInterrupted delivers a signal while export -o and
// --write-baseline write their one file: the file is written whole, and
// the command says so and exits 130.
func TestSingleWriteInterrupted(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("a.md", []byte(inconsistentDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		file string
	}{
		{[]string{"glossary", "export", "-o", "out.json"}, "out.json"},
		{[]string{"check", "--write-baseline", "b.json", "a.md"}, "b.json"},
	} {
		saved := notifySignals
		notifySignals = func(c chan<- os.Signal) { c <- os.Interrupt } // as soon as the write starts
		code, _, stderr := runCLI(t, tt.args...)
		notifySignals = saved
		want := "termlint: interrupted (interrupt): 1 file written, 0 files not written\ntermlint: written: " + tt.file + "\n"
		if code != 130 || !strings.Contains(stderr, want) {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant 130 and:\n%s", tt.args, code, stderr, want)
		}
		if data, err := os.ReadFile(tt.file); err != nil || !strings.HasSuffix(string(data), "}\n") {
			t.Errorf("%s: %v, not written whole:\n%s", tt.file, err, data)
		}
	}
}

// TestFixErrorNamesUserFile fixes a file in a folder the user may not
// write in, so that the temporary file cannot be made: the error names
// the user's file and the folder, never a temporary file. Root may write
// anywhere, so the test needs another user.
func TestFixErrorNamesUserFile(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("needs a user whom folder permissions bind")
	}
	dir := filepath.Join(t.TempDir(), "locked")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "a.md")
	if err := os.WriteFile(path, []byte(inconsistentDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	code, _, stderr := runCLI(t, "check", "--fix", path)
	want := "termlint: " + path + ": cannot create a temporary file in " + dir + string(filepath.Separator) + ": permission denied\n"
	if code != 2 || !strings.Contains(stderr, want) || strings.Contains(stderr, "termlint-") {
		t.Errorf("exit %d, stderr:\n%s\nwant 2 and:\n%s", code, stderr, want)
	}
}
