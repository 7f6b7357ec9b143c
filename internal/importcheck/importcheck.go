// Package importcheck holds what every glossary importer (glossary/tbx,
// glossary/table) promises of what it returns, for their fuzz tests:
// glossary import writes whatever an importer returns, so a broken
// promise is a broken file or an internal error in front of a user.
package importcheck

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/glossary/yamlfmt"
)

// Check fails t unless an importer's result for the file name holding
// data keeps the promises: an error alone, naming the file; or a glossary
// with concepts whose warnings and positions lie inside the file, and
// which, for valid UTF-8 input, Marshal writes as YAML that parses
// without errors.
func Check(t testing.TB, name string, data []byte, g *glossary.Glossary, problems glossary.Problems, err error) {
	t.Helper()
	if err != nil {
		if g != nil {
			t.Fatalf("a glossary with the error %v", err)
		}
		if !strings.HasPrefix(err.Error(), name) {
			t.Fatalf("error %q does not name the file %s", err, name)
		}
		return
	}
	if g == nil || len(g.Concepts) == 0 {
		t.Fatalf("no error and no concepts: %v", g)
	}
	lines := bytes.Count(data, []byte("\n")) + 1
	inside := func(what string, p glossary.Pos) {
		t.Helper()
		if p.File != name || p.Line < 1 || p.Line > lines || p.Column < 1 {
			t.Fatalf("%s at %s, outside %s (%d lines)", what, p, name, lines)
		}
	}
	for _, p := range problems {
		if p.Severity != glossary.Warning {
			t.Fatalf("an error among the warnings: %v", p)
		}
		inside("warning "+p.Message, p.Pos)
	}
	for _, c := range g.Concepts {
		inside("concept "+c.ID, c.Pos)
		for _, r := range c.Renderings {
			inside("rendering "+r.EN, r.Pos)
		}
	}
	if !utf8.Valid(data) {
		return // glossary import refuses such a file before reading it
	}
	out, err := yamlfmt.Marshal(g, "")
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	if _, parseProblems := glossary.Parse("import.yaml", out); parseProblems.Errors() > 0 {
		t.Fatalf("Marshal wrote YAML that does not parse: %v\n%s", parseProblems, out)
	}
}
