package tbx

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/termlint/termlint/glossary"
)

// Write writes g as a TBX-Basic file: version 3 is TBX v3 (ISO 30042:2019),
// version 2 the older martif format. The output is UTF-8 with an XML
// declaration, indented, and the same for the same glossary. Nothing is
// written when an error is returned.
func Write(w io.Writer, g *glossary.Glossary, version int) error {
	var d dialect
	switch version {
	case 3:
		d = v3
	case 2:
		d = v2
	default:
		return fmt.Errorf("TBX version %d is not supported; use 3 (ISO 30042:2019) or 2 (martif)", version)
	}
	ids, err := xmlIDs(g)
	if err != nil {
		return err
	}
	x := &xmlWriter{}
	x.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if version == 3 {
		x.open(d.root, "type", "TBX-Basic", "style", "dca", "xml:lang", langEN, "xmlns", Namespace)
	} else {
		x.open(d.root, "type", "TBX-Basic", "xml:lang", langEN)
	}
	writeHeader(x, d, g, version)
	x.open("text")
	x.open("body")
	for _, c := range g.Concepts {
		x.context = fmt.Sprintf("concept %q", c.ID)
		if c.ZH == "" && len(c.ZHVariants) == 0 && len(c.Renderings) == 0 {
			return fmt.Errorf("concept %q has neither a Chinese term nor a rendering, and a TBX entry needs a term", c.ID)
		}
		writeConcept(x, d, c, ids)
	}
	x.close("body")
	x.close("text")
	x.close(d.root)
	if x.err != nil {
		return x.err
	}
	_, err = w.Write(x.b.Bytes())
	return err
}

// entryRef is how an entry is pointed at: its XML id and its Chinese term,
// the text of a cross-reference to it.
type entryRef struct{ id, zh string }

// xmlIDs maps each concept id to its entry: the XML id is the concept id
// itself, or the id after an underscore where it begins with a digit,
// which an XML id may not.
func xmlIDs(g *glossary.Glossary) (map[string]entryRef, error) {
	ids := make(map[string]entryRef, len(g.Concepts))
	for _, c := range g.Concepts {
		id := c.ID
		if !isNCName(id) {
			id = "_" + id
		}
		if !isNCName(id) {
			return nil, fmt.Errorf("concept id %q cannot be written as an XML id", c.ID)
		}
		if _, dup := ids[c.ID]; dup {
			return nil, fmt.Errorf("two concepts have the id %q; a TBX file needs unique entry ids", c.ID)
		}
		ids[c.ID] = entryRef{id, c.ZH}
	}
	return ids, nil
}

func writeHeader(x *xmlWriter, d dialect, g *glossary.Glossary, version int) {
	x.open(d.header)
	x.open("fileDesc")
	x.open("titleStmt")
	x.leaf("title", "termlint glossary")
	x.close("titleStmt")
	// TBX v3 allows one sourceDesc, so the sources a rendering was seen
	// in, the sources of this collection, are paragraphs of it after the
	// export marker. (Earlier versions wrote a sourceDesc each; Read takes
	// both.)
	x.open("sourceDesc")
	x.leaf("p", exportMarker+`: TBX-Basic, one entry per concept, Chinese (zh-Hans) and English (en) terms. Notes that begin with "termlint" hold what TBX-Basic has no data category for, and termlint reads them back.`)
	for _, s := range g.Sources {
		x.context = fmt.Sprintf("source %q", s.ID)
		x.leaf("p", newNote("source", s.ID).quoted("title", s.Title).add("kind", s.Kind).quoted("publisher", s.Publisher).
			add("date", s.Date).quoted("url", s.URL).add("lang", s.Lang).add("ocr", yesIf(s.OCR)).quoted("note", s.Note).String())
	}
	x.close("sourceDesc")
	x.close("fileDesc")
	// The encoding description says what the customerSubset values, the
	// house styles, stand for.
	if version == 2 || len(g.Styles) > 0 {
		x.open("encodingDesc")
		if version == 2 {
			x.leaf("p", "TBXBasicXCSV02.xcs", "type", "XCSURI")
		}
		for _, s := range g.Styles {
			x.context = fmt.Sprintf("style %q", s.ID)
			x.leaf("p", newNote("style", s.ID).quoted("description", s.Description).String())
		}
		x.close("encodingDesc")
	}
	x.close(d.header)
}

func writeConcept(x *xmlWriter, d dialect, c *glossary.Concept, ids map[string]entryRef) {
	x.open(d.entry, "id", ids[c.ID].id)
	for _, t := range c.Tags {
		x.leaf("descrip", t, "type", "subjectField")
	}
	if c.Gloss != "" {
		x.leaf("descrip", c.Gloss, "type", "definition")
	}
	writeNote(x, "notes", c.Notes)
	if c.Pinyin != "" && !c.PinyinGenerated {
		x.leaf("note", valueNote("pinyin", word(c.Pinyin)))
	}
	if c.Family != "" {
		x.leaf("note", valueNote("family", word(c.Family)))
	}
	if len(c.Parts) > 0 {
		x.leaf("note", valueNote("parts", list(c.Parts)))
	}
	if len(c.ZHExcept) > 0 {
		x.leaf("note", valueNote("zh_except", list(c.ZHExcept)))
	}
	if len(c.ZHContext) > 0 {
		x.leaf("note", valueNote("zh_context", list(c.ZHContext)))
	}
	if c.Kind != "" {
		x.leaf("note", valueNote("kind", word(string(c.Kind))))
	}
	for _, e := range c.Examples {
		b := newNote("example", "").quoted("text", e.Text).quoted("source", e.Source).add("style", e.Style).list("expect", e.Expect)
		x.leaf("note", b.String())
	}
	// A cross-reference must point at an entry of the file; related ids
	// that name none are kept in a note instead, all of them, in order.
	related := true
	for _, id := range c.Related {
		if _, ok := ids[id]; !ok {
			related = false
		}
	}
	if related {
		for _, id := range c.Related {
			x.leaf("ref", ids[id].zh, "type", relatedRef, "target", ids[id].id)
		}
	} else {
		x.leaf("note", valueNote("related", list(c.Related)))
	}
	if c.ZH != "" || len(c.ZHVariants) > 0 {
		x.open(d.lang, "xml:lang", langZH)
		if c.ZH != "" {
			x.open(d.term)
			x.leaf("term", c.ZH)
			x.close(d.term)
		}
		for _, v := range c.ZHVariants {
			x.open(d.term)
			x.leaf("term", v)
			x.leaf("termNote", "variant", "type", "termType")
			x.close(d.term)
		}
		x.close(d.lang)
	}
	if len(c.Renderings) > 0 {
		x.open(d.lang, "xml:lang", langEN)
		for _, r := range c.Renderings {
			writeRendering(x, d, r)
		}
		x.close(d.lang)
	}
	x.close(d.entry)
}

func writeRendering(x *xmlWriter, d dialect, r *glossary.Rendering) {
	x.open(d.term)
	x.leaf("term", r.EN)
	if s, ok := adminStatus[r.Status]; ok {
		x.leaf("termNote", s, "type", "administrativeStatus")
	} else if r.Status != "" {
		x.leaf("note", valueNote("status", word(string(r.Status))))
	}
	for _, s := range r.Styles {
		x.leaf("admin", s, "type", "customerSubset")
	}
	// The styles with a status of their own are not customer subsets: a
	// tool that reads no termlint note would take the term's one status
	// for its status there, and better it miss the term in that style
	// than read "preferred" where it is admitted.
	if len(r.StatusIn) > 0 {
		b := newNote("status_in", "")
		for _, s := range slices.Sorted(maps.Keys(r.StatusIn)) {
			b.add(s, string(r.StatusIn[s]))
		}
		x.leaf("note", b.String())
	}
	writeNote(x, "note", r.Note)
	if len(r.Forms) > 0 {
		x.leaf("note", valueNote("forms", list(r.Forms)))
	}
	if r.Phrase != "" {
		x.leaf("note", valueNote("phrase", word(r.Phrase)))
	}
	if r.Context != nil && (len(r.Context.Require) > 0 || len(r.Context.Exclude) > 0) {
		b := newNote("context", "")
		if len(r.Context.Require) > 0 {
			b.list("require", r.Context.Require)
		}
		if len(r.Context.Exclude) > 0 {
			b.list("exclude", r.Context.Exclude)
		}
		x.leaf("note", b.String())
	}
	if r.Shared {
		x.leaf("note", valueNote("shared", "yes"))
	}
	for _, s := range r.Seen {
		details := newNote("seen", "").add("date", s.Date).quoted("url", s.URL).add("page", pageText(s.Page))
		if s.Quote != "" {
			// The quote is the rendering in use: a context, with its source.
			x.open("descripGrp")
			x.leaf("descrip", s.Quote, "type", "context")
			x.leaf("admin", s.Source, "type", "source")
			if len(details.fields) > 0 {
				x.leaf("note", details.String())
			}
			x.close("descripGrp")
			continue
		}
		x.leaf("admin", s.Source, "type", "source")
		if len(details.fields) > 0 {
			// Read gives it to the source just before.
			x.leaf("note", details.String())
		}
	}
	x.close(d.term)
}

// writeNote writes a free-text note, as a termlint note of the given kind
// where the text itself begins like one.
func writeNote(x *xmlWriter, kind, text string) {
	switch {
	case text == "":
	case isTermlintNote(text):
		x.leaf("note", valueNote(kind, strconv.Quote(text)))
	default:
		x.leaf("note", text)
	}
}

// xmlWriter writes indented XML, remembering the first text XML cannot
// hold.
type xmlWriter struct {
	b       bytes.Buffer
	depth   int
	context string
	err     error
}

func (x *xmlWriter) indent() {
	for range x.depth {
		x.b.WriteString("  ")
	}
}

func (x *xmlWriter) start(name string, attrs []string) {
	x.indent()
	x.b.WriteString("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.b.WriteString(" " + attrs[i] + `="`)
		x.escape(attrs[i+1], true)
		x.b.WriteString(`"`)
	}
	x.b.WriteString(">")
}

// open writes a start tag on a line of its own; attrs are name, value
// pairs.
func (x *xmlWriter) open(name string, attrs ...string) {
	x.start(name, attrs)
	x.b.WriteString("\n")
	x.depth++
}

func (x *xmlWriter) close(name string) {
	x.depth--
	x.indent()
	x.b.WriteString("</" + name + ">\n")
}

// leaf writes an element holding text, on one line.
func (x *xmlWriter) leaf(name, text string, attrs ...string) {
	x.start(name, attrs)
	x.escape(text, false)
	x.b.WriteString("</" + name + ">\n")
}

// escape writes s as XML character data or, with attr, as an attribute
// value. Line breaks stay as they are in text but are written as
// character references in attributes, where parsers would turn them into
// spaces; a carriage return is a reference everywhere, for parsers turn
// it into a line feed.
func (x *xmlWriter) escape(s string, attr bool) {
	if !utf8.ValidString(s) {
		x.fail("text that is not valid UTF-8")
		return
	}
	for _, r := range s {
		switch {
		case r == '&':
			x.b.WriteString("&amp;")
		case r == '<':
			x.b.WriteString("&lt;")
		case r == '>':
			x.b.WriteString("&gt;")
		case r == '"' && attr:
			x.b.WriteString("&quot;")
		case r == '\r':
			x.b.WriteString("&#xD;")
		case (r == '\n' || r == '\t') && attr:
			fmt.Fprintf(&x.b, "&#x%X;", r)
		case !xmlChar(r):
			x.fail(fmt.Sprintf("the character %U, which XML 1.0 cannot hold", r))
			return
		default:
			x.b.WriteRune(r)
		}
	}
}

func (x *xmlWriter) fail(what string) {
	if x.err == nil {
		x.err = fmt.Errorf("%s holds %s", x.context, what)
	}
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

// yesIf is "yes" for a true flag and empty (left out) for false.
func yesIf(flag bool) string {
	if flag {
		return "yes"
	}
	return ""
}

// pageText is a seen entry's page, empty (left out) when it has none.
func pageText(page int) string {
	if page == 0 {
		return ""
	}
	return strconv.Itoa(page)
}
