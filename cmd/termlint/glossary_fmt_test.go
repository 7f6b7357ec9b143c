package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/termlint/termlint/internal/iostreams"
)

// unformatted is a small glossary out of the canonical layout;
// formatted is what glossary fmt makes of it.
const (
	unformatted = "concepts:\n- zh: 甲   # the first\n  id: a\n  renderings: [{en: a}]\n"
	formatted   = "concepts:\n\n  - id: a\n    zh: 甲 # the first\n    renderings:\n      - en: a\n"
)

func TestGlossaryFmtRewrites(t *testing.T) {
	t.Chdir(writeFiles(t, map[string]string{"g.yaml": unformatted}))
	if err := os.Chmod("g.yaml", 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "--no-config", "glossary", "fmt", "g.yaml")
	if code != 0 || out != "" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if got := readText(t, "g.yaml"); got != formatted {
		t.Errorf("g.yaml is now\n%s\nwant\n%s", got, formatted)
	}
	if fi, err := os.Stat("g.yaml"); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode: %v %v, want 0600", fi.Mode(), err)
	}
	// Formatted already: nothing to say, nothing written.
	before, _ := os.Stat("g.yaml")
	code, out, errOut = runCLI(t, "--no-config", "glossary", "fmt", "g.yaml")
	after, _ := os.Stat("g.yaml")
	if code != 0 || out != "" || errOut != "" || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("second run: exit %d, stdout %q, stderr %q, rewritten %v", code, out, errOut, !after.ModTime().Equal(before.ModTime()))
	}
}

func TestGlossaryFmtCheck(t *testing.T) {
	t.Chdir(writeFiles(t, map[string]string{"bad.yaml": unformatted, "good.yaml": formatted}))
	code, out, errOut := runCLI(t, "--no-config", "glossary", "fmt", "--check", "good.yaml", "bad.yaml")
	if code != 1 || out != "bad.yaml\n" || errOut != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1, \"bad.yaml\\n\"", code, out, errOut)
	}
	if got := readText(t, "bad.yaml"); got != unformatted {
		t.Errorf("--check wrote bad.yaml:\n%s", got)
	}
	code, out, errOut = runCLI(t, "--no-config", "glossary", "fmt", "--check", "good.yaml")
	if code != 0 || out != "" || errOut != "" {
		t.Errorf("formatted file: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestGlossaryFmtDiff(t *testing.T) {
	t.Chdir(writeFiles(t, map[string]string{"g.yaml": unformatted}))
	code, out, errOut := runCLI(t, "--no-config", "glossary", "fmt", "--diff", "g.yaml")
	want := `--- a/g.yaml
+++ b/g.yaml
@@ -1,4 +1,6 @@
 concepts:
-- zh: 甲   # the first
-  id: a
-  renderings: [{en: a}]
+
+  - id: a
+    zh: 甲 # the first
+    renderings:
+      - en: a
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errOut, out, want)
	}
	if got := readText(t, "g.yaml"); got != unformatted {
		t.Errorf("--diff wrote g.yaml:\n%s", got)
	}
}

func TestGlossaryFmtBadFile(t *testing.T) {
	bad := "concepts:\n  - id: a\n    zh: 甲\n    colour: red\n    renderings: [{en: a}]\n"
	t.Chdir(writeFiles(t, map[string]string{"bad.yaml": bad, "g.yaml": unformatted}))
	code, out, errOut := runCLI(t, "--no-config", "glossary", "fmt", "bad.yaml", "g.yaml")
	wantErr := "bad.yaml:4:5: unknown key \"colour\" in concept \"a\" (known keys: id, zh, zh_variants, zh_except, zh_context, pinyin, kind, gloss, tags, notes, family, parts, related, renderings, examples)\n"
	if code != 2 || out != "" || errOut != wantErr {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errOut, wantErr)
	}
	if got := readText(t, "bad.yaml"); got != bad {
		t.Errorf("bad.yaml was changed:\n%s", got)
	}
	// The good file next to it is formatted all the same.
	if got := readText(t, "g.yaml"); got != formatted {
		t.Errorf("g.yaml:\n%s", got)
	}
}

func TestGlossaryFmtStdin(t *testing.T) {
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(unformatted)
	code := run([]string{"--no-config", "glossary", "fmt", "-"}, ios)
	if code != 0 || out.String() != formatted || errOut.String() != "" {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
	ios, in, out, _ = iostreams.Test()
	in.WriteString(formatted)
	if code := run([]string{"--no-config", "glossary", "fmt", "--check", "-"}, ios); code != 0 || out.String() != "" {
		t.Errorf("--check -: exit %d, stdout %q", code, out)
	}
}

func TestGlossaryFmtDefaultFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{"g.yaml": unformatted})
	t.Chdir(dir)
	code, _, errOut := runCLI(t, "--no-config", "glossary", "fmt")
	if code != 2 || errOut != "termlint: glossary fmt: name the glossary files to format (the embedded glossary cannot be rewritten)\n" {
		t.Errorf("no files: exit %d, stderr %q", code, errOut)
	}
	code, out, errOut := runCLI(t, "--no-config", "-g", "@default", "-g", "g.yaml", "glossary", "fmt", "--check")
	if code != 1 || out != "g.yaml\n" || errOut != "" {
		t.Errorf("--glossary: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
