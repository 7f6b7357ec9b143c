// Package termlint holds what the termlint binary embeds: the curated
// default glossary. The tool itself is under cmd/termlint, its data model
// under glossary and its engine under checker.
package termlint

import (
	_ "embed"

	"github.com/termlint/termlint/glossary"
)

// DefaultGlossary is terms.yaml, the curated glossary termlint uses when no
// --glossary is given.
//
//go:embed terms.yaml
var DefaultGlossary []byte

// DefaultGlossaryName is the name positions in DefaultGlossary are reported
// under.
const DefaultGlossaryName = "terms.yaml"

// DefaultInput is DefaultGlossary as an input to glossary.Load.
func DefaultInput() glossary.Input {
	return glossary.Input{Name: DefaultGlossaryName, Data: DefaultGlossary}
}

// LoadDefault loads DefaultGlossary alone: the validated glossary, or nil
// with the problems that stop it loading.
func LoadDefault() (*glossary.Glossary, glossary.Problems) {
	return glossary.Load([]glossary.Input{DefaultInput()}, glossary.ValidateOptions{})
}
