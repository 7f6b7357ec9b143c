package glossary_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary"
)

const fixtures = "../testdata/glossary"

// wantComment finds "# want" comments and wantString their quoted patterns.
var (
	wantComment = regexp.MustCompile(`#\s*want\s+(.*)$`)
	wantString  = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

// want is one expected problem: a pattern on a line of a file.
type want struct {
	file string
	line int
	re   *regexp.Regexp
	met  bool
}

// readWants collects the expectations written into a fixture.
func readWants(t *testing.T, file string, data []byte) []*want {
	t.Helper()
	var wants []*want
	for i, line := range strings.Split(string(data), "\n") {
		m := wantComment.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		for _, q := range wantString.FindAllString(m[1], -1) {
			pattern, err := strconv.Unquote(q)
			if err != nil {
				t.Fatalf("%s:%d: bad want %s: %v", file, i+1, q, err)
			}
			wants = append(wants, &want{file: file, line: i + 1, re: regexp.MustCompile(pattern)})
		}
	}
	return wants
}

// checkProblems matches problems against wants, analysistest-style: every
// problem must be wanted on its line and every want met.
func checkProblems(t *testing.T, problems glossary.Problems, wants []*want) {
	t.Helper()
	for _, p := range problems {
		msg := p.Message
		if p.Severity == glossary.Warning {
			msg = "warning: " + msg
		}
		line := max(p.Pos.Line, 1)
		found := false
		for _, w := range wants {
			if !w.met && w.file == p.Pos.File && w.line == line && w.re.MatchString(msg) {
				w.met, found = true, true
				break
			}
		}
		if !found {
			t.Errorf("unexpected problem: %s", p)
		}
	}
	for _, w := range wants {
		if !w.met {
			t.Errorf("%s:%d: no problem matching %q", w.file, w.line, w.re)
		}
	}
}

// loadFixtures loads files as one glossary, with their wants.
func loadFixtures(t *testing.T, files []string, opts glossary.ValidateOptions) (*glossary.Glossary, glossary.Problems, []*want) {
	t.Helper()
	var inputs []glossary.Input
	var wants []*want
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, glossary.Input{Name: f, Data: data})
		wants = append(wants, readWants(t, f, data)...)
	}
	g, problems := glossary.Load(inputs, opts)
	return g, problems, wants
}

// ownFixtures are the glossary fixtures of this package, beside those
// of testdata/glossary that the commands' tests share.
const ownFixtures = "testdata"

// TestValidateFixtures checks each problem class of validate on the
// fixtures in testdata/glossary/validate and in this package's
// testdata/validate, which say what they must draw; those named
// strict*.yaml are validated with the quality gates of Strict.
func TestValidateFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtures, "validate", "*.yaml"))
	own, ownErr := filepath.Glob(filepath.Join(ownFixtures, "validate", "*.yaml"))
	if err != nil || ownErr != nil || len(files) == 0 || len(own) == 0 {
		t.Fatalf("no fixtures: %v %v", err, ownErr)
	}
	files = append(files, own...)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			// strict*.yaml hold the quality gates of --strict.
			opts := glossary.ValidateOptions{Strict: strings.HasPrefix(filepath.Base(f), "strict")}
			_, problems, wants := loadFixtures(t, []string{f}, opts)
			if len(wants) == 0 {
				t.Fatalf("%s wants nothing: a validate fixture must say what it draws", f)
			}
			checkProblems(t, problems, wants)
		})
	}
}

// TestValidateExamples runs glossary examples through a stand-in checker
// (one "deprecated" finding per deprecated rendering the text contains) and
// reports the examples whose expectations do not hold.
func TestValidateExamples(t *testing.T) {
	check := func(g *glossary.Glossary, c *glossary.Concept, e *glossary.Example) ([]string, error) {
		if strings.Contains(e.Text, "BROKEN") {
			return nil, fmt.Errorf("checker failed")
		}
		var rules []string
		for _, r := range c.Renderings {
			if r.Status == glossary.Deprecated && strings.Contains(strings.ToLower(e.Text), strings.ToLower(r.EN)) {
				rules = append(rules, "deprecated")
			}
		}
		return rules, nil
	}
	_, problems, wants := loadFixtures(t, []string{filepath.Join(fixtures, "examples.yaml")}, glossary.ValidateOptions{CheckExample: check})
	checkProblems(t, problems, wants)
}

// TestValidateMergedFiles checks references across files: the second file
// may use the first file's sources and concepts, and overrides are not
// duplicates.
func TestValidateMergedFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "merge", "*.yaml"))
	_, problems, wants := loadFixtures(t, files, glossary.ValidateOptions{})
	checkProblems(t, problems, wants)
}

func TestProblemString(t *testing.T) {
	p := glossary.Problem{Pos: glossary.Pos{File: "terms.yaml", Line: 12, Column: 5}, Message: "concept \"x\" has no renderings"}
	if got, want := p.String(), `terms.yaml:12:5: concept "x" has no renderings`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	p.Severity = glossary.Warning
	if got, want := p.String(), `terms.yaml:12:5: warning: concept "x" has no renderings`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCheckContextPattern lists patterns with the error each draws ("" for
// none).
func TestCheckContextPattern(t *testing.T) {
	for _, tc := range []struct{ pattern, err string }{
		{"China's _", ""},
		{"_ diplomacy", ""},
		{"in the _ of", ""},
		{"* _ countries", ""},
		{"_ *", ""},
		{"", "it is empty"},
		{"   ", "it is empty"},
		{"_", "it has no word beside _, so it says nothing about the context"},
		{"the bridge", "it has no _ standing for the rendering"},
		{"_ and _", "it has 2 words _; exactly one stands for the rendering"},
		{"the _'s end", `its word "_'s" holds _, which must be a word of its own`},
		{"the__ end", `its word "the__" holds _, which must be a word of its own`},
		{" the _", "it has an empty word: words are separated by single spaces, with none at either end"},
		{"the _ ", "it has an empty word: words are separated by single spaces, with none at either end"},
		{"the  _", "it has an empty word: words are separated by single spaces, with none at either end"},
		{"the\t_", "it has an empty word: words are separated by single spaces, with none at either end"},
	} {
		err := glossary.CheckContextPattern(tc.pattern)
		if got := fmt.Sprint(err); err == nil && tc.err != "" || err != nil && got != tc.err {
			t.Errorf("CheckContextPattern(%q) = %v, want %q", tc.pattern, err, tc.err)
		}
	}
}

// TestCheckPlaceholders lists renderings with the error each draws (""
// for none).
func TestCheckPlaceholders(t *testing.T) {
	const known = "; the placeholders are {ordinal} and {number}"
	for _, tc := range []struct{ text, err string }{
		{"harbour council", ""},
		{"{ordinal} Annual Assembly of the {ordinal} Harbour Council", ""},
		{"{number} assemblies", ""},
		{"{number}{ordinal}", ""},
		{"assembly of {year}", "it holds the unknown placeholder {year}" + known},
		{"{Ordinal} assembly", "it holds the unknown placeholder {Ordinal}" + known},
		{"{}", "it holds the unknown placeholder {}" + known},
		{"{ordinal assembly", "it holds a { that opens no placeholder" + known},
		{"{a {ordinal}}", "it holds the unknown placeholder {a {ordinal}" + known},
		{"assembly}", "it holds a } that closes no placeholder" + known},
	} {
		err := glossary.CheckPlaceholders(tc.text)
		if got := fmt.Sprint(err); err == nil && tc.err != "" || err != nil && got != tc.err {
			t.Errorf("CheckPlaceholders(%q) = %v, want %q", tc.text, err, tc.err)
		}
	}
}

// TestPreferredStyles lists renderings with the styles each is preferred
// in, by its status in each.
func TestPreferredStyles(t *testing.T) {
	for _, tc := range []struct {
		r    glossary.Rendering
		want []string
	}{
		{glossary.Rendering{Status: glossary.Preferred}, []string{""}},
		{glossary.Rendering{Status: glossary.Admitted}, nil},
		{glossary.Rendering{Status: glossary.Preferred, Styles: []string{"formal", "plain"}}, []string{"formal", "plain"}},
		{glossary.Rendering{Status: glossary.Preferred, Styles: []string{"formal"}, StatusIn: map[string]glossary.Status{"plain": glossary.Admitted}}, []string{"formal"}},
		{glossary.Rendering{Status: glossary.Superseded, Styles: []string{"formal"}, StatusIn: map[string]glossary.Status{"plain": glossary.Preferred, "casual": glossary.Preferred}}, []string{"casual", "plain"}},
		// A style in status_in only is no unstyled use.
		{glossary.Rendering{Status: glossary.Preferred, StatusIn: map[string]glossary.Status{"plain": glossary.Admitted}}, nil},
	} {
		if got := tc.r.PreferredStyles(); !slices.Equal(got, tc.want) {
			t.Errorf("%s %v %v: PreferredStyles() = %q, want %q", tc.r.Status, tc.r.Styles, tc.r.StatusIn, got, tc.want)
		}
	}
}
