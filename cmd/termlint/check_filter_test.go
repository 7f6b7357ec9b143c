package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/gittest"
)

// reported runs check with args and --format json and returns the
// findings as "file:line rule", the exit status and standard error.
func reported(t *testing.T, args ...string) ([]string, int, string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, append([]string{"check", "--format", "json"}, args...)...)
	var out struct {
		Findings []struct {
			File, Rule string
			Line       int
		}
	}
	if stdout == "" && code == 2 { // an error said why on stderr
		return nil, code, stderr
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("check %v: exit %d, %v\nstdout %s\nstderr %s", args, code, err, stdout, stderr)
	}
	var got []string
	for _, f := range out.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", filepath.ToSlash(f.File), f.Line, f.Rule))
	}
	return got, code, stderr
}

// A draft whose every "One Belt, One Road" is a deprecated finding, one
// per line, whatever else is written.
const adoptDraft = `# Notes on the plan

The One Belt, One Road plan began in 2013.

Officials later dropped One Belt, One Road from English texts.

A third paragraph mentions One Belt, One Road again.

Closing remarks.
`

// TestCheckDiffBase: in a git repository, --diff-base HEAD reports the
// findings on edited lines and in new files only, after checking the
// whole scope; a --source Chinese file is judged by its own lines.
func TestCheckDiffBase(t *testing.T) {
	dir := t.TempDir()
	gittest.Isolate(t, dir)
	t.Chdir(dir)
	git := func(args ...string) {
		t.Helper()
		gittest.Run(t, dir, args...)
	}
	if _, code, stderr := reported(t, "--diff-base", "HEAD", "."); code != 2 ||
		!strings.Contains(stderr, "--diff-base HEAD: git rev-parse: fatal: not a git repository") {
		t.Errorf("outside a repository: exit %d, stderr %s", code, stderr)
	}

	git("init", "-q")
	writeText(t, "docs/draft.md", adoptDraft)
	writeText(t, "zh.txt", "我们深化互联互通。\n\n做好周边工作。\n")
	writeText(t, "en.txt", "We deepen our ties.\n\nDo neighborhood work well.\n")
	git("add", ".")
	git("commit", "-q", "-m", "drafts")
	if got, code, _ := reported(t, "--diff-base", "HEAD", "docs"); len(got) != 0 || code != 0 {
		t.Errorf("nothing changed: %v, exit %d", got, code)
	}

	// A line inserted at the top shifts every finding; two lines are
	// edited to hold one, a new file has one.
	draft := strings.Replace("Draft 2.\n"+adoptDraft, "Officials later dropped One Belt, One Road from English texts.",
		"Officials dropped One Belt, One Road in 2015.", 1)
	draft = strings.Replace(draft, "Closing remarks.", "Closing remarks on One Belt, One Road.", 1)
	writeText(t, "docs/draft.md", draft)
	writeText(t, "docs/new.md", "Nothing but OBOR here.\n")
	writeText(t, "zh.txt", "我们深化互联互通。\n\n扎实做好周边工作，加强互联互通。\n")
	writeText(t, "en.txt", "We deepen our ties.\n\nDo neighborhood work well and strengthen ties.\n")

	got, code, stderr := reported(t, "--diff-base", "HEAD", "docs")
	want := []string{"docs/draft.md:6 deprecated", "docs/draft.md:10 deprecated", "docs/new.md:1 deprecated"}
	if !slices.Equal(got, want) || code != 1 || !strings.Contains(stderr, "2 findings hidden on lines unchanged since HEAD") {
		t.Errorf("--diff-base HEAD: %v (exit %d, stderr %q), want %v", got, code, stderr, want)
	}
	if all, _, _ := reported(t, "docs"); len(all) != 5 {
		t.Errorf("without --diff-base: %v, want 5 findings", all)
	}
	// From a subdirectory, with the path given absolute.
	t.Chdir("docs")
	if got, _, _ := reported(t, "--diff-base", "HEAD", filepath.Join(dir, "docs", "draft.md")); len(got) != 2 {
		t.Errorf("from docs/: %v, want the two edited lines", got)
	}
	t.Chdir("..")

	got, _, _ = reported(t, "--diff-base", "HEAD", "--source", "zh.txt", "--target", "en.txt")
	if want := []string{"zh.txt:3 missing"}; !slices.Equal(got, want) {
		t.Errorf("--source: %v, want %v", got, want)
	}

	if _, code, stderr := reported(t, "--diff-base", "no-such-branch", "docs"); code != 2 || !strings.Contains(stderr, "bad revision 'no-such-branch'") {
		t.Errorf("bad revision: exit %d, stderr %s", code, stderr)
	}
}

// TestCheckBaseline: a baseline written for a draft hides its findings
// after lines are inserted above them, and a new slip of a recorded kind
// is reported alone.
func TestCheckBaseline(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeText(t, "docs/draft.md", adoptDraft)

	code, stdout, stderr := runCLI(t, "check", "--write-baseline", "termlint.baseline.json", "docs")
	if code != 0 || stdout != "" || stderr != "recorded 3 findings in termlint.baseline.json\n" {
		t.Errorf("--write-baseline: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	data, err := os.ReadFile("termlint.baseline.json")
	if err != nil || strings.Count(string(data), `"file":"docs/draft.md"`) != 3 {
		t.Fatalf("baseline: %v\n%s", err, data)
	}

	draft := "Draft 2.\n\nA new first paragraph.\n" + strings.Replace(adoptDraft,
		"Closing remarks.", "Closing remarks.\n\nThe One Belt, One Road label is gone.", 1)
	writeText(t, "docs/draft.md", draft)
	got, code, stderr := reported(t, "--baseline", "termlint.baseline.json", "docs")
	if want := []string{"docs/draft.md:14 deprecated"}; !slices.Equal(got, want) || code != 1 ||
		!strings.Contains(stderr, "3 findings hidden by the baseline termlint.baseline.json") {
		t.Errorf("--baseline: %v (exit %d, stderr %q), want %v", got, code, stderr, want)
	}
	// Every format prints what is left; text too.
	code, stdout, _ = runCLI(t, "check", "--baseline", "termlint.baseline.json", "docs")
	if code != 1 || !strings.HasPrefix(stdout, "docs/draft.md:14:5: warning deprecated") || !strings.Contains(stdout, "1 finding (") {
		t.Errorf("text: exit %d\n%s", code, stdout)
	}
	// From another working directory, naming the baseline and the draft
	// from there.
	t.Chdir("docs")
	if got, _, _ := reported(t, "--baseline", "../termlint.baseline.json", "draft.md"); !slices.Equal(got, []string{"draft.md:14 deprecated"}) {
		t.Errorf("from docs/: %v", got)
	}
	t.Chdir("..")

	// Refreshing: --write-baseline over the --baseline file records the
	// new slip as well.
	code, _, stderr = runCLI(t, "check", "--baseline", "termlint.baseline.json", "--write-baseline", "termlint.baseline.json", "docs")
	if code != 0 || stderr != "recorded 4 findings in termlint.baseline.json\n" {
		t.Errorf("refresh: exit %d, stderr %q", code, stderr)
	}
	if got, code, _ := reported(t, "--baseline", "termlint.baseline.json", "docs"); len(got) != 0 || code != 0 {
		t.Errorf("after refresh: %v, exit %d", got, code)
	}
	if left, _ := filepath.Glob(".*"); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// Errors: a missing baseline, a bad one, a baseline not written when
	// an input is missing, flags that do not go together.
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--baseline", "none.json", "docs"}, "termlint: baseline none.json does not exist (--write-baseline none.json writes it)\n"},
		{[]string{"--baseline", "docs/draft.md", "docs"}, "termlint: docs/draft.md:1:1: invalid character 'D' looking for beginning of value\n"},
		{[]string{"--write-baseline", "termlint.baseline.json", "docs", "missing.md"}, "not writing the baseline termlint.baseline.json: 1 input could not be read"},
		{[]string{"--write-baseline", "b.json", "--diff-base", "HEAD", "docs"}, "it cannot be combined with --diff-base"},
		{[]string{"--diff-base", "--output=x", "docs"}, `invalid --diff-base "--output=x"`},
		{[]string{"--write-baseline", filepath.Join("no-such-dir", "b.json"), "docs"}, "termlint: cannot write the baseline " + filepath.Join("no-such-dir", "b.json") + ": no such file or directory\n"},
	} {
		code, stdout, stderr := runCLI(t, append([]string{"check"}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.want) || strings.Contains(stdout, "warning") {
			t.Errorf("check %v: exit %d\nstdout %s\nstderr %s\nwant %s", tt.args, code, stdout, stderr, tt.want)
		}
	}
	if after, _ := os.ReadFile("termlint.baseline.json"); strings.Count(string(after), `"line"`) != 4 {
		t.Errorf("a failed run changed the baseline:\n%s", after)
	}
}

// TestREADMEBaselineFile: the baseline file docs/ci.md shows is the one
// its --write-baseline example writes.
func TestREADMEBaselineFile(t *testing.T) {
	readme, err := os.ReadFile("../../docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	baseline, err := os.ReadFile("../../testdata/examples/draft.baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```json\n"+string(baseline)+"```\n") {
		t.Errorf("docs/ci.md does not show testdata/examples/draft.baseline.json as it is:\n%s", baseline)
	}
}
