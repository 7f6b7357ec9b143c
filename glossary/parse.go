package glossary

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/internal/yamlnode"
	"golang.org/x/text/language"
)

// Parse reads one glossary file. It goes on past every problem it can, so
// that one run reports them all, and returns what it could read with the
// problems found in this file alone; references between concepts, sources
// and styles are checked by Validate once all files are merged.
func Parse(file string, data []byte) (*Glossary, Problems) {
	p := &parser{file: file}
	g := &Glossary{}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, col, msg := yamlnode.SyntaxError(err, data)
		p.problems.errorf(Pos{File: file, Line: line, Column: col}, "%s", msg)
		return g, p.problems
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		p.problems.errorf(Pos{File: file, Line: 1, Column: 1}, "file is empty: a glossary needs at least a concepts list")
		return g, p.problems
	}
	p.glossary(g, doc.Content[0])
	return g, p.problems
}

type parser struct {
	file     string
	problems Problems
}

func (p *parser) pos(n *yaml.Node) Pos { return yamlnode.At(p.file, n) }

// field is one key a mapping may hold: how to read its value.
type field struct {
	name string
	read func(val *yaml.Node)
}

// mapping walks a mapping node, calling each field's reader for its key and
// reporting unknown and repeated keys. what names the mapping in messages.
// It returns the keys that have a value, or nil when n is not a mapping.
func (p *parser) mapping(n *yaml.Node, what string, fields []field) map[string]bool {
	n = yamlnode.Resolve(n)
	if n.Kind != yaml.MappingNode {
		p.problems.errorf(p.pos(n), "%s must be a mapping of keys to values, not %s", what, yamlnode.Describe(n))
		return nil
	}
	present := map[string]bool{}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		key := k.Value
		if seen[key] {
			p.problems.errorf(p.pos(k), "%s has key %q twice", what, key)
			continue
		}
		seen[key] = true
		f := findField(fields, key)
		if f == nil {
			p.problems.errorf(p.pos(k), "unknown key %q in %s%s", key, what, yamlnode.DidYouMean(key, fieldNames(fields), "known keys"))
			continue
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // "key:" with no value is the same as leaving the key out
		}
		present[key] = true
		f.read(v)
	}
	return present
}

func fieldNames(fields []field) []string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return names
}

func findField(fields []field, key string) *field {
	for i := range fields {
		if fields[i].name == key {
			return &fields[i]
		}
	}
	return nil
}

// str reads a scalar as text. Numbers and dates are text too: "date: 2025"
// is as good as "date: '2025'".
func (p *parser) str(n *yaml.Node, what string, dst *string, at map[string]Pos, key string) {
	if n.Kind != yaml.ScalarNode {
		p.problems.errorf(p.pos(n), "%s must be text, not %s", what, yamlnode.Describe(n))
		return
	}
	*dst = n.Value
	if at != nil {
		at[key] = p.pos(n)
	}
}

// required reads a scalar that must not be empty.
func (p *parser) required(n *yaml.Node, what string, dst *string, at map[string]Pos, key string) {
	p.str(n, what, dst, at, key)
	if n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == "" {
		p.problems.errorf(p.pos(n), "%s is empty", what)
	}
}

// strs reads a list of scalars; each item's position goes into at under
// "key.i".
func (p *parser) strs(n *yaml.Node, what string, dst *[]string, at map[string]Pos, key string) {
	if n.Kind != yaml.SequenceNode {
		p.problems.errorf(p.pos(n), "%s must be a list such as [a, b], not %s", what, yamlnode.Describe(n))
		return
	}
	list := []string{}
	for _, item := range n.Content {
		item = yamlnode.Resolve(item)
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			p.problems.errorf(p.pos(item), "each item of %s must be text, not %s", what, yamlnode.Describe(item))
			continue
		}
		if at != nil {
			at[fmt.Sprintf("%s.%d", key, len(list))] = p.pos(item)
		}
		list = append(list, item.Value)
	}
	*dst = list
	if at != nil {
		at[key] = p.pos(n)
	}
}

func (p *parser) boolean(n *yaml.Node, what string, dst *bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		p.problems.errorf(p.pos(n), "%s must be true or false, not %s", what, yamlnode.Describe(n))
		return
	}
	*dst = n.Value == "true"
}

// list walks a sequence node, calling item for each element.
func (p *parser) list(n *yaml.Node, what string, item func(*yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		p.problems.errorf(p.pos(n), "%s must be a list, not %s", what, yamlnode.Describe(n))
		return
	}
	for _, c := range n.Content {
		item(yamlnode.Resolve(c))
	}
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(?:[-_.][a-z0-9]+)*$`)

func (p *parser) checkID(pos Pos, what, id string) {
	if id != "" && !idPattern.MatchString(id) {
		p.problems.errorf(pos, "%s %q must be a lowercase slug of letters, digits and single hyphens, such as \"zhoubian-gongzuo\"", what, id)
	}
}

var datePattern = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

func (p *parser) checkDate(pos Pos, what, date string) {
	if date != "" && !datePattern.MatchString(date) {
		p.problems.errorf(pos, "%s %q must be a date written YYYY, YYYY-MM or YYYY-MM-DD", what, date)
	}
}

func (p *parser) glossary(g *Glossary, root *yaml.Node) {
	keys := p.mapping(root, "the glossary", []field{
		{"sources", func(v *yaml.Node) { g.Sources = p.sources(v) }},
		{"styles", func(v *yaml.Node) { g.Styles = p.styles(v) }},
		{"concepts", func(v *yaml.Node) {
			ids := map[string]Pos{}
			p.list(v, "concepts", func(n *yaml.Node) {
				c := p.concept(n)
				if c == nil {
					return
				}
				if first, dup := ids[c.ID]; dup && c.ID != "" {
					p.problems.errorf(c.At("id"), "duplicate concept id %q (first defined at %s)", c.ID, first)
					return
				}
				ids[c.ID] = c.At("id")
				g.Concepts = append(g.Concepts, c)
			})
		}},
	})
	if keys != nil && len(keys) == 0 {
		p.problems.errorf(p.pos(root), "the glossary has none of sources, styles or concepts")
	}
}

// keyed walks a mapping whose keys are ids (sources, styles), in file order.
func (p *parser) keyed(n *yaml.Node, what, entry string, item func(id string, key, val *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.problems.errorf(p.pos(n), "%s must be a mapping of ids to entries, not %s", what, yamlnode.Describe(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		if seen[k.Value] {
			p.problems.errorf(p.pos(k), "%s has id %q twice", what, k.Value)
			continue
		}
		seen[k.Value] = true
		p.checkID(p.pos(k), entry+" id", k.Value)
		item(k.Value, k, v)
	}
}

func (p *parser) sources(n *yaml.Node) []*Source {
	out := []*Source{}
	p.keyed(n, "sources", "source", func(id string, k, v *yaml.Node) {
		s := &Source{ID: id, Pos: p.pos(k)}
		at := map[string]Pos{}
		what := fmt.Sprintf("source %q", id)
		keys := p.mapping(v, what, []field{
			{"title", func(v *yaml.Node) { p.required(v, what+" title", &s.Title, at, "title") }},
			{"kind", func(v *yaml.Node) { p.str(v, "kind", &s.Kind, at, "kind") }},
			{"publisher", func(v *yaml.Node) { p.str(v, "publisher", &s.Publisher, nil, "") }},
			{"date", func(v *yaml.Node) { p.str(v, "date", &s.Date, at, "date") }},
			{"url", func(v *yaml.Node) { p.str(v, "url", &s.URL, at, "url") }},
			{"lang", func(v *yaml.Node) { p.str(v, "lang", &s.Lang, at, "lang") }},
			{"note", func(v *yaml.Node) { p.str(v, "note", &s.Note, nil, "") }},
		})
		if keys == nil {
			return
		}
		if !keys["title"] {
			p.problems.errorf(s.Pos, "%s has no title", what)
		}
		switch {
		case !keys["kind"]:
			p.problems.errorf(s.Pos, "%s has no kind (one of %s)", what, strings.Join(SourceKinds, ", "))
		case !slices.Contains(SourceKinds, s.Kind):
			p.problems.errorf(at["kind"], "%s has kind %q; it must be one of %s", what, s.Kind, strings.Join(SourceKinds, ", "))
		}
		p.checkDate(at["date"], what+" date", s.Date)
		p.checkURL(at["url"], what, s.URL)
		if s.Lang != "" {
			if _, err := language.Parse(s.Lang); err != nil {
				p.problems.errorf(at["lang"], "%s has lang %q, which is not a BCP 47 language tag", what, s.Lang)
			}
		}
		out = append(out, s)
	})
	return out
}

func (p *parser) checkURL(pos Pos, what, url string) {
	if url != "" && !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "http://") {
		p.problems.errorf(pos, "%s has url %q; it must start with https:// or http://", what, url)
	}
}

func (p *parser) styles(n *yaml.Node) []*Style {
	out := []*Style{}
	p.keyed(n, "styles", "style", func(id string, k, v *yaml.Node) {
		s := &Style{ID: id, Pos: p.pos(k)}
		if p.mapping(v, fmt.Sprintf("style %q", id), []field{
			{"description", func(v *yaml.Node) { p.str(v, "description", &s.Description, nil, "") }},
		}) != nil {
			out = append(out, s)
		}
	})
	return out
}

func (p *parser) concept(n *yaml.Node) *Concept {
	c := &Concept{Pos: p.pos(n), at: map[string]Pos{}}
	what := "concept"
	// The id names the concept in messages about its other keys, so read it
	// before walking the mapping.
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode {
				what = fmt.Sprintf("concept %q", n.Content[i+1].Value)
			}
		}
	}
	keys := p.mapping(n, what, []field{
		{"id", func(v *yaml.Node) { p.required(v, "id", &c.ID, c.at, "id") }},
		{"zh", func(v *yaml.Node) { p.required(v, what+" zh", &c.ZH, c.at, "zh") }},
		{"zh_variants", func(v *yaml.Node) { p.strs(v, "zh_variants", &c.ZHVariants, c.at, "zh_variants") }},
		{"pinyin", func(v *yaml.Node) { p.str(v, "pinyin", &c.Pinyin, c.at, "pinyin") }},
		{"gloss", func(v *yaml.Node) { p.str(v, "gloss", &c.Gloss, c.at, "gloss") }},
		{"tags", func(v *yaml.Node) { p.strs(v, "tags", &c.Tags, c.at, "tags") }},
		{"notes", func(v *yaml.Node) { p.str(v, "notes", &c.Notes, c.at, "notes") }},
		{"family", func(v *yaml.Node) { p.str(v, "family", &c.Family, c.at, "family") }},
		{"parts", func(v *yaml.Node) { p.strs(v, "parts", &c.Parts, c.at, "parts") }},
		{"related", func(v *yaml.Node) { p.strs(v, "related", &c.Related, c.at, "related") }},
		{"renderings", func(v *yaml.Node) {
			c.at["renderings"] = p.pos(v)
			c.Renderings = []*Rendering{}
			p.list(v, "renderings", func(n *yaml.Node) {
				if r := p.rendering(n, what); r != nil {
					c.Renderings = append(c.Renderings, r)
				}
			})
		}},
		{"examples", func(v *yaml.Node) {
			c.Examples = []*Example{}
			p.list(v, "examples", func(n *yaml.Node) {
				if e := p.example(n, what); e != nil {
					c.Examples = append(c.Examples, e)
				}
			})
		}},
	})
	if keys == nil {
		return nil
	}
	if !keys["id"] {
		p.problems.errorf(c.Pos, "concept has no id")
	}
	if c.ID == "" {
		return nil
	}
	p.checkID(c.At("id"), "concept id", c.ID)
	p.checkDuplicateRenderings(c, what)
	return c
}

// checkDuplicateRenderings reports a rendering listed twice in one concept,
// which a merge could not tell apart.
func (p *parser) checkDuplicateRenderings(c *Concept, what string) {
	first := map[string]*Rendering{}
	for _, r := range c.Renderings {
		k := renderingKey(r.EN)
		if prev, ok := first[k]; ok {
			p.problems.errorf(r.At("en"), "%s lists the rendering %q twice (first at %s); put spelling variants under forms", what, r.EN, prev.At("en"))
			continue
		}
		first[k] = r
	}
}

func (p *parser) rendering(n *yaml.Node, concept string) *Rendering {
	r := &Rendering{Pos: p.pos(n), at: map[string]Pos{}}
	var status string
	keys := p.mapping(n, "rendering of "+concept, []field{
		{"en", func(v *yaml.Node) { p.required(v, "en", &r.EN, r.at, "en") }},
		{"forms", func(v *yaml.Node) { p.strs(v, "forms", &r.Forms, r.at, "forms") }},
		{"status", func(v *yaml.Node) { p.str(v, "status", &status, r.at, "status") }},
		{"styles", func(v *yaml.Node) { p.strs(v, "styles", &r.Styles, r.at, "styles") }},
		{"note", func(v *yaml.Node) { p.str(v, "note", &r.Note, nil, "") }},
		{"shared", func(v *yaml.Node) { p.boolean(v, "shared", &r.Shared) }},
		{"seen", func(v *yaml.Node) {
			r.Seen = []*Seen{}
			p.list(v, "seen", func(n *yaml.Node) {
				if s := p.seen(n); s != nil {
					r.Seen = append(r.Seen, s)
				}
			})
		}},
	})
	if keys == nil {
		return nil
	}
	if !keys["en"] {
		p.problems.errorf(r.Pos, "rendering of %s has no en", concept)
	}
	if r.EN == "" {
		return nil
	}
	if status != "" {
		r.Status = Status(status)
		if !slices.Contains(Statuses, r.Status) {
			p.problems.errorf(r.At("status"), "rendering %q has status %q; it must be one of preferred, admitted, deprecated, superseded", r.EN, status)
		}
	}
	return r
}

func (p *parser) seen(n *yaml.Node) *Seen {
	s := &Seen{Pos: p.pos(n), at: map[string]Pos{}}
	keys := p.mapping(n, "seen entry", []field{
		{"source", func(v *yaml.Node) { p.required(v, "seen source", &s.Source, s.at, "source") }},
		{"date", func(v *yaml.Node) { p.str(v, "date", &s.Date, s.at, "date") }},
		{"url", func(v *yaml.Node) { p.str(v, "url", &s.URL, s.at, "url") }},
		{"quote", func(v *yaml.Node) { p.str(v, "quote", &s.Quote, nil, "") }},
	})
	if keys == nil {
		return nil
	}
	if !keys["source"] {
		p.problems.errorf(s.Pos, "seen entry has no source")
	}
	p.checkDate(s.At("date"), "seen date", s.Date)
	p.checkURL(s.At("url"), "seen entry", s.URL)
	return s
}

func (p *parser) example(n *yaml.Node, concept string) *Example {
	e := &Example{Pos: p.pos(n), at: map[string]Pos{}}
	keys := p.mapping(n, "example of "+concept, []field{
		{"text", func(v *yaml.Node) { p.required(v, "example text", &e.Text, e.at, "text") }},
		{"source", func(v *yaml.Node) { p.str(v, "source", &e.Source, e.at, "source") }},
		{"style", func(v *yaml.Node) { p.str(v, "style", &e.Style, e.at, "style") }},
		{"expect", func(v *yaml.Node) { p.strs(v, "expect", &e.Expect, e.at, "expect") }},
	})
	if keys == nil {
		return nil
	}
	if !keys["text"] {
		p.problems.errorf(e.Pos, "example of %s has no text", concept)
	}
	if e.Text == "" {
		return nil
	}
	if !keys["expect"] {
		p.problems.errorf(e.Pos, "example of %s has no expect list (write expect: [] for a text that must pass)", concept)
	}
	if e.Expect == nil {
		e.Expect = []string{}
	}
	return e
}
