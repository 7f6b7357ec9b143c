package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// allowUnjudgedEnv names the variable that, set to 1, makes
// TestRealMaterial log unjudged findings instead of failing on them.
const allowUnjudgedEnv = "TERMLINT_PRECISION_ALLOW_UNJUDGED"

// TestRealMaterial builds termlint, reviews the shared material (../shared
// beside the repository; skipped where seeds/ or realworld/ is absent) and
// fails, naming each finding or entry, when:
//
//   - a finding judged right (state open) is no longer produced: recall
//     dropped;
//   - a finding judged wrong or noise, state gone, is produced again: it
//     came back;
//   - a finding is unjudged: every finding must be judged by hand;
//   - an entry's state is stale: open but not produced, or gone but
//     produced (run go run ./bench/precision --update after judging).
//
// While the judged list is being filled in, TERMLINT_PRECISION_ALLOW_UNJUDGED=1
// turns unjudged findings into log lines instead of failures; it changes
// nothing else.
func TestRealMaterial(t *testing.T) {
	root, err := findRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	shared := defaultShared(root)
	for _, dir := range []string{"seeds", "realworld"} {
		if _, err := os.Stat(filepath.Join(shared, dir)); err != nil {
			t.Skipf("no shared material: %v", err)
		}
	}
	bin, err := buildTermlint(t.Context(), root, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r, err := runReview(t.Context(), reviewOptions{Root: root, Bin: bin, Shared: shared, Judged: judgedPath(root)})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range r.Missing {
		t.Logf("set %s: no material, not reviewed", name)
	}
	for _, p := range r.problems() {
		t.Error(p)
	}
	checkUnjudged(t, r.unjudged(), os.Getenv(allowUnjudgedEnv) == "1")
}

// checkUnjudged fails on each unjudged finding, or only logs it when
// allowed.
func checkUnjudged(t *testing.T, unjudged []unjudgedFinding, allowed bool) {
	t.Helper()
	report := t.Errorf
	if allowed {
		report = t.Logf
	}
	for _, u := range unjudged {
		report("unjudged: %s (%d×): %s", describe(u.key()), u.Count, u.Message)
	}
	if len(unjudged) > 0 {
		report("%d findings are unjudged: write them with go run ./bench/precision --unjudged FILE, judge them and append them to bench/precision/judged.tsv (or set %s=1 to only log them)", len(unjudged), allowUnjudgedEnv)
	}
}

// header is the judged list's header line.
const header = "set\tmode\tfile\tline\trule\ttext\tfix\tverdict\treason\n"

// mustParse parses a judged list given as lines of fields separated by
// " | ", so that tests read as tables.
func mustParse(t *testing.T, lines ...string) *judgedList {
	t.Helper()
	l, err := parseJudged(strings.NewReader(header+tsv(lines...)), "judged.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// tsv joins lines whose fields are separated by " | " into TSV.
func tsv(lines ...string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.ReplaceAll(l, " | ", "\t") + "\n")
	}
	return b.String()
}

func TestParseJudged(t *testing.T) {
	in := "# what the list is\n\n" +
		"set\tmode\tfile\tline\trule\ttext\tfix\tverdict\treason\tstate\n" +
		"# a comment among entries\n" +
		tsv(`seeds | default | a.txt | 3 | inconsistent | tab\there | fix\\it | right | a reason | open`,
			`seeds | * | dir/b.md | 7 | deprecated | two\nlines |  | noise | not worth it | gone`,
			`wmt21-zhen | literal | txt/x.en | 1 | missing | 党中央 |  | wrong | the English says it`)
	l, err := parseJudged(strings.NewReader(in), "judged.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"# what the list is", "# a comment among entries"}; !slices.Equal(l.Comments, want) {
		t.Errorf("comments %q, want %q", l.Comments, want)
	}
	want := []entry{
		{key: key{"seeds", "default", "a.txt", 3, "inconsistent", "tab\there", `fix\it`}, Verdict: verdictRight, Reason: "a reason", SrcLine: 5},
		{key: key{"seeds", "*", "dir/b.md", 7, "deprecated", "two\nlines", ""}, Verdict: verdictNoise, Reason: "not worth it", Gone: true, SrcLine: 6},
		{key: key{"wmt21-zhen", "literal", "txt/x.en", 1, "missing", "党中央", ""}, Verdict: verdictWrong, Reason: "the English says it", SrcLine: 7},
	}
	if len(l.Entries) != len(want) {
		t.Fatalf("%d entries, want %d", len(l.Entries), len(want))
	}
	for i, e := range l.Entries {
		if *e != want[i] {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, *e, want[i])
		}
	}
}

func TestParseJudgedErrors(t *testing.T) {
	ok := `seeds | default | a.txt | 3 | inconsistent | term | fix | right | why`
	tests := []struct {
		name, in, want string
	}{
		{"fields", header + tsv(ok, `seeds | default | a.txt | 3 | inconsistent | term | right | why`), "judged.tsv:3: want 9 tab-separated fields"},
		{"line", header + tsv(`seeds | default | a.txt | three | inconsistent | term |  | right | why`), `judged.tsv:2: line "three"`},
		{"set", header + tsv(`nosuch | default | a.txt | 3 | inconsistent | term |  | right | why`), `judged.tsv:2: set "nosuch"`},
		{"unjudged", header + tsv(`seeds | default | a.txt | 3 | inconsistent | term |  | ? | msg`), "judged.tsv:2: verdict ? is not judged yet"},
		{"verdict", header + tsv(`seeds | default | a.txt | 3 | inconsistent | term |  | fine | why`), `judged.tsv:2: verdict "fine"`},
		{"reason", header + tsv(`seeds | default | a.txt | 3 | inconsistent | term |  | right |  `), "judged.tsv:2: empty reason"},
		{"state", header + tsv(`seeds | default | a.txt | 3 | inconsistent | term |  | right | why | closed`), `judged.tsv:2: state "closed"`},
		{"escape", header + tsv(`seeds | default | a.txt | 3 | inconsistent | a\x |  | right | why`), `judged.tsv:2: text "a\\x": unknown escape`},
		{"backslash", header + tsv(`seeds | default | a.txt | 3 | inconsistent | term | a\ | right | why`), "judged.tsv:2: fix \"a\\\\\": ends in a lone backslash"},
		{"duplicate", header + "# c\n" + tsv(ok, ok), "judged.tsv:4: same finding as line 3"},
		{"header", "# c\n" + tsv(ok), "judged.tsv:2: want the header line"},
		{"empty", "# only a comment\n", "judged.tsv: no header line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseJudged(strings.NewReader(tt.in), "judged.tsv")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want one starting %q", err, tt.want)
			}
		})
	}
}

func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range []string{"plain", "a\tb", "a\nb\r", `a\b`, `\\t`, "\\\t"} {
		got, err := unescapeField("text", escapeField(s))
		if err != nil || got != s {
			t.Errorf("unescape(escape(%q)) = %q, %v", s, got, err)
		}
		if strings.ContainsAny(escapeField(s), "\t\n\r") {
			t.Errorf("escape(%q) = %q keeps a tab or line break", s, escapeField(s))
		}
	}
}

func TestCheckModes(t *testing.T) {
	l := mustParse(t,
		`seeds | * | a.txt | 1 | inconsistent | term |  | right | why`,
		`seeds | offical | a.txt | 2 | inconsistent | term |  | right | why`)
	err := l.checkModes([]string{"default", "official"})
	if err == nil || !strings.HasPrefix(err.Error(), `judged.tsv:3: mode "offical"`) {
		t.Errorf("error %v, want one naming line 3 and its mode", err)
	}
	if err := l.checkModes([]string{"default", "offical"}); err != nil {
		t.Errorf("known modes: %v", err)
	}
}

// fnd makes a synthetic finding.
func fnd(set, mode, file string, line int, rule, text, fix string) *finding {
	return &finding{Set: set, Mode: mode, File: file, Line: line, Column: 1, Rule: rule, Text: text, Fix: fix, Message: "message of " + text}
}

// runsOf groups findings into runs, one per set and mode, every set in
// every mode, as checkAll returns them.
func runsOf(sets, modes []string, fs ...*finding) []*setRun {
	var runs []*setRun
	for _, mode := range modes {
		for _, set := range sets {
			r := &setRun{Set: set, Mode: mode}
			for _, f := range fs {
				if f.Set == set && f.Mode == mode {
					r.Findings = append(r.Findings, f)
				}
			}
			runs = append(runs, r)
		}
	}
	return runs
}

// compareFixture is a judged list and findings that exercise every verdict,
// state and problem.
func compareFixture(t *testing.T) *outcome {
	l := mustParse(t,
		`seeds | * | a.txt | 1 | inconsistent | term | fix | right | any mode`,
		`seeds | official | a.txt | 1 | inconsistent | term | fix | noise | official only`,
		`seeds | default | a.txt | 2 | deprecated | old |  | wrong | still produced`,
		`seeds | default | a.txt | 3 | deprecated | gone-right |  | right | recall drops`,
		`seeds | default | a.txt | 4 | deprecated | gone-wrong |  | wrong | no longer produced`,
		`seeds | default | a.txt | 5 | deprecated | back |  | noise | came back | gone`,
		`seeds | default | a.txt | 6 | deprecated | right-again |  | right | produced again | gone`,
		`seeds | default | a.txt | 7 | deprecated | still-gone |  | wrong | fixed | gone`,
		`wmt21-zhen | default | x.en | 1 | missing | 党中央 |  | right | not reviewed`)
	modes := []string{"default", "official"}
	runs := runsOf([]string{"seeds"}, modes,
		fnd("seeds", "default", "a.txt", 1, "inconsistent", "term", "fix"),
		fnd("seeds", "default", "a.txt", 1, "inconsistent", "term", "fix"),
		fnd("seeds", "official", "a.txt", 1, "inconsistent", "term", "fix"),
		fnd("seeds", "default", "a.txt", 2, "deprecated", "old", ""),
		fnd("seeds", "default", "a.txt", 5, "deprecated", "back", ""),
		fnd("seeds", "default", "a.txt", 6, "deprecated", "right-again", ""),
		fnd("seeds", "default", "a.txt", 9, "deprecated", "new", ""),
		fnd("seeds", "default", "a.txt", 9, "deprecated", "new", ""),
		fnd("seeds", "official", "a.txt", 9, "deprecated", "new", ""),
		fnd("seeds", "official", "a.txt", 1, "inconsistent", "term", "other fix"))
	return compare(l, runs, modes)
}

func TestCompareTallies(t *testing.T) {
	o := compareFixture(t)
	want := []tally{
		{Set: "seeds", Mode: "default", Findings: 7, Right: 3, Wrong: 1, Noise: 1, Unjudged: 2},
		{Set: "seeds", Mode: "official", Findings: 3, Right: 0, Wrong: 0, Noise: 1, Unjudged: 2},
	}
	if !slices.Equal(o.Tallies, want) {
		t.Errorf("tallies\n got %+v\nwant %+v", o.Tallies, want)
	}
	total := o.modeTotal("default")
	if total.Set != "total" || total.Findings != 7 || total.judged() != 5 {
		t.Errorf("default total %+v, want 7 findings, 5 judged", total)
	}
}

// TestCompareRulesView: counting some rules narrows the table only; what
// is produced, and so the problems, stays the same.
func TestCompareRulesView(t *testing.T) {
	full := compareFixture(t)
	o := compare(full.List, full.Runs, full.Modes, "inconsistent")
	want := []tally{
		{Set: "seeds", Mode: "default", Findings: 2, Right: 2},
		{Set: "seeds", Mode: "official", Findings: 2, Noise: 1, Unjudged: 1},
	}
	if !slices.Equal(o.Tallies, want) {
		t.Errorf("tallies\n got %+v\nwant %+v", o.Tallies, want)
	}
	if got, all := len(o.problems()), len(full.problems()); got != all {
		t.Errorf("%d problems in the view, %d in the full review", got, all)
	}
}

func TestCompareProblems(t *testing.T) {
	o := compareFixture(t)
	var got []string
	for _, p := range o.problems() {
		got = append(got, fmt.Sprintf("%d %s", p.Kind, p.Entry.Text))
	}
	want := []string{
		fmt.Sprintf("%d gone-right", recallDropped),
		fmt.Sprintf("%d gone-wrong", staleOpen),
		fmt.Sprintf("%d back", cameBack),
		fmt.Sprintf("%d right-again", staleGone),
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	for _, p := range o.problems() {
		s := p.String()
		if !strings.Contains(s, fmt.Sprintf("judged.tsv:%d:", p.Entry.SrcLine)) || !strings.Contains(s, p.Entry.Reason) {
			t.Errorf("%q does not name the entry's line and reason", s)
		}
		if p.Kind != cameBack && !strings.Contains(s, "--update") {
			t.Errorf("%q does not say to run --update", s)
		}
	}
}

func TestUnjudged(t *testing.T) {
	o := compareFixture(t)
	var got []string
	for _, u := range o.unjudged() {
		got = append(got, fmt.Sprintf("%s %d %q %d", u.Mode, u.Line, u.Fix, u.Count))
	}
	want := []string{`default 9 "" 2`, `official 1 "other fix" 1`, `official 9 "" 1`}
	if !slices.Equal(got, want) {
		t.Errorf("unjudged %q, want %q", got, want)
	}
}

func TestWriteUnjudged(t *testing.T) {
	o := compareFixture(t)
	o.Runs[0].Findings[5].Message = strings.Repeat("long\tmessage ", 40)
	var buf bytes.Buffer
	n, err := writeUnjudged(&buf, o)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if n != 2 || len(lines) != 2 {
		t.Fatalf("wrote %d lines, said %d, want 2 (one with mode *):\n%s", len(lines), n, buf.String())
	}
	fields := strings.Split(lines[0], "\t")
	if want := []string{"seeds", "*", "a.txt", "9", "deprecated", "new", "", "?"}; !slices.Equal(fields[:8], want) {
		t.Errorf("first line %q, want it to start %q", fields, want)
	}
	if reason := []rune(fields[8]); len(reason) != maxReason || strings.Contains(fields[8], "\t") {
		t.Errorf("reason %q: want %d characters on one field", fields[8], maxReason)
	}
	// Filled in, the lines must judge the findings they were written for.
	filled := strings.ReplaceAll(buf.String(), "\t?\t", "\tright\t")
	l, err := parseJudged(strings.NewReader(header+filled), "filled.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range o.unjudged() {
		if l.lookup(u.key()) == nil {
			t.Errorf("filled-in lines do not judge %s", describe(u.key()))
		}
	}
}

func TestUpdate(t *testing.T) {
	o := compareFixture(t)
	path := filepath.Join(t.TempDir(), "judged.tsv")
	var before bytes.Buffer
	if err := o.List.write(&before); err != nil {
		t.Fatal(err)
	}
	data := append([]byte("# top comment\n"), before.Bytes()...)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	o.List.Name = path
	o.List.Comments = []string{"# top comment"}
	r := &review{outcome: o, judgedData: data}
	open, gone, err := r.update()
	if err != nil {
		t.Fatal(err)
	}
	if open != 6 || gone != 3 {
		t.Errorf("%d open, %d gone, want 6 and 3", open, gone)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "# top comment\n" + header + tsv(
		`seeds | * | a.txt | 1 | inconsistent | term | fix | right | any mode | open`,
		`seeds | default | a.txt | 2 | deprecated | old |  | wrong | still produced | open`,
		`seeds | default | a.txt | 3 | deprecated | gone-right |  | right | recall drops | gone`,
		`seeds | default | a.txt | 4 | deprecated | gone-wrong |  | wrong | no longer produced | gone`,
		`seeds | default | a.txt | 5 | deprecated | back |  | noise | came back | open`,
		`seeds | default | a.txt | 6 | deprecated | right-again |  | right | produced again | open`,
		`seeds | default | a.txt | 7 | deprecated | still-gone |  | wrong | fixed | gone`,
		`seeds | official | a.txt | 1 | inconsistent | term | fix | noise | official only | open`,
		`wmt21-zhen | default | x.en | 1 | missing | 党中央 |  | right | not reviewed | open`)
	if string(got) != want {
		t.Errorf("updated list:\n%s\nwant:\n%s", got, want)
	}
	l, err := parseJudged(bytes.NewReader(got), path)
	if err != nil {
		t.Fatal(err)
	}
	if ps := compare(l, o.Runs, o.Modes).problems(); len(ps) != 0 {
		t.Errorf("after --update, problems remain: %v", ps)
	}
}

func TestPrintTable(t *testing.T) {
	o := compareFixture(t)
	var buf bytes.Buffer
	if err := printTable(&buf, o); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines, want a header, a set and a total per mode:\n%s", len(lines), buf.String())
	}
	for _, l := range lines {
		if len(l) != len(lines[0]) {
			t.Errorf("line %q is not as wide as the header %q", l, lines[0])
		}
	}
	// default: 3 right, 1 wrong, 1 noise of 5 judged.
	if f := strings.Fields(lines[1]); !slices.Equal(f, []string{"default", "seeds", "7", "5", "3", "1", "1", "2", "20.0", "20.0"}) {
		t.Errorf("row %q", lines[1])
	}
	if f := strings.Fields(lines[3]); !slices.Equal(f, []string{"official", "seeds", "3", "1", "0", "0", "1", "2", "0.0", "100.0"}) {
		t.Errorf("row %q", lines[3])
	}
}

func TestRelFile(t *testing.T) {
	root := filepath.FromSlash("/w/shared/seeds")
	tests := []struct{ dir, file, want string }{
		{"/w/main", "../shared/seeds/a.txt", "a.txt"},
		{"/elsewhere", "/w/shared/seeds/sub/b.md", "sub/b.md"},
	}
	for _, tt := range tests {
		if got := relFile(filepath.FromSlash(tt.dir), root, filepath.FromSlash(tt.file)); got != tt.want {
			t.Errorf("relFile(%q, %q) = %q, want %q", tt.dir, tt.file, got, tt.want)
		}
	}
}

func TestShorten(t *testing.T) {
	if got := shorten("a\tb\n c", 10); got != "a b c" {
		t.Errorf("shorten kept breaks: %q", got)
	}
	if got := shorten("周边外交周边外交", 5); got != "周边外交…" {
		t.Errorf("shorten by characters: %q", got)
	}
}
