package match_test

import (
	"fmt"

	"github.com/termlint/termlint/checker/match"
)

func ExampleMatcher_Find() {
	m := match.Compile([]match.Pattern{
		{Text: "neighboring countries", ID: 1},
		{Text: "work related to neighboring countries", ID: 2},
		{Text: "Central Conference on Work Related to Neighboring Countries", ID: 3},
		{Text: "BRI", ID: 4},
	})
	text := []byte("The Central Conference on Work Related to Neighbouring\nCountries discussed the BRI, not the bri.")
	lines := match.NewLines(text)
	var show func(ms []match.Match, indent string)
	show = func(ms []match.Match, indent string) {
		for _, mt := range ms {
			line, col := lines.Position(mt.Start)
			fmt.Printf("%s%d:%d %q %v\n", indent, line, col, text[mt.Start:mt.End], mt.IDs)
			show(mt.Nested, indent+"  ")
		}
	}
	show(m.Find(text), "")
	// Output:
	// 1:5 "Central Conference on Work Related to Neighbouring\nCountries" [3]
	//   1:27 "Work Related to Neighbouring\nCountries" [2]
	//     1:43 "Neighbouring\nCountries" [1]
	// 2:25 "BRI" [4]
}
