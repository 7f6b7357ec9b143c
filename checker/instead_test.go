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
		"各国共建一带一路。\tThe countries build the Belt and Road together.",
		"共建一带一路的成果在论坛上展示。\tResults were shown at the Belt and Road Forum for International Cooperation.",
		"中国特色大国外交继续推进。\tAs a major country, China has pursued its diplomacy with care.",
	)
	want := map[int]string{
		1: `variant: 共建一带一路 is rendered "build the Belt and Road" here; the glossary has "joint building of the Belt and Road"`,
		// "and Road Forum for International Cooperation" is near "Belt
		// and Road cooperation", but starts on "and".
		2: "missing: 共建一带一路 occurs in the Chinese but none of its renderings is in the English",
		// "major country, China has pursued its diplomacy with" ends on
		// "with".
		3: "missing: 中国特色大国外交 occurs in the Chinese but none of its renderings is in the English",
	}
	for row, msg := range want {
		if len(got[row]) != 1 || got[row][0] != msg {
			t.Errorf("row %d: %q, want %q", row, got[row], msg)
		}
	}
}
