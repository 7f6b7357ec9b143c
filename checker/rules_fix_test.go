package checker_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
)

// TestFindingFix pins which findings carry a fix and what it is: the one
// suggestion, written as the text wrote the phrase, and none where the
// suggestion is not one or the finding is about the Chinese.
func TestFindingFix(t *testing.T) {
	c := defaultChecker(t)
	tests := []struct {
		name, text, style string
		want              []string // "RULE TEXT -> FIX", FIX empty for none
	}{
		{"non-preferred keeps case and number", "Communities of common destiny. THE COMMUNITY OF COMMON DESTINY.", "official", []string{
			`non-preferred "Communities of common destiny" -> "Communities with a shared future"`,
			`non-preferred "COMMUNITY OF COMMON DESTINY" -> "COMMUNITY WITH A SHARED FUTURE"`,
		}},
		{"deprecated form", "OBOR, or One Belt, One Road.", "", []string{
			`deprecated "OBOR" -> "Belt and Road"`,
			`deprecated "One Belt, One Road" -> "Belt and Road"`,
		}},
		{"deprecated with two suggestions has no fix", "Neighboring diplomacy.", "", []string{
			`deprecated "Neighboring diplomacy" -> ""`,
		}},
		{"inconsistent", "Work on periphery affairs, work on periphery affairs, periphery work's aim.", "", []string{
			`inconsistent "periphery work's" -> "work on periphery affairs'"`,
		}},
		{"two renderings of one house: info, no fix", "Neighborhood work, neighborhood work, work related to neighboring countries.", "", []string{
			`inconsistent "work related to neighboring countries" -> ""`,
		}},
		{"family: a rendering of the finding's own concept", "Periphery diplomacy. Periphery diplomacy again. Neighborhood work.", "", []string{
			`inconsistent "Neighborhood work" -> "Work on periphery affairs"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &input.Document{Path: "d.txt", Text: []byte(tt.text)}
			findings, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{Style: tt.style})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range findings {
				got = append(got, fmt.Sprintf("%s %q -> %q", f.Rule, f.Text, f.Fix))
				if f.Fix != "" && len(f.Suggestions) != 1 {
					t.Errorf("fix %q without one suggestion: %v", f.Fix, f.Suggestions)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestMissingHasNoFix: a finding at the Chinese never carries a fix.
func TestMissingHasNoFix(t *testing.T) {
	c := defaultChecker(t)
	doc, err := input.Read("m.md", []byte("我们做好周边工作。\n\nWe do the work well.\n"))
	if err != nil {
		t.Fatal(err)
	}
	findings, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{Style: "official"})
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) != 1 || findings[0].Rule != "missing" || findings[0].Fix != "" {
		t.Errorf("want one missing finding without a fix, got %+v", findings)
	}
}
