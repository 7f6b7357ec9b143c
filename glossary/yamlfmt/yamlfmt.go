// Package yamlfmt writes glossary files in termlint's canonical YAML
// layout, the one the curated terms.yaml is written in: Format lays out a
// file again keeping every comment, Marshal writes an in-memory glossary
// (an importer's) in the same layout.
//
// The canonical layout: the top-level keys in the order sources, styles,
// concepts, with a blank line before each; the keys of each source, style,
// concept, rendering, seen entry and example in the order of layout.go;
// concepts, sources, styles, renderings and all lists in the order the
// file gives them, which is the curator's; a blank line before each
// concept; short lists (tags, parts, styles, context patterns...) as flow
// lists [a, b], seen entries, examples, styles and a rendering's status_in
// as flow mappings {k: v}, everything else (a rendering's context too) in
// block style indented by two spaces.
//
// Format does not use yaml.v3's encoder, which drops blank lines and moves
// comments: it reads the file into yaml.v3's nodes for the structure and
// positions, finds the comments in the text itself (see source), hangs
// each on the entry it belongs to (see tree.attach), and writes the entries
// out in canonical order with a small emitter of its own.
package yamlfmt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/glossary"
)

// Format returns src, a glossary file, in the canonical layout with its
// comments kept. A file glossary.Parse rejects is an error
// "name:line:col: message" and no output. Format checks what it writes:
// if the output did not parse to the same glossary as src, with the same
// comments, it returns an error rather than a changed glossary.
// Format(Format(src)) is Format(src).
func Format(name string, src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	g, problems := glossary.Parse(name, src)
	if err := firstError(problems); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc, more yaml.Node
	if err := dec.Decode(&doc); err != nil || len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s: cannot read the file as YAML: %v", name, err)
	}
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		line := more.Line
		if line == 0 {
			line = 1
		}
		return nil, fmt.Errorf("%s:%d:1: a glossary file holds one YAML document; split the others into files of their own", name, line)
	}
	t := &tree{src: newSource(src, &doc)}
	t.root = t.build(doc.Content[0], glossaryLayout)
	t.starts = nodeLines(&doc)
	comments := t.src.comments()
	t.attach(comments)
	words := commentWords(comments)
	out := t.write()
	// Let the source's node trees go before the output's are read: for a
	// large glossary each takes hundreds of megabytes.
	t, doc = nil, yaml.Node{}

	g2, problems := glossary.Parse(name, out)
	if err := firstError(problems); err != nil {
		return nil, fmt.Errorf("%s: the formatted file would not parse (%v); the file is left as it is", name, err)
	}
	if !sameGlossary(g, g2, false) {
		return nil, fmt.Errorf("%s: formatting would change the glossary; the file is left as it is", name)
	}
	var outDoc yaml.Node
	if err := yaml.Unmarshal(out, &outDoc); err != nil {
		return nil, fmt.Errorf("%s: the formatted file would not parse (%v); the file is left as it is", name, err)
	}
	if !slices.Equal(words, commentWords(newSource(out, &outDoc).comments())) {
		return nil, fmt.Errorf("%s: formatting would lose or change a comment; the file is left as it is", name)
	}
	return out, nil
}

// firstError is the first error of problems, by position, or nil.
func firstError(problems glossary.Problems) error {
	problems.Sort()
	for _, p := range problems {
		if p.Severity == glossary.Error {
			if n := problems.Errors(); n > 1 {
				return fmt.Errorf("%s (and %d more errors; see termlint glossary validate)", p, n-1)
			}
			return errors.New(p.String())
		}
	}
	return nil
}

// nodeLines lists the line of every node under n, sorted.
func nodeLines(n *yaml.Node) []int {
	var lines []int
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind != yaml.DocumentNode {
			lines = append(lines, n.Line)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	sort.Ints(lines)
	return lines
}

// commentWords are the words of all comments, sorted: two trailing
// comments that end up on one line are one comment then, with the same
// words.
func commentWords(cs []comment) []string {
	var words []string
	for _, c := range cs {
		words = append(words, strings.Fields(c.text)...)
	}
	sort.Strings(words)
	return words
}

// write writes the tree's entries and returns the file.
func (t *tree) write() []byte {
	w := &writer{t: t}
	w.comments(t.head, 0)
	w.entries(t.root, 0)
	for len(w.lines) > 0 && w.lines[len(w.lines)-1] == "" {
		w.lines = w.lines[:len(w.lines)-1]
	}
	return []byte(strings.Join(w.lines, "\n") + "\n")
}
