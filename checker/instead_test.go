package checker_test

import (
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
)

// checkTSV checks a Chinese-English table and returns its variant and
// missing findings' messages, by row (from 1).
func checkTSV(t *testing.T, c *checker.Checker, rows ...string) map[int][]string {
	t.Helper()
	d, err := input.Read("pairs.tsv", []byte("中文\tEnglish\n"+strings.Join(rows, "\n")+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	findings, err := c.Check([]*checker.File{c.Scan(d)}, checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[int][]string{}
	for _, f := range findings {
		if f.Rule == "variant" || f.Rule == "missing" {
			out[f.Line-1] = append(out[f.Line-1], f.Rule+": "+f.Message)
		}
	}
	return out
}

// What the English has instead of a term is named only when an editor
// could take it for a wording of the term: not a stretch that starts or
// ends on a joining word, nor one over a sentence break.
func TestInsteadNameable(t *testing.T) {
	c := defaultChecker(t)
	got := checkTSV(t, c,
		"我们坚持亲诚惠容。\tWe hold to amity, sincerity, benefit and inclusiveness.",
		"构建人类命运共同体。\tWe work with a shared future for mankind in mind.",
	)
	want := map[int]string{
		1: `variant: 亲诚惠容 is rendered "amity, sincerity, benefit and inclusiveness" here; the glossary has "amity, sincerity, mutual benefit and inclusiveness"`,
		// "with a shared future for mankind" is near "community with a
		// shared future for mankind", but starts on "with": only the
		// part kept is named.
		2: `missing: 人类命运共同体 is rendered "shared future" here, it seems: part of the glossary's "global community of shared future"`,
	}
	for row, msg := range want {
		if len(got[row]) != 1 || got[row][0] != msg {
			t.Errorf("row %d: %q, want %q", row, got[row], msg)
		}
	}
}
