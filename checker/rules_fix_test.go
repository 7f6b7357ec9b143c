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
		{"deprecated: authority picks the one suggestion", "Neighboring diplomacy.", "", []string{
			`deprecated "Neighboring diplomacy" -> "Neighborhood diplomacy"`,
		}},
		{"inconsistent", "Work on periphery affairs, work on periphery affairs, periphery work's aim.", "", []string{
			`inconsistent "periphery work's" -> "work on periphery affairs'"`,
		}},
		{"two renderings of one house: no finding", "Neighborhood work, neighborhood work, work related to neighboring countries.", "", nil},
		{"family: a rendering of the finding's own concept", "Periphery diplomacy. Periphery diplomacy again. Neighborhood work.", "", []string{
			`inconsistent "Neighborhood work" -> "Work on periphery affairs"`,
		}},
		// The fixes that would break a sentence give advice without one.
		{"a possessive the replacement would contradict", "Countries in our periphery, countries in our periphery, and China and its neighbors.", "", []string{
			`inconsistent "neighbors" -> ""`,
		}},
		{"a verb phrase is not replaced by a noun phrase", "They chose to treat them as friends and partners.", "official", []string{
			`deprecated "treat them as friends and partners" -> ""`,
		}},
		{"an article that would no longer agree", "We foster an amicable, secure and prosperous neighborhood.", "literal", []string{
			`non-preferred "amicable, secure and prosperous neighborhood" -> ""`,
		}},
		{"a span that holds a quotation mark", `The "Belt and Road" strategy was the old name.`, "", []string{
			`deprecated "Belt and Road\" strategy" -> ""`,
		}},
		{"a noun after the phrase that a prepositional phrase cannot modify", "Belt and Road cooperation projects grew.", "literal", []string{
			`non-preferred "Belt and Road cooperation" -> ""`,
		}},
		{"a bracketed abbreviation after the full name", "Since the 18th National Congress of the Communist Party of China (CPC), much changed.", "literal", []string{
			`non-preferred "18th National Congress of the Communist Party of China" -> ""`,
		}},
		{"no numeral after both", "Take into account both domestic and international imperatives.", "literal", []string{
			`non-preferred "domestic and international imperatives" -> ""`,
		}},
		{"a numeral after the is fine", "Coordinate the two top priorities.", "literal", []string{
			`non-preferred "two top priorities" -> "two major matters"`,
		}},
		{"a number of the head noun the verb agrees with", "The central tasks of the Party and the country are clear.", "official", []string{
			`non-preferred "central tasks of the Party and the country" -> ""`,
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
