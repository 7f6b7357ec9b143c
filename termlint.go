// Package termlint holds what the termlint binary embeds: the curated
// default glossary. The tool itself is under cmd/termlint, its data model
// under glossary and its engine under checker.
package termlint

import _ "embed"

// DefaultGlossary is terms.yaml, the curated glossary termlint uses when no
// --glossary is given.
//
//go:embed terms.yaml
var DefaultGlossary []byte

// DefaultGlossaryName is the name positions in DefaultGlossary are reported
// under.
const DefaultGlossaryName = "terms.yaml"
