package checker_test

import (
	"maps"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/fixture"
)

const unlistedFixture = "testdata/unlisted/drift.md"

var wantUnlisted = regexp.MustCompile(`(?m)^want-unlisted (\S+)(.*)`)

// TestUsageUnlisted reads a translation whose English drifts from the
// glossary: check finds what its want lines say, and usage counts, for
// each concept of a want-unlisted line, its renderings and the phrases
// the English has instead of them, by phrase, and the occurrences with no
// phrase to name.
func TestUsageUnlisted(t *testing.T) {
	c := defaultChecker(t)
	doc, opts, wants := readFixture(t, unlistedFixture)
	f := c.Scan(doc)
	findings, err := c.Check([]*checker.File{f}, opts)
	if err != nil {
		t.Fatal(err)
	}
	missing, unexpected := fixture.Compare(wants, findings)
	for _, w := range missing {
		t.Errorf("check: line %d: want %s %q, not found", w.Line, w.Rule, w.Text)
	}
	for _, fd := range unexpected {
		t.Errorf("check: %d:%d: unexpected %s %q: %s", fd.Line, fd.Column, fd.Rule, fd.Text, fd.Message)
	}

	lines := wantUnlisted.FindAllStringSubmatch(string(doc.Text), -1)
	if len(lines) != 3 {
		t.Fatalf("%d want-unlisted lines, want 3", len(lines))
	}
	for _, m := range lines {
		con := concept(t, c, m[1])
		want := fileWant{}
		for _, item := range wantUsageItem.FindAllStringSubmatch(m[2], -1) {
			want[strings.Trim(item[1], `"`)] = item[2]
		}
		u := c.Usage([]*checker.File{f}, []*glossary.Concept{con}, checker.UsageOptions{Examples: 2})[0]
		got := fileWant{"chinese": strconv.Itoa(u.Summary.Chinese)}
		for _, r := range u.Renderings {
			if r.Count > 0 {
				got[r.EN] = strconv.Itoa(r.Count)
			}
		}
		for _, p := range u.Unlisted {
			got[p.Phrase] = strconv.Itoa(p.Count)
		}
		if u.Unnamed.Count > 0 {
			got["unnamed"] = strconv.Itoa(u.Unnamed.Count)
		}
		if !maps.Equal(got, want) {
			t.Errorf("%s: usage found %v, want %v", con.ID, got, want)
		}
		checkUnlistedTotals(t, u)
	}
}

// checkUnlistedTotals checks that the counts add up: the occurrences of
// the term are those rendered (a rendering beyond them is no use) and those
// with no known rendering, which are the unlisted ones and the unnamed
// ones, overall, by file and by year; and each phrase's examples show the phrase (in
// another case, at most) beside the Chinese term.
func checkUnlistedTotals(t *testing.T, u *checker.Usage) {
	t.Helper()
	s := u.Summary
	listed := 0
	years := maps.Clone(u.Unnamed.Years)
	for _, p := range u.Unlisted {
		listed += p.Count
		for y, n := range p.Years {
			years[y] += n
		}
		for _, ex := range p.Examples {
			if !strings.EqualFold(ex.Text, p.Phrase) || ex.ZH == nil {
				t.Errorf("%s: an example of %q shows %q", u.Concept.ID, p.Phrase, ex.Text)
			}
		}
	}
	if s.Unlisted != listed || s.Unrendered != s.Unlisted+s.Unnamed || u.Unrendered.Count != s.Unrendered || u.Unnamed.Count != s.Unnamed ||
		s.Chinese != s.Rendered+s.Unrendered {
		t.Errorf("%s: summary %+v, unlisted phrases %d, unrendered %d, unnamed %d: they do not add up",
			u.Concept.ID, s, listed, u.Unrendered.Count, u.Unnamed.Count)
	}
	if !maps.Equal(years, u.Unrendered.Years) {
		t.Errorf("%s: years of unlisted and unnamed %v, of unrendered %v", u.Concept.ID, years, u.Unrendered.Years)
	}
	for _, fu := range u.Files {
		n := fu.Unnamed
		for _, c := range fu.Unlisted {
			n += c
		}
		if n != fu.Unrendered || fu.Rendered()+fu.Unrendered != fu.Chinese {
			t.Errorf("%s: %s: %d rendered (%d beyond the Chinese), %d unrendered (%d unlisted and unnamed) of %d",
				u.Concept.ID, fu.Path, fu.Rendered(), fu.Extra, fu.Unrendered, n, fu.Chinese)
		}
	}
}

// Usage names what check quotes: a variant's English and a missing
// finding's kept part are among the unlisted phrases, and how each phrase
// stands to the glossary's rendering is said.
func TestUsageUnlistedAsCheckNames(t *testing.T) {
	c := defaultChecker(t)
	doc, opts, _ := readFixture(t, unlistedFixture)
	f := c.Scan(doc)
	findings, err := c.Check([]*checker.File{f}, opts)
	if err != nil {
		t.Fatal(err)
	}
	quoted := regexp.MustCompile(`is rendered "([^"]+)" here`)
	for _, fd := range findings {
		m := quoted.FindStringSubmatch(fd.Message)
		if m == nil {
			t.Errorf("%s finding quotes nothing: %s", fd.Rule, fd.Message)
			continue
		}
		u := c.Usage([]*checker.File{f}, []*glossary.Concept{concept(t, c, fd.Concept)}, checker.UsageOptions{})[0]
		found := false
		for _, p := range u.Unlisted {
			found = found || strings.EqualFold(p.Phrase, m[1])
		}
		if !found {
			t.Errorf("check quotes %q for %s; usage does not count it", m[1], fd.ZH)
		}
	}

	kinds := map[string]checker.PhraseKind{}
	renderings := map[string]string{}
	for _, id := range []string{"gongjian-yidai-yilu", "renlei-mingyun-gongtongti", "mulin-youhao"} {
		u := c.Usage([]*checker.File{f}, []*glossary.Concept{concept(t, c, id)}, checker.UsageOptions{})[0]
		for _, p := range u.Unlisted {
			kinds[p.Phrase], renderings[p.Phrase] = p.Kind, p.Rendering.EN
		}
	}
	for phrase, want := range map[string]struct {
		kind      checker.PhraseKind
		rendering string
	}{
		"joint construction of the Belt and Road":            {checker.PhraseVariant, "joint building of the Belt and Road"},
		"joint, high-standard building of the Belt and Road": {checker.PhraseLoose, "joint building of the Belt and Road"},
		"community with a common future for mankind":         {checker.PhraseVariant, "community with a shared future for mankind"},
		"friendship": {checker.PhrasePart, "good-neighborly friendship"},
	} {
		if kinds[phrase] != want.kind || renderings[phrase] != want.rendering {
			t.Errorf("%q: %s of %q, want %s of %q", phrase, kinds[phrase], renderings[phrase], want.kind, want.rendering)
		}
	}
}
