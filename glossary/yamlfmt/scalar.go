package yamlfmt

import (
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// doubleQuoted writes v as a double-quoted YAML scalar. Go's escapes
// (\n, \t, \", \\, \xHH, \uHHHH, \UHHHHHHHH) are all YAML escapes too,
// and Go leaves printable text, Chinese included, as it is.
func doubleQuoted(v string) string { return strconv.Quote(v) }

// singleQuoted writes v single-quoted, or returns false when v holds a
// line break or a character single quotes cannot carry.
func singleQuoted(v string) (string, bool) {
	for _, r := range v {
		if r != ' ' && !unicode.IsPrint(r) {
			return "", false
		}
	}
	return "'" + strings.ReplaceAll(v, "'", "''") + "'", true
}

// plainOK reports whether v, written as a plain scalar in flow or block
// context, reads back as v with the tag tag ("" for any tag but null).
// Text made only of letters, digits, spaces and a few marks is plain in
// both contexts; anything else is tried on yaml.v3 itself, in every place
// of that context a value can stand, rather than on a reimplementation of
// YAML's rules for plain scalars.
func plainOK(v string, flow bool, tag string) bool {
	if v == "" || strings.TrimSpace(v) != v || strings.ContainsAny(v, "\n\r\t") {
		return false
	}
	simple := simplePlain(v, flow)
	if simple && tag == "" {
		// Of the text simplePlain lets through, only these resolve to
		// null (yaml.v3's resolve table); asking yaml.v3 of every scalar
		// made Marshal of 100,000 concepts take 15 s.
		return v != "null" && v != "Null" && v != "NULL"
	}
	if !simple {
		docs := []string{"k: " + v, "- " + v}
		if flow {
			docs = []string{"k: {k: " + v + "}", "k: [" + v + "]", "k: [" + v + ", x]"}
		}
		for _, d := range docs {
			if got, ok := probe(d); !ok || got.Value != v {
				return false
			}
		}
	}
	got, ok := probe("k: " + v)
	if !ok {
		return false
	}
	if tag == "" {
		return got.Tag != "!!null"
	}
	return got.Tag == tag
}

// simplePlain is the fast answer of plainOK for most text: it starts with
// a letter or digit and holds no character YAML gives a meaning to.
func simplePlain(v string, flow bool) bool {
	for i, r := range v {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		case i == 0:
			return false
		case r == ' ' || r == '-' || r == '.' || r == '\'' || r == '/' || r == '(' || r == ')' || r == '&' || r == ';':
		case r == ',' && !flow:
		case r > unicode.MaxASCII && unicode.IsPrint(r) && !unicode.IsSpace(r):
		default:
			return false
		}
	}
	return true
}

// probe parses doc and returns the scalar it ends with.
func probe(doc string) (*yaml.Node, bool) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &n); err != nil || len(n.Content) != 1 {
		return nil, false
	}
	m := n.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 || m.Content[0].Value != "k" {
		// "- v" is a sequence of one.
		if m.Kind == yaml.SequenceNode && len(m.Content) == 1 && m.Content[0].Kind == yaml.ScalarNode {
			return m.Content[0], true
		}
		return nil, false
	}
	v := m.Content[1]
	switch v.Kind {
	case yaml.ScalarNode:
		return v, true
	case yaml.MappingNode:
		if len(v.Content) == 2 && v.Content[0].Value == "k" && v.Content[1].Kind == yaml.ScalarNode {
			return v.Content[1], true
		}
	case yaml.SequenceNode:
		if len(v.Content) >= 1 && v.Content[0].Kind == yaml.ScalarNode {
			if len(v.Content) == 2 && v.Content[1].Value != "x" {
				return nil, false
			}
			return v.Content[0], true
		}
	}
	return nil, false
}
