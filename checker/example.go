package checker

import (
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

// ExampleChecker returns a glossary.ValidateOptions.CheckExample that runs
// the checker over a glossary example, in the example's style, and returns
// the rules it reports, one per finding. The checker is compiled once per
// glossary, not once per example.
func ExampleChecker() func(*glossary.Glossary, *glossary.Concept, *glossary.Example) ([]string, error) {
	var compiled *Checker
	return func(g *glossary.Glossary, c *glossary.Concept, e *glossary.Example) ([]string, error) {
		if compiled == nil || compiled.g != g {
			compiled = New(g)
		}
		file := compiled.Scan(&input.Document{Path: c.ID, Text: []byte(e.Text)})
		findings, err := compiled.Check([]*File{file}, Options{Style: e.Style})
		if err != nil {
			return nil, err
		}
		rules := make([]string, len(findings))
		for i, f := range findings {
			rules[i] = f.Rule
		}
		return rules, nil
	}
}
