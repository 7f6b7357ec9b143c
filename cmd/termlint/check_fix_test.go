package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/termlint/termlint/internal/fixture"
	"github.com/termlint/termlint/internal/iostreams"
)

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A draft whose majority writes "work on periphery affairs": the slip
// "periphery work" is fixed to it, in the slip's case.
const slipDraft = "Our work on periphery affairs grew.\nPeriphery work lacks staff.\nMore work on periphery affairs is planned.\n"
const slipFixed = "Our work on periphery affairs grew.\nWork on periphery affairs lacks staff.\nMore work on periphery affairs is planned.\n"

func TestCheckFix(t *testing.T) {
	dir := writeFiles(t, map[string]string{"draft.txt": slipDraft})
	path := filepath.Join(dir, "draft.txt")
	if runtime.GOOS != "windows" {
		if err := os.Chmod(path, 0o640); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCLI(t, "check", "--fix", path)
	if code != 0 {
		t.Fatalf("exit %d, want 0 (nothing left): %s%s", code, out, errOut)
	}
	if got := readFile(t, path); got != slipFixed {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, slipFixed)
	}
	if errOut != "termlint: fixed 1 finding in 1 file\n" {
		t.Errorf("stderr %q", errOut)
	}
	if out != "0 findings (0 errors, 0 warnings, 0 info) in 1 file\n" {
		t.Errorf("stdout %q", out)
	}
	if fi, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	// A second run changes nothing.
	code, out, errOut = runCLI(t, "check", "--fix", path)
	if code != 0 || readFile(t, path) != slipFixed || errOut != "termlint: fixed 0 findings in 0 files\n" {
		t.Errorf("second run: exit %d, %s%s", code, out, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %d entries; temporary files left?", len(entries))
	}
}

// TestCheckFixRemaining: findings without a single suggestion stay, are
// printed in the chosen format, and set the exit status.
func TestCheckFixRemaining(t *testing.T) {
	dir := writeFiles(t, map[string]string{"d.md": "Our periphery work, our work on periphery affairs and work on periphery affairs.\n\nSurrounding countries agree.\n"})
	path := filepath.Join(dir, "d.md")
	code, out, errOut := runCLI(t, "check", "--fix", "--format", "json", path)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s%s", code, out, errOut)
	}
	if !strings.Contains(out, `"text": "Surrounding countries"`) || strings.Contains(out, `"fix"`) || !strings.Contains(out, `"findings": 1`) {
		t.Errorf("JSON of what is left:\n%s", out)
	}
	if got := readFile(t, path); !strings.HasPrefix(got, "Our work on periphery affairs, our") {
		t.Errorf("not fixed: %q", got)
	}
}

func TestCheckDiff(t *testing.T) {
	code, out, errOut := runCLI(t, "check", "--diff", "../../testdata/examples/slip.txt")
	want := `--- a/../../testdata/examples/slip.txt
+++ b/../../testdata/examples/slip.txt
@@ -1,3 +1,3 @@
 Our work on periphery affairs grew this year,
-but periphery work still lacks staff.
+but work on periphery affairs still lacks staff.
 More work on periphery affairs is planned.
`
	if code != 1 || out != want {
		t.Errorf("exit %d, diff:\n%s\nwant:\n%s", code, out, want)
	}
	if errOut != "termlint: --fix would fix 1 finding in 1 file\n" {
		t.Errorf("stderr %q", errOut)
	}
	// Nothing to fix: no diff, status 0, and nothing written by --diff.
	dir := writeFiles(t, map[string]string{"d.txt": slipDraft})
	path := filepath.Join(dir, "d.txt")
	if code, _, _ := runCLI(t, "check", "--diff", path); code != 1 || readFile(t, path) != slipDraft {
		t.Errorf("--diff wrote the file or exit %d", code)
	}
	code, out, _ = runCLI(t, "check", "--diff", "../../testdata/examples/mixed.txt")
	if code != 0 || out != "" {
		t.Errorf("nothing to fix: exit %d, %q", code, out)
	}
}

func TestCheckFixAndDiffTogether(t *testing.T) {
	code, _, errOut := runCLI(t, "check", "--fix", "--diff", "../../testdata/examples/slip.txt")
	if code != 2 || !strings.Contains(errOut, "--fix and --diff do not go together") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// TestCheckFixRefusesChangedFile changes one file between the read and
// the write: it is left with the change and the status is 2; the other
// file is still fixed.
func TestCheckFixRefusesChangedFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": slipDraft, "b.txt": slipDraft})
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	const edited = "Saved meanwhile: periphery work, work on periphery affairs, work on periphery affairs.\n"
	beforeReplace = func(path string) {
		if path == a {
			if err := os.WriteFile(a, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	defer func() { beforeReplace = func(string) {} }()
	code, out, errOut := runCLI(t, "check", "--fix", a, b)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(errOut, a+": file changed since it was read; not fixed") {
		t.Errorf("stderr lacks the refusal:\n%s", errOut)
	}
	if readFile(t, a) != edited || readFile(t, b) != slipFixed {
		t.Errorf("a.txt %q (want the edit kept), b.txt %q (want fixed)", readFile(t, a), readFile(t, b))
	}
	// The report is of the files as they are on disk: a.txt unfixed.
	if !strings.Contains(out, "a.txt:2:1: warning inconsistent") || !strings.Contains(errOut, "fixed 1 finding in 1 file") {
		t.Errorf("report:\n%s%s", out, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the directory holds %d entries; temporary files left?", len(entries))
	}
}

// TestCheckFixScopeAll fixes two files checked together: the majority is
// counted over both.
func TestCheckFixScopeAll(t *testing.T) {
	files := map[string]string{
		"a.md": "We do work on periphery affairs, and more work on periphery affairs.\n",
		"b.md": "Periphery work is hard.\n",
	}
	dir := writeFiles(t, files)
	if code, _, errOut := runCLI(t, "check", "--fix", dir); code != 0 || errOut != "termlint: fixed 0 findings in 0 files\n" {
		t.Errorf("scope file: exit %d, %s", code, errOut)
	}
	code, out, errOut := runCLI(t, "check", "--fix", "--scope", "all", dir)
	if code != 0 || errOut != "termlint: fixed 1 finding in 1 file\n" {
		t.Errorf("scope all: exit %d, %s%s", code, out, errOut)
	}
	if got := readFile(t, filepath.Join(dir, "b.md")); got != "Work on periphery affairs is hard.\n" {
		t.Errorf("b.md = %q", got)
	}
	if got := readFile(t, filepath.Join(dir, "a.md")); got != files["a.md"] {
		t.Errorf("a.md changed: %q", got)
	}
}

// TestCheckFixEncodings fixes files in every encoding termlint reads and
// finds each written back in its encoding, byte order mark and line
// endings, changed only at the fix.
func TestCheckFixEncodings(t *testing.T) {
	const text = "周边工作: work on periphery affairs.\r\nAgain work on periphery affairs.\r\nBut periphery work.\r\n"
	const fixed = "周边工作: work on periphery affairs.\r\nAgain work on periphery affairs.\r\nBut work on periphery affairs.\r\n"
	enc := func(e encoding.Encoding, bom, s string) string {
		b, err := e.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return bom + b
	}
	le, be := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []struct {
		name      string
		in, want  string
		extraArgs []string
	}{
		{"crlf.txt", text, fixed, nil},
		{"bom.txt", "\uFEFF" + text, "\uFEFF" + fixed, nil},
		{"utf16le-bom.txt", enc(le, "\xFF\xFE", text), enc(le, "\xFF\xFE", fixed), nil},
		{"utf16be-bom.txt", enc(be, "\xFE\xFF", text), enc(be, "\xFE\xFF", fixed), nil},
		{"utf16le.txt", enc(le, "", text), enc(le, "", fixed), nil},
		{"gbk.txt", enc(simplifiedchinese.GBK, "", text), enc(simplifiedchinese.GBK, "", fixed), []string{"--encoding", "gbk"}},
		{"gb18030.txt", enc(simplifiedchinese.GB18030, "", text), enc(simplifiedchinese.GB18030, "", fixed), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{tt.name: tt.in})
			path := filepath.Join(dir, tt.name)
			args := append(append([]string{"check", "--fix", "--bilingual", "off"}, tt.extraArgs...), path)
			code, out, errOut := runCLI(t, args...)
			if code != 0 || errOut != "termlint: fixed 1 finding in 1 file\n" {
				t.Errorf("exit %d: %s%s", code, out, errOut)
			}
			if got := readFile(t, path); got != tt.want {
				t.Errorf("written %q\nwant    %q", got, tt.want)
			}
		})
	}
}

// TestCheckFixLossyFile: a file whose encoding does not write its text
// back byte for byte (invalid GBK here) is refused and left alone; the
// other files are fixed.
func TestCheckFixLossyFile(t *testing.T) {
	bad := "\x81\x20 work on periphery affairs, work on periphery affairs, periphery work\n"
	dir := writeFiles(t, map[string]string{"bad.txt": bad, "good.txt": "work on periphery affairs, work on periphery affairs, periphery work\n"})
	code, _, errOut := runCLI(t, "check", "--fix", "--encoding", "gbk", dir)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(errOut, "bad.txt: its encoding (gbk) does not write the text back byte for byte; not fixed") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if readFile(t, filepath.Join(dir, "bad.txt")) != bad {
		t.Error("bad.txt was written")
	}
	if got := readFile(t, filepath.Join(dir, "good.txt")); !strings.HasSuffix(got, ", work on periphery affairs\n") {
		t.Errorf("good.txt not fixed: %q", got)
	}
}

// TestCheckFixStdin prints the fixed text on standard output and the
// report on standard error.
func TestCheckFixStdin(t *testing.T) {
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(slipDraft)
	code := run([]string{"check", "--fix", "-"}, ios)
	if code != 0 || out.String() != slipFixed {
		t.Errorf("exit %d, stdout:\n%s", code, out)
	}
	if want := "termlint: fixed 1 finding in 1 file\n0 findings (0 errors, 0 warnings, 0 info) in 1 file\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

// TestCheckFixSourceTarget fixes the English of a --source/--target pair,
// aligned with its Chinese paragraph by paragraph.
func TestCheckFixSourceTarget(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"zh.txt": "做好周边工作。\n\n周边工作很重要。\n\n周边工作要稳步推进。\n",
		"en.txt": "Do neighborhood work well.\n\nNeighborhood work matters.\n\nPeriphery work must move steadily.\n",
	})
	code, out, errOut := runCLI(t, "check", "--fix", "--source", filepath.Join(dir, "zh.txt"), "--target", filepath.Join(dir, "en.txt"))
	if code != 0 {
		t.Errorf("exit %d: %s%s", code, out, errOut)
	}
	want := "Do neighborhood work well.\n\nNeighborhood work matters.\n\nNeighborhood work must move steadily.\n"
	if got := readFile(t, filepath.Join(dir, "en.txt")); got != want {
		t.Errorf("en.txt = %q, want %q", got, want)
	}
}

// TestCheckFixBaseline checks that --fix leaves alone what the baseline
// records and fixes what is new, and that the --rule settings hold while
// fixing.
func TestCheckFixBaseline(t *testing.T) {
	dir := writeFiles(t, map[string]string{"draft.txt": slipDraft})
	path, base := filepath.Join(dir, "draft.txt"), filepath.Join(dir, "baseline.json")
	if code, _, errOut := runCLI(t, "check", "--write-baseline", base, path); code != 0 {
		t.Fatalf("--write-baseline: exit %d: %s", code, errOut)
	}
	// A new slip below the recorded one.
	grown := slipDraft + "Periphery work needs a plan.\n"
	if err := os.WriteFile(path, []byte(grown), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, "check", "--rule", "inconsistent=off", "--fix", path); code != 0 || readFile(t, path) != grown {
		t.Fatalf("--fix with inconsistent off changed the file (exit %d): %s%s", code, out, errOut)
	}
	code, out, errOut := runCLI(t, "check", "--baseline", base, "--fix", path)
	want := strings.Replace(grown, "Periphery work needs", "Work on periphery affairs needs", 1)
	if code != 0 || readFile(t, path) != want {
		t.Errorf("--fix --baseline: exit %d, file:\n%s\nwant:\n%s\n%s%s", code, readFile(t, path), want, out, errOut)
	}
}

// diffHeader is a unified diff's hunk header: where the hunk starts in the
// old and the new file, and how many lines it has in each.
var diffHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

// applyUnified applies a unified diff of one file to before the way patch
// does, but with no fuzz and no offset: each hunk must stand exactly where
// its header says in the old file (its context and removed lines are the
// old file's lines there), its lines must land exactly where its header
// says in the new file, and its counts must be the lines it has. It
// returns the patched text and the number of hunks.
func applyUnified(before, diff string) (string, int, error) {
	old := strings.SplitAfter(before, "\n")
	if old[len(old)-1] == "" {
		old = old[:len(old)-1]
	}
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return "", 0, fmt.Errorf("no file header in %q", diff)
	}
	var out []string
	pos, hunks := 0, 0
	for i := 2; i < len(lines) && lines[i] != ""; {
		m := diffHeader.FindStringSubmatch(strings.TrimSuffix(lines[i], "\n"))
		if m == nil {
			return "", hunks, fmt.Errorf("line %d: %q is no hunk header", i+1, lines[i])
		}
		hunks++
		num := func(s string) int {
			if s == "" {
				return 1 // a count left out is 1
			}
			n, _ := strconv.Atoi(s)
			return n
		}
		oldStart, oldCount, newStart, newCount := num(m[1]), num(m[2]), num(m[3]), num(m[4])
		// An empty side's start is the line before the hunk.
		oldAt, newAt := oldStart-1, newStart-1
		if oldCount == 0 {
			oldAt = oldStart
		}
		if newCount == 0 {
			newAt = newStart
		}
		if oldAt < pos || oldAt > len(old) {
			return "", hunks, fmt.Errorf("%s: the old file's line %d is out of order or range", m[0], oldStart)
		}
		out = append(out, old[pos:oldAt]...)
		pos = oldAt
		if newAt != len(out) {
			return "", hunks, fmt.Errorf("%s: the hunk lands at line %d of the new file, not %d", m[0], len(out)+1, newStart)
		}
		var oldSeen, newSeen int
		for i++; i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@"); i++ {
			kind, text := lines[i][0], lines[i][1:]
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ No newline at end of file`) {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch kind {
			case ' ', '-':
				if pos >= len(old) || old[pos] != text {
					return "", hunks, fmt.Errorf("%s: %q is not line %d of the old file", m[0], text, pos+1)
				}
				if kind == ' ' {
					out = append(out, text)
					newSeen++
				}
				pos++
				oldSeen++
			case '+':
				out = append(out, text)
				newSeen++
			default:
				return "", hunks, fmt.Errorf("line %d: %q in a hunk", i+1, lines[i])
			}
		}
		if oldSeen != oldCount || newSeen != newCount {
			return "", hunks, fmt.Errorf("%s: the hunk has %d old and %d new lines", m[0], oldSeen, newSeen)
		}
	}
	out = append(out, old[pos:]...)
	return strings.Join(out, ""), hunks, nil
}

// TestUnifiedDiffHeaders holds every hunk header of unifiedDiff to the two
// texts: changes near enough to share a hunk, changes far apart, and
// changes that add or remove lines before later hunks, with and without a
// final line break.
func TestUnifiedDiffHeaders(t *testing.T) {
	var base []string
	for i := range 60 {
		base = append(base, fmt.Sprintf("line %d of the draft\n", i+1))
	}
	edit := func(f func(lines []string) []string) string {
		return strings.Join(f(slices.Clone(base)), "")
	}
	before := strings.Join(base, "")
	tests := map[string]string{
		"far apart, same length": edit(func(l []string) []string {
			l[2], l[30], l[57] = "changed\n", "changed\n", "changed\n"
			return l
		}),
		"joined, then far": edit(func(l []string) []string {
			l[9], l[13], l[40] = "changed\n", "changed\n", "changed\n"
			return l
		}),
		"a line lost before later hunks": edit(func(l []string) []string {
			l[5] = "changed\n"
			l[20] = "joined with the next: " + l[21]
			l = slices.Delete(l, 21, 22)
			l[44] = "changed\n"
			return l
		}),
		"lines gained before later hunks": edit(func(l []string) []string {
			l[3] = "split\ninto three\nlines\n"
			l[15] = "changed\n"
			l[35] = "changed\n"
			return l
		}),
		"last line without a line break": strings.TrimSuffix(edit(func(l []string) []string {
			l[1], l[20], l[59] = "changed\n", "changed\n", "changed\n"
			return l
		}), "\n"),
	}
	for name, after := range tests {
		t.Run(name, func(t *testing.T) {
			diff := unifiedDiff("draft.txt", []byte(before), []byte(after))
			got, hunks, err := applyUnified(before, diff)
			if err != nil {
				t.Fatalf("%v\n%s", err, diff)
			}
			if got != after {
				t.Errorf("the diff does not give the new text:\n%s", diff)
			}
			if hunks < 3 && name != "joined, then far" {
				t.Errorf("%d hunks, want at least 3:\n%s", hunks, diff)
			}
		})
	}

	// Random line edits, many hunks each.
	r := rand.New(rand.NewPCG(7, 11))
	for range 300 {
		l := slices.Clone(base)
		for range 1 + r.IntN(8) {
			i := r.IntN(len(l))
			switch r.IntN(4) {
			case 0:
				l[i] = "changed\n"
			case 1:
				l = slices.Delete(l, i, i+1)
			case 2:
				l = slices.Insert(l, i, "inserted\n")
			default:
				l[i] = "one\ntwo\n"
			}
		}
		after := strings.Join(l, "")
		diff := unifiedDiff("draft.txt", []byte(before), []byte(after))
		if got, _, err := applyUnified(before, diff); err != nil || got != after {
			t.Fatalf("%v; the diff does not give the new text:\n%s", err, diff)
		}
	}
}

// TestCheckDiffHunks prints the diff of testdata/fix/hunks.md, whose fixes
// make several hunks (one of them joining two fixes, one losing a line),
// and applies it to the file strictly: it must give the fixed text that
// the fix package's golden file has.
func TestCheckDiffHunks(t *testing.T) {
	const path = "../../testdata/fix/hunks.md"
	before := readFile(t, path)
	opts, err := fixture.Options([]byte(before))
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"check", "--diff"}
	if opts.Style != "" {
		args = append(args, "--style", opts.Style)
	}
	if opts.Scope != "" {
		args = append(args, "--scope", string(opts.Scope))
	}
	code, diff, errOut := runCLI(t, append(args, path)...)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	got, hunks, err := applyUnified(before, diff)
	if err != nil {
		t.Fatalf("%v\n%s", err, diff)
	}
	if hunks < 3 {
		t.Errorf("%d hunks, want at least 3:\n%s", hunks, diff)
	}
	if want := readFile(t, path+".golden"); got != want {
		t.Errorf("the diff gives:\n%s\nwant (hunks.md.golden):\n%s\ndiff:\n%s", got, want, diff)
	}
}
