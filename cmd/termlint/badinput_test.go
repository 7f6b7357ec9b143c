package main

import (
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// goodDraft has one finding, which every case of the bad-input catalogue
// expects on standard output: the other files are still checked.
const (
	goodDraft   = "We promote the Belt and Road Initiative and the One Belt, One Road policy.\n"
	goodFinding = "good.md:1:49: warning deprecated"
)

func encodeGB18030(t *testing.T, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func encodeUTF16LE(t *testing.T, s string) string {
	t.Helper()
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBadInputCatalogue runs check on each kind of bad input issue 8
// lists, next to a good file: each gets a message naming the file, and the
// line and column where they apply; the good file is still checked; and
// the exit status is 2 when an input could not be read, while notices
// (a binary file skipped, invalid UTF-8 read as it is, Markdown read as
// plain text) leave it as the findings make it.
func TestBadInputCatalogue(t *testing.T) {
	const inconsistent = "neighborhood diplomacy and then periphery diplomacy\n"
	tests := []struct {
		name     string
		files    map[string]string
		setup    func(t *testing.T) // in the files' directory
		args     []string           // after "check"; default: "."
		code     int
		stderr   []string // lines, in order
		findings []string // stdout lines that must be there, besides the good file's
	}{
		{name: "missing path", args: []string{"nosuch.md", "good.md"}, code: 2,
			stderr: []string{"termlint: nosuch.md: no such file or directory"}},
		{name: "symlink loop", setup: func(t *testing.T) {
			symlink(t, "loop-b", "loop-a")
			symlink(t, "loop-a", "loop-b")
		}, args: []string{"loop-a", "good.md"}, code: 2,
			stderr: []string{"termlint: loop-a: too many levels of symbolic links"}},
		{name: "directory symlink loop is not followed", setup: func(t *testing.T) {
			if err := os.Mkdir("sub", 0o755); err != nil {
				t.Fatal(err)
			}
			symlink(t, "..", "sub/up")
		}, code: 1,
			stderr: []string{"termlint: sub/up: skipped: a symbolic link to a directory above it, which would loop"}},
		{name: "symlink loop met in a walk", setup: func(t *testing.T) {
			symlink(t, "loop-b.md", "loop-a.md")
			symlink(t, "loop-a.md", "loop-b.md")
		}, code: 2,
			stderr: []string{"termlint: loop-a.md: too many levels of symbolic links", "termlint: loop-b.md: too many levels of symbolic links"}},
		{name: "dangling symlink met in a walk", setup: func(t *testing.T) {
			symlink(t, "gone.md", "draft.md")
		}, code: 2,
			stderr: []string{"termlint: draft.md: a symbolic link to gone.md, which does not exist"}},
		{name: "unreadable file", setup: func(t *testing.T) {
			// A socket cannot be opened as a file, not even by root, who
			// reads a file of mode 000.
			l, err := net.Listen("unix", "socket.md")
			if err != nil {
				t.Skip("no Unix sockets here:", err)
			}
			t.Cleanup(func() { l.Close() })
		}, args: []string{"socket.md", "good.md"}, code: 2,
			stderr: []string{"termlint: socket.md: no such device or address"}},
		{name: "invalid UTF-8", files: map[string]string{"latin1.txt": "neighborhood diplomacy, caf\xe9,\nperiphery diplomacy\n"}, code: 1,
			stderr:   []string{"termlint: latin1.txt:1:28: invalid UTF-8 (byte 0xE9), read as it is; if the file is in another encoding, name it with --encoding"},
			findings: []string{"latin1.txt:2:1: warning inconsistent"}},
		{name: "undeclared GB18030", files: map[string]string{"gb.txt": encodeGB18030(t, "周边外交："+inconsistent)}, code: 1,
			findings: []string{"gb.txt:1:38: warning inconsistent"}},
		{name: "undeclared UTF-16", files: map[string]string{"u16.txt": encodeUTF16LE(t, inconsistent)}, code: 1,
			findings: []string{"u16.txt:1:33: warning inconsistent"}},
		{name: "binary file", files: map[string]string{"logo.md": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, code: 1,
			stderr: []string{"termlint: logo.md:3:1: skipped: binary file (a NUL byte)"}},
		{name: "malformed XML", files: map[string]string{"a.tmx": "<tmx><body><tu>"}, code: 2,
			stderr: []string{"termlint: a.tmx:1:16: malformed XML: unexpected end of file"}},
		{name: "XML with a DTD entity", files: map[string]string{"a.xlf": "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"Belt and Road\">]>\n" +
			"<xliff version=\"1.2\"><file source-language=\"zh\" target-language=\"en\"><body><trans-unit id=\"1\">" +
			"<source>一带一路</source><target>&e;</target></trans-unit></body></file></xliff>\n"}, code: 2,
			stderr: []string{"termlint: a.xlf:3:124: malformed XML: invalid character entity &e; (XML knows only &amp; &lt; &gt; &quot; &apos; and character references; DTD entities are not expanded)"}},
		{name: "very deep XML", files: map[string]string{"deep.tmx": "<tmx><body><tu><tuv xml:lang=\"en\"><seg>" +
			strings.Repeat("<hi>", 100_000) + "Belt and Road" + strings.Repeat("</hi>", 100_000) + "</seg></tuv></tu></body></tmx>"}, code: 1},
		{name: "very deep Markdown", files: map[string]string{"deep.md": strings.Repeat(">", 100_000) + " neighborhood diplomacy\n\n" + inconsistent}, code: 1,
			stderr:   []string{"termlint: deep.md:1:1: a line nested 100001 columns deep in lists and quotations (more than 256): read as plain text, not Markdown"},
			findings: []string{"deep.md:3:33: warning inconsistent"}},
		{name: "empty file", files: map[string]string{"empty.md": ""}, code: 1},
		{name: "long line without a newline", files: map[string]string{"long.txt": strings.Repeat("lorem ipsum dolor ", 200_000) + inconsistent[:len(inconsistent)-1]}, code: 1,
			findings: []string{"long.txt:1:3600033: warning inconsistent"}},
		{name: "malformed glossary YAML", files: map[string]string{"g.yaml": "concepts:\n  - id: a\n    zh: [\n"}, args: []string{"-g", "g.yaml", "."}, code: 2,
			stderr: []string{"g.yaml:3: invalid YAML: did not find expected node content", "termlint: the glossary has 1 error; see termlint glossary validate"}},
		{name: "glossary with wrong types, unknown keys and duplicate ids", files: map[string]string{"g.yaml": "concepts:\n" +
			"  - {id: a, zh: 周边, renderings: [{en: x, status: preferred}], colour: red}\n" +
			"  - {id: a, zh: [周边], renderings: [{en: y, status: preferred}]}\n"}, args: []string{"-g", "g.yaml", "."}, code: 2,
			stderr: []string{
				`g.yaml:2:63: unknown key "colour" in concept "a" (known keys: id, zh, zh_variants, zh_except, zh_context, pinyin, kind, gloss, tags, notes, family, parts, related, renderings, examples)`,
				`g.yaml:3:10: duplicate concept id "a" (first defined at g.yaml:2:10)`,
				`g.yaml:3:17: concept "a" zh must be text, not a list`,
				"termlint: the glossary has 3 errors; see termlint glossary validate",
			}},
		{name: "glossary with no concepts", files: map[string]string{"g.yaml": "styles: {}\n"}, args: []string{"-g", "g.yaml", "."}, code: 2,
			stderr: []string{"g.yaml:1:1: the glossary has no concepts", "termlint: the glossary has 1 error; see termlint glossary validate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"good.md": goodDraft}
			for name, content := range tt.files {
				files[name] = content
			}
			t.Chdir(writeFiles(t, files))
			if tt.setup != nil {
				tt.setup(t)
			}
			args := tt.args
			if args == nil {
				args = []string{"."}
			}
			code, stdout, stderr := runCLI(t, append([]string{"--no-config", "check", "--fail-on", "warning"}, args...)...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			if got := nonEmptyLines(stderr); strings.Join(got, "\n") != strings.Join(tt.stderr, "\n") {
				t.Errorf("stderr:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.stderr, "\n"))
			}
			if tt.code == 2 && strings.Contains(strings.Join(args, " "), "-g") {
				return // no glossary, nothing checked
			}
			for _, want := range append([]string{goodFinding}, tt.findings...) {
				if !strings.Contains(stdout, "\n"+want) && !strings.HasPrefix(stdout, want) {
					t.Errorf("stdout has no %q:\n%s", want, stdout)
				}
			}
		})
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, filepath.FromSlash(name)); err != nil {
		t.Skip("no symbolic links here:", err)
	}
}

func nonEmptyLines(s string) []string {
	var lines []string
	for line := range strings.SplitSeq(s, "\n") {
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// TestLongLineLinear checks files of one line, 1 MB and 8 MB, in the text
// format (which quotes the line) and asserts that what is allocated grows
// with the file, not faster: a reader, the matcher or a printer that
// copied the line once per word or per finding would allocate 64 times as
// much for 8 times the text. (Time is measured, not asserted: issue 8's
// closing note has a 200 MB line.)
func TestLongLineLinear(t *testing.T) {
	allocated := func(size int) uint64 {
		line := strings.Repeat("lorem ipsum periphery diplomacy dolor ", size/38) + "neighborhood diplomacy"
		t.Chdir(writeFiles(t, map[string]string{"long.md": line}))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		code, stdout, stderr := runCLI(t, "--no-config", "check", "--fail-on", "warning", "long.md")
		runtime.ReadMemStats(&after)
		if code != 1 || !strings.Contains(stdout, "long.md:1:") || stderr != "" {
			t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(1<<20), allocated(8<<20)
	t.Logf("allocated %d MB for 1 MB, %d MB for 8 MB", small>>20, large>>20)
	if ratio := float64(large) / float64(small); ratio > 12 {
		t.Errorf("a line 8 times as long allocated %.1f times as much (%d MB, then %d MB)", ratio, small>>20, large>>20)
	}
}
