package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	if want := "a.md b.json out.json t.yaml"; strings.Join(names, " ") != want {
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
