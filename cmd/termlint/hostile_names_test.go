package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker/printer"
)

// A file name that, printed raw on its own lines, is a GitHub workflow
// command the runner obeys: an error annotation on a file the run never
// checked (issue 20, item 13).
const hostileName = "x\n::error file=README.md::forged\n.md"

// hostileTree writes a directory with a draft under hostileName whose text
// holds a terminal escape sequence and a bidirectional override beside
// two deprecated renderings, and a binary file whose name forges a warning,
// which a run skips with a notice.
func hostileTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	draft := "Early reports called it One Belt, One Road and \x1b[31mOBOR\x1b[0m \u202egnirts\u202c.\n"
	if err := os.WriteFile(filepath.Join(dir, hostileName), []byte(draft), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bin\n::warning::forged\n.md"), []byte("\x00\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// rawControl returns the first character of out that Text would have
// escaped, other than the newlines that end lines, or "".
func rawControl(out string) string {
	for _, r := range out {
		if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == '\u202e' || r == '\u202c') {
			return string(r)
		}
	}
	return ""
}

// TestHostileNamesEveryFormat runs check over the hostile tree, and a
// missing path with a hostile name, in every format, and checks that no
// line of standard output or standard error is a forged workflow command
// and that no control character reaches either raw.
func TestHostileNamesEveryFormat(t *testing.T) {
	dir := hostileTree(t)
	missing := filepath.Join(dir, "gone\n::error::forged")
	for _, format := range printer.Formats() {
		code, stdout, stderr := runCLI(t, "--no-config", "check", "--format", format.Name, "--fail-on", "none", dir, missing)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2 for the missing path", format.Name, code)
		}
		for stream, out := range map[string]string{"stdout": stdout, "stderr": stderr} {
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "::error") || strings.HasPrefix(line, "::warning::forged") {
					t.Errorf("%s: %s has the forged workflow command %q", format.Name, stream, line)
				}
			}
			if c := rawControl(out); c != "" {
				t.Errorf("%s: %s has %q raw:\n%s", format.Name, stream, c, out)
			}
		}
		for _, notice := range []string{`bin\n::warning::forged\n.md:1:1: skipped: binary file`, `gone\n::error::forged: `} {
			if !strings.Contains(stderr, notice) {
				t.Errorf("%s: stderr lacks %q, escaped:\n%s", format.Name, notice, stderr)
			}
		}
		if format.Name == "github" && !strings.Contains(stdout, "::warning file="+filepath.ToSlash(dir)+"/x%0A%3A%3Aerror file=README.md%3A%3Aforged%0A.md,line=1,col=25,") {
			t.Errorf("github: want an annotation of the finding, its file escaped:\n%s", stdout)
		}
	}
}

// TestHostileNamesTextShowsEscapes checks what the text format shows:
// the name and the line's control characters written as Go escapes.
func TestHostileNamesTextShowsEscapes(t *testing.T) {
	dir := hostileTree(t)
	_, stdout, _ := runCLI(t, "--no-config", "check", "--fail-on", "none", filepath.Join(dir, hostileName))
	for _, want := range []string{
		`x\n::error file=README.md::forged\n.md:1:25: warning deprecated:`,
		`  | Early reports called it One Belt, One Road and \x1b[31mOBOR\x1b[0m \u202egnirts\u202c.`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}

// TestHostileNamesUsage checks the usage report, which quotes files'
// names and lines too, over the hostile tree.
func TestHostileNamesUsage(t *testing.T) {
	dir := hostileTree(t)
	_, stdout, stderr := runCLI(t, "--no-config", "usage", "一带一路", dir)
	for stream, out := range map[string]string{"stdout": stdout, "stderr": stderr} {
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "::") {
				t.Errorf("%s has the forged workflow command %q", stream, line)
			}
		}
		if c := rawControl(out); c != "" {
			t.Errorf("%s has %q raw:\n%s", stream, c, out)
		}
	}
	if want := `x\n::error file=README.md::forged\n.md:1:25`; !strings.Contains(stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, stdout)
	}
}
