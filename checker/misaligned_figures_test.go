package checker_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/internal/fixture"
)

// TestMisalignedShiftedReport shifts, in a copy made here, six pairs of a
// real Government Work Report (paragraphs of the form 中文<br/>English)
// by one: the English of the first goes under the last, the others' one
// paragraph early. The lengths look normal; the figures do not. check
// must report one misaligned run there, and nothing misaligned in the
// file as it is.
func TestMisalignedShiftedReport(t *testing.T) {
	path, data := fixture.SharedFile(t, "realworld/bilingual-reports/_posts/2020-02-06-2019-report-on-the-work-of-the-government.md")
	c := defaultChecker(t)
	misaligned := func(text string) []checker.Finding {
		doc, err := input.ReadWith(path, []byte(text), input.Options{Bilingual: input.BilingualOn})
		if err != nil {
			t.Fatal(err)
		}
		findings, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{Rules: []*checker.Rule{checker.Misaligned}})
		if err != nil {
			t.Fatal(err)
		}
		return findings
	}
	if fs := misaligned(string(data)); len(fs) != 0 {
		t.Fatalf("the report as it is has misaligned findings: %v", fs)
	}

	// The first six pairs in a row each of whose Chinese has a figure.
	lines := strings.Split(string(data), "\n")
	hasDigit := regexp.MustCompile(`[0-9]`)
	var pairs []int // lines of the form 中文<br/>English
	for i, l := range lines {
		if zh, _, ok := strings.Cut(l, "<br/>"); ok && hasDigit.MatchString(zh) {
			pairs = append(pairs, i)
		}
	}
	const n = 6
	start := -1
	for k := 0; k+n <= len(pairs) && start < 0; k++ {
		// consecutive pairs: only blank lines between them
		if pairs[k+n-1]-pairs[k] == 2*(n-1) {
			start = k
		}
	}
	if start < 0 {
		t.Fatal("no six pairs in a row with figures")
	}
	block := pairs[start : start+n]
	zh, en := make([]string, n), make([]string, n)
	for j, i := range block {
		zh[j], en[j], _ = strings.Cut(lines[i], "<br/>")
	}
	for j, i := range block {
		lines[i] = zh[j] + "<br/>" + en[(j+n-1)%n]
	}

	fs := misaligned(strings.Join(lines, "\n"))
	if len(fs) != 1 {
		t.Fatalf("shifted lines %d-%d: want one misaligned run, got %d: %v", block[0]+1, block[n-1]+1, len(fs), fs)
	}
	f := fs[0]
	if f.Line < block[0]+1 || f.Line > block[n-1]+1 || !strings.Contains(f.Message, "figures") {
		t.Errorf("shifted lines %d-%d: got %d: %s", block[0]+1, block[n-1]+1, f.Line, f.Message)
	}
	t.Logf("shifted lines %d-%d: %d: %s", block[0]+1, block[n-1]+1, f.Line, f.Message)
}
