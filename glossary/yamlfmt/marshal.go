package yamlfmt

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/glossary"
)

// Marshal writes g in the canonical layout, with header (if not "") as a
// comment at the top, "# " before each of its lines. Text is quoted only
// where plain YAML would read differently. A pinyin the loader generated
// is left out, to be generated again; so are empty fields. Marshal checks
// that its output parses back to g, positions aside.
func Marshal(g *glossary.Glossary, header string) ([]byte, error) {
	t := &tree{}
	root := mapping()
	if len(g.Sources) > 0 {
		sources := mapping()
		for _, s := range g.Sources {
			m := mapping()
			add(m, "title", str(s.Title))
			add(m, "kind", str(s.Kind))
			add(m, "publisher", str(s.Publisher))
			add(m, "date", str(s.Date))
			add(m, "url", str(s.URL))
			add(m, "lang", str(s.Lang))
			if s.OCR {
				add(m, "ocr", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
			}
			add(m, "note", str(s.Note))
			add(sources, s.ID, m)
		}
		add(root, "sources", sources)
	}
	if len(g.Styles) > 0 {
		styles := mapping()
		for _, s := range g.Styles {
			m := mapping()
			add(m, "description", str(s.Description))
			add(styles, s.ID, m)
		}
		add(root, "styles", styles)
	}
	concepts := &yaml.Node{Kind: yaml.SequenceNode}
	for _, c := range g.Concepts {
		concepts.Content = append(concepts.Content, conceptNode(c))
	}
	add(root, "concepts", concepts)
	t.root = t.build(root, glossaryLayout)
	if header != "" {
		for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
			t.head = append(t.head, commentLine{text: strings.TrimRight("# "+l, " ")})
		}
	}
	out := t.write()
	back, problems := glossary.Parse("marshal", out)
	if err := firstError(problems); err != nil {
		return nil, fmt.Errorf("yamlfmt: the YAML written does not parse: %v", err)
	}
	if !sameGlossary(g, back, true) {
		return nil, fmt.Errorf("yamlfmt: the YAML written does not read back as the glossary it was made of")
	}
	return out, nil
}

func conceptNode(c *glossary.Concept) *yaml.Node {
	m := mapping()
	add(m, "id", str(c.ID))
	add(m, "zh", str(c.ZH))
	add(m, "zh_variants", strs(c.ZHVariants))
	add(m, "zh_except", strs(c.ZHExcept))
	add(m, "zh_context", strs(c.ZHContext))
	if !c.PinyinGenerated {
		add(m, "pinyin", str(c.Pinyin))
	}
	add(m, "kind", str(string(c.Kind)))
	add(m, "gloss", str(c.Gloss))
	add(m, "tags", strs(c.Tags))
	add(m, "family", str(c.Family))
	add(m, "parts", strs(c.Parts))
	add(m, "notes", str(c.Notes))
	add(m, "related", strs(c.Related))
	renderings := &yaml.Node{Kind: yaml.SequenceNode}
	for _, r := range c.Renderings {
		rm := mapping()
		add(rm, "en", str(r.EN))
		add(rm, "forms", strs(r.Forms))
		add(rm, "status", str(string(r.Status)))
		add(rm, "styles", strs(r.Styles))
		if len(r.StatusIn) > 0 {
			// A map has no order: the styles are written sorted.
			m := mapping()
			for _, s := range slices.Sorted(maps.Keys(r.StatusIn)) {
				m.Content = append(m.Content, text(s), text(string(r.StatusIn[s])))
			}
			add(rm, "status_in", m)
		}
		add(rm, "phrase", str(r.Phrase))
		if r.Context != nil {
			m := mapping()
			add(m, "require", strs(r.Context.Require))
			add(m, "exclude", strs(r.Context.Exclude))
			if len(m.Content) > 0 {
				add(rm, "context", m)
			}
		}
		if r.Shared {
			add(rm, "shared", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		}
		add(rm, "note", str(r.Note))
		seen := &yaml.Node{Kind: yaml.SequenceNode}
		for _, s := range r.Seen {
			sm := mapping()
			add(sm, "source", str(s.Source))
			add(sm, "date", str(s.Date))
			add(sm, "url", str(s.URL))
			if s.Page > 0 {
				add(sm, "page", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(s.Page)})
			}
			add(sm, "quote", str(s.Quote))
			seen.Content = append(seen.Content, sm)
		}
		add(rm, "seen", seen)
		renderings.Content = append(renderings.Content, rm)
	}
	add(m, "renderings", renderings)
	examples := &yaml.Node{Kind: yaml.SequenceNode}
	for _, e := range c.Examples {
		em := mapping()
		add(em, "text", str(e.Text))
		add(em, "source", str(e.Source))
		add(em, "style", str(e.Style))
		expect := strs(e.Expect)
		if expect == nil {
			expect = &yaml.Node{Kind: yaml.SequenceNode} // expect: [] says the text must pass
		}
		add(em, "expect", expect)
		examples.Content = append(examples.Content, em)
	}
	add(m, "examples", examples)
	return m
}

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }

// add puts key: val in m, unless val is nil (an empty field).
func add(m *yaml.Node, key string, val *yaml.Node) {
	if val == nil || val.Kind == yaml.SequenceNode && len(val.Content) == 0 && key != "expect" {
		return
	}
	m.Content = append(m.Content, str(key), val)
}

// str is a text scalar, nil for "".
func str(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// text is a text scalar, "" too: a value that must be written even when
// empty, so that reading it back says what is wrong.
func text(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// strs is a list of text scalars, nil for none.
func strs(list []string) *yaml.Node {
	if len(list) == 0 {
		return nil
	}
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range list {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
	}
	return n
}
