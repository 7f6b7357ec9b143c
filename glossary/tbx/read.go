package tbx

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/termlint/termlint/glossary"
)

// Read reads a TBX file of either version, told apart by the root element
// (<tbx> for v3, <martif> for v2), whether termlint wrote it or another
// tool (memoQ, Trados MultiTerm, Okapi, Weblate, Translate Toolkit).
//
// Chinese terms (zh, zh-CN, zh-Hans, zh-SG) give a concept its zh, the
// first of them, and zh_variants, the rest and those of zh-TW, zh-HK and
// zh-Hant; English terms (en, en-US, en-GB, ...) are its renderings. Other
// languages are ignored with a warning, as is an entry lacking a Chinese
// or an English term. Malformed XML, another root element and a file with
// no usable entry are errors, "name:line:col: ...".
func Read(name string, data []byte) (*glossary.Glossary, glossary.Problems, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	root, err := parseTree(name, data)
	if err != nil {
		return nil, nil, err
	}
	if l := root.name.Local; l != "tbx" && l != "martif" {
		return nil, nil, fmt.Errorf("%s: the root element is <%s>; a TBX file has <tbx> (TBX v3) or <martif> (TBX v2)", root.pos, l)
	}
	r := &reader{
		base:         filepath.Base(name),
		warned:       map[string]bool{},
		sourceByID:   map[string]*glossary.Source{},
		sourceByText: map[string]string{},
		styleByID:    map[string]*glossary.Style{},
		styleByText:  map[string]string{},
	}
	if h := root.child("tbxHeader"); h != nil {
		r.header(h)
	} else if h := root.child("martifHeader"); h != nil {
		r.header(h)
	}
	where := root
	if text := root.child("text"); text != nil {
		where = text
		if body := text.child("body"); body != nil {
			where = body
			for _, k := range body.kids() {
				switch k.name.Local {
				case "conceptEntry", "termEntry":
					r.entry(k)
				default:
					r.ignored(k)
				}
			}
		}
	}
	g := r.finish()
	r.problems.Sort()
	if len(g.Concepts) == 0 {
		return nil, r.problems, fmt.Errorf("%s: no concepts: no entry has both a Chinese and an English term", where.pos)
	}
	return g, r.problems, nil
}

// reader holds what reading one file has found so far.
type reader struct {
	base string
	// exact is set for termlint's own export, whose texts are kept as
	// written; other files have their line breaks and indentation inside
	// texts folded to single spaces.
	exact    bool
	problems glossary.Problems
	// warned holds the languages and data categories warned about, once
	// per file each.
	warned       map[string]bool
	sources      []*glossary.Source
	sourceByID   map[string]*glossary.Source
	sourceByText map[string]string
	styles       []*glossary.Style
	styleByID    map[string]*glossary.Style
	styleByText  map[string]string
	entries      []*entry
}

// entry is a concept as read, before ids are given out and references
// resolved.
type entry struct {
	c     *glossary.Concept
	xmlID string
	label string
	// chinese holds the Chinese terms of Chinese language sections,
	// variants those of zh-TW, zh-HK and zh-Hant ones.
	chinese, variants []string
	refs              []crossRef
	// relatedNote says that a termlint note gave the related ids.
	relatedNote bool
	// styles are customer subsets given for the whole entry.
	styles []string
	notes  []string
}

type crossRef struct {
	target, text string
	pos          glossary.Pos
}

func (r *reader) warnf(pos glossary.Pos, format string, args ...any) {
	r.problems = append(r.problems, glossary.Problem{Pos: pos, Severity: glossary.Warning, Message: fmt.Sprintf(format, args...)})
}

// clean returns a text as termlint keeps it.
func (r *reader) clean(s string) string {
	if r.exact {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// typeOf returns an element's data category, lower-cased: tools differ in
// case ("Definition").
func typeOf(n *node) string { return strings.ToLower(n.get("type")) }

// ignored warns, once per file, about a data category termlint has no
// field for.
func (r *reader) ignored(n *node) {
	what := "<" + n.name.Local + ">"
	if t := n.get("type"); t != "" {
		what = fmt.Sprintf("<%s type=%q>", n.name.Local, t)
	}
	if r.warned[what] {
		return
	}
	r.warned[what] = true
	r.warnf(n.pos, "termlint has no field for %s; ignored here and wherever else it occurs", what)
}

// note reads a note element: a termlint note, or plain text.
func (r *reader) note(n *node) (*termlintNote, string) {
	text := n.text()
	if !isTermlintNote(text) {
		return nil, r.clean(text)
	}
	tn, err := parseNote(text)
	if err != nil {
		r.warnf(n.pos, "unreadable termlint note (%v); kept as a plain note", err)
		return nil, r.clean(text)
	}
	return tn, ""
}

// unexpected warns about a termlint note of a kind that does not belong
// where it is, and returns its text to be kept as a plain note.
func (r *reader) unexpected(n *node, tn *termlintNote) string {
	r.warnf(n.pos, "a termlint note %q does not belong here; kept as a plain note", tn.kind)
	return r.clean(n.text())
}

func (r *reader) header(h *node) {
	var paras []*node
	if fd := h.child("fileDesc"); fd != nil {
		for _, sd := range fd.kids() {
			if sd.name.Local == "sourceDesc" {
				paras = append(paras, sd.kids()...)
			}
		}
	}
	if ed := h.child("encodingDesc"); ed != nil {
		paras = append(paras, ed.kids()...)
	}
	for _, p := range paras {
		if p.name.Local == "p" && strings.HasPrefix(p.text(), exportMarker) {
			r.exact = true
		}
	}
	for _, p := range paras {
		text := p.text()
		if p.name.Local != "p" || !isTermlintNote(text) || strings.HasPrefix(text, exportMarker) {
			continue
		}
		tn, err := parseNote(text)
		if err != nil {
			r.warnf(p.pos, "unreadable termlint note (%v); ignored", err)
			continue
		}
		switch tn.kind {
		case "source":
			s := &glossary.Source{ID: tn.id, Pos: p.pos}
			for _, f := range tn.fields {
				if f.name == "ocr" && !f.val.list {
					s.OCR = f.val.text == "yes"
					continue
				}
				dst := map[string]*string{"title": &s.Title, "kind": &s.Kind, "publisher": &s.Publisher,
					"date": &s.Date, "url": &s.URL, "lang": &s.Lang, "note": &s.Note}[f.name]
				if dst == nil || f.val.list {
					r.warnf(p.pos, "termlint source %q has an unknown field %q; ignored", tn.id, f.name)
					continue
				}
				*dst = f.val.text
			}
			r.addSource(r.checkedSource(s))
		case "style":
			s := &glossary.Style{ID: tn.id, Pos: p.pos}
			if v, ok := tn.field("description"); ok {
				s.Description = v.text
			}
			r.addStyle(s)
		default:
			r.warnf(p.pos, "a termlint note %q does not belong in the header; ignored", tn.kind)
		}
	}
}

func (r *reader) addSource(s *glossary.Source) {
	if r.sourceByID[s.ID] == nil {
		r.sources = append(r.sources, s)
		r.sourceByID[s.ID] = s
	}
}

func (r *reader) addStyle(s *glossary.Style) {
	if r.styleByID[s.ID] == nil {
		r.styles = append(r.styles, s)
		r.styleByID[s.ID] = s
	}
}

// sourceID returns the id of the source a text names: a source of the
// header, or one made for it.
func (r *reader) sourceID(text string, pos glossary.Pos) string {
	if r.sourceByID[text] != nil {
		return text
	}
	if id, ok := r.sourceByText[text]; ok {
		return id
	}
	id := r.newID(text, "source", func(id string) bool { return r.sourceByID[id] != nil })
	s := &glossary.Source{ID: id, Title: text, Kind: "other", Note: "imported from " + r.base, Pos: pos}
	if strings.HasPrefix(text, "https://") || strings.HasPrefix(text, "http://") {
		s.URL = text
	}
	r.addSource(s)
	r.sourceByText[text] = id
	return id
}

// styleID returns the id of the style a customer subset names.
func (r *reader) styleID(text string, pos glossary.Pos) string {
	if r.styleByID[text] != nil {
		return text
	}
	if id, ok := r.styleByText[text]; ok {
		return id
	}
	id := r.newID(text, "style", func(id string) bool { return r.styleByID[id] != nil })
	r.addStyle(&glossary.Style{ID: id, Description: "imported from " + r.base, Pos: pos})
	r.styleByText[text] = id
	return id
}

// newID makes an id from a text: its slug, shortened, numbered where it
// is taken.
func (r *reader) newID(text, fallback string, taken func(string) bool) string {
	base := text
	if !glossary.IsID(base) {
		// A web address names its source by host and path.
		for _, p := range []string{"https://", "http://", "www."} {
			base = strings.TrimPrefix(base, p)
		}
		base = glossary.Slug(base)
		if len(base) > 40 {
			base = base[:40]
			if i := strings.LastIndexByte(base, '-'); i > 0 {
				base = base[:i]
			}
		}
	}
	if base == "" {
		base = fallback
	}
	id := base
	for n := 2; taken(id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

func (r *reader) entry(n *node) {
	e := &entry{c: &glossary.Concept{Pos: n.pos}, xmlID: n.get("id")}
	e.label = "entry"
	if e.xmlID != "" {
		e.label = fmt.Sprintf("entry %q", e.xmlID)
	}
	for _, k := range n.kids() {
		switch k.name.Local {
		case "descrip", "descripGrp":
			r.entryDescrip(e, k)
		case "note":
			r.entryNote(e, k)
		case "ref":
			// crossReference is TBX-Basic's; relatedConcept is TBX
			// core's, what termlint's v3 export wrote before it was made
			// valid TBX-Basic, and what other tools write.
			if t := typeOf(k); t != "relatedconcept" && t != "crossreference" && t != "" {
				r.ignored(k)
				continue
			}
			e.refs = append(e.refs, crossRef{target: k.get("target"), text: r.clean(k.text()), pos: k.pos})
		case "admin", "adminGrp":
			r.entryAdmin(e, k)
		case "langSec", "langSet":
			r.language(e, k)
		case "transacGrp":
			// Who changed the entry when: termlint keeps no history.
		default:
			r.ignored(k)
		}
	}
	e.c.Notes = strings.Join(append(e.notes, splitNotes(e.c.Notes)...), "\n")
	r.entries = append(r.entries, e)
}

// splitNotes is the inverse of joining notes: nothing for none.
func splitNotes(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// entryDescrip reads a descrip, or the descrip of a descripGrp, at the
// concept or language level.
func (r *reader) entryDescrip(e *entry, n *node) {
	d := n
	if n.name.Local == "descripGrp" {
		if d = n.child("descrip"); d == nil {
			r.ignored(n)
			return
		}
		for _, k := range n.kids() {
			switch k.name.Local {
			case "note":
				r.entryNote(e, k)
			case "admin", "adminGrp":
				r.entryAdmin(e, k)
			}
		}
	}
	text := r.clean(d.text())
	switch typeOf(d) {
	case "subjectfield":
		if text != "" {
			e.c.Tags = append(e.c.Tags, text)
		}
	case "definition", "":
		// Weblate writes the explanation of a term as an untyped descrip.
		if e.c.Gloss == "" {
			e.c.Gloss = text
		} else if text != "" {
			e.notes = append(e.notes, text)
		}
	default:
		r.ignored(d)
	}
}

// entryAdmin reads an admin at the concept or language level.
func (r *reader) entryAdmin(e *entry, n *node) {
	a := n
	if n.name.Local == "adminGrp" {
		if a = n.child("admin"); a == nil {
			r.ignored(n)
			return
		}
	}
	text := r.clean(a.text())
	switch typeOf(a) {
	case "customersubset":
		if text != "" {
			e.styles = append(e.styles, r.styleID(text, a.pos))
		}
	case "source":
		if text != "" {
			e.notes = append(e.notes, "Source: "+text)
		}
	default:
		r.ignored(a)
	}
}

func (r *reader) entryNote(e *entry, n *node) {
	tn, plain := r.note(n)
	if tn == nil {
		if plain != "" {
			e.notes = append(e.notes, plain)
		}
		return
	}
	v := tn.value
	switch {
	case tn.kind == "pinyin" && !v.list:
		e.c.Pinyin = v.text
	case tn.kind == "family" && !v.list:
		e.c.Family = v.text
	case tn.kind == "parts" && v.list:
		e.c.Parts = v.items
	case tn.kind == "zh_except" && v.list:
		e.c.ZHExcept = v.items
	case tn.kind == "zh_context" && v.list:
		e.c.ZHContext = v.items
	case tn.kind == "kind" && !v.list:
		e.c.Kind = glossary.Kind(r.checked(n.pos, "termlint kind", v.text, func(k string) bool { return slices.Contains(glossary.Kinds, glossary.Kind(k)) }))
	case tn.kind == "related" && v.list:
		e.c.Related, e.relatedNote = v.items, true
	case tn.kind == "notes" && !v.list:
		e.c.Notes = v.text
	case tn.kind == "example":
		x := &glossary.Example{Pos: n.pos, Expect: []string{}}
		for _, f := range tn.fields {
			switch f.name {
			case "text":
				x.Text = f.val.text
			case "source":
				x.Source = f.val.text
			case "style":
				x.Style = f.val.text
			case "expect":
				x.Expect = f.val.items
			}
		}
		if x.Text == "" {
			r.warnf(n.pos, "termlint example without text; dropped")
			break
		}
		e.c.Examples = append(e.c.Examples, x)
	default:
		e.notes = append(e.notes, r.unexpected(n, tn))
	}
}

// language reads a language section.
func (r *reader) language(e *entry, n *node) {
	tag := n.get("lang")
	kind := classifyLang(tag)
	if kind == langOther {
		key := "lang " + strings.ToLower(tag)
		if !r.warned[key] {
			r.warned[key] = true
			if tag == "" {
				r.warnf(n.pos, "a language section without xml:lang is ignored, here and wherever else one occurs")
			} else {
				r.warnf(n.pos, "language %q is neither Chinese nor English; its terms are ignored here and in every other entry", tag)
			}
		}
		return
	}
	for _, k := range n.kids() {
		switch k.name.Local {
		case "termSec", "tig", "ntig":
			if kind == langEnglish {
				r.rendering(e, k)
			} else {
				r.chineseTerm(e, k, kind)
			}
		case "descrip", "descripGrp":
			d := k
			if k.name.Local == "descripGrp" {
				d = k.child("descrip")
			}
			// A definition in English is the gloss; one in Chinese is
			// kept as a note.
			if kind != langEnglish && d != nil && typeOf(d) == "definition" {
				if text := r.clean(d.text()); text != "" {
					e.notes = append(e.notes, text)
				}
				continue
			}
			r.entryDescrip(e, k)
		case "note":
			r.entryNote(e, k)
		case "admin", "adminGrp":
			r.entryAdmin(e, k)
		case "transacGrp":
		default:
			r.ignored(k)
		}
	}
}

// termParts returns the elements about one term: those of a tig or
// termSec, or of an ntig's termGrp followed by the ntig's own.
func termParts(n *node) []*node {
	if n.name.Local != "ntig" {
		return n.kids()
	}
	var out []*node
	for _, k := range n.kids() {
		if k.name.Local == "termGrp" {
			out = append(out, k.kids()...)
		} else {
			out = append(out, k)
		}
	}
	return out
}

func (r *reader) chineseTerm(e *entry, n *node, kind langKind) {
	for _, k := range termParts(n) {
		switch k.name.Local {
		case "term":
			t := strings.TrimSpace(k.text())
			if t == "" {
				continue
			}
			if kind == langChinese {
				e.chinese = append(e.chinese, t)
			} else {
				e.variants = append(e.variants, t)
			}
		case "note":
			r.entryNote(e, k)
		}
		// A Chinese term's status, type or part of speech has no place in
		// termlint, which lists every Chinese form alike.
	}
}

// rendering reads an English term.
func (r *reader) rendering(e *entry, n *node) {
	rd := &glossary.Rendering{Pos: n.pos, Styles: []string{}, Seen: []*glossary.Seen{}}
	var notes []string
	var status string
	var statusAt *node
	// last is the seen entry of the last bare source, which a termlint
	// seen note after it completes.
	var last *glossary.Seen
	for _, k := range termParts(n) {
		switch k.name.Local {
		case "term":
			rd.EN = r.clean(k.text())
		case "termNote", "termNoteGrp":
			t := k
			if k.name.Local == "termNoteGrp" {
				if t = k.child("termNote"); t == nil {
					continue
				}
			}
			switch typeOf(t) {
			case "administrativestatus", "normativeauthorization":
				if statusAt == nil {
					status, statusAt = strings.TrimSpace(t.text()), t
				}
			default:
				r.ignored(t)
			}
		case "admin", "adminGrp":
			a := k
			if k.name.Local == "adminGrp" {
				if a = k.child("admin"); a == nil {
					continue
				}
				for _, nk := range k.kids() {
					if nk.name.Local == "note" {
						if _, plain := r.note(nk); plain != "" {
							notes = append(notes, plain)
						}
					}
				}
			}
			text := r.clean(a.text())
			switch typeOf(a) {
			case "customersubset":
				if text != "" {
					rd.Styles = append(rd.Styles, r.styleID(text, a.pos))
				}
			case "source":
				last = &glossary.Seen{Source: r.sourceID(text, a.pos), Pos: a.pos}
				rd.Seen = append(rd.Seen, last)
			default:
				r.ignored(a)
			}
		case "descripGrp":
			r.seenGroup(rd, k, &notes)
		case "descrip":
			// A context with no source cannot be a seen entry; other
			// descriptions of a term (Weblate puts them here) are notes.
			if text := r.clean(k.text()); text != "" {
				if typeOf(k) == "context" {
					text = "Context: " + text
				}
				notes = append(notes, text)
			}
		case "note":
			tn, plain := r.note(k)
			if tn == nil {
				if plain != "" {
					notes = append(notes, plain)
				}
				continue
			}
			v := tn.value
			switch {
			case tn.kind == "forms" && v.list:
				rd.Forms = v.items
			case tn.kind == "shared" && !v.list:
				rd.Shared = v.text == "yes"
			case tn.kind == "note" && !v.list:
				rd.Note = v.text
			case tn.kind == "status" && !v.list:
				status, statusAt = v.text, k
			case tn.kind == "status_in":
				r.statusIn(rd, tn, k.pos)
			case tn.kind == "phrase" && !v.list:
				rd.Phrase = r.checked(k.pos, "termlint phrase", v.text, func(p string) bool { return slices.Contains(glossary.PhraseTypes, p) })
			case tn.kind == "context":
				r.context(rd, tn, k.pos)
			case tn.kind == "seen" && last != nil:
				r.seenDetails(last, tn, k.pos)
				last = nil
			default:
				notes = append(notes, r.unexpected(k, tn))
			}
		case "transacGrp", "termCompList":
		default:
			r.ignored(k)
		}
	}
	if rd.EN == "" {
		r.warnf(n.pos, "%s has an English term with no text; skipped", e.label)
		return
	}
	rd.Status = glossary.Admitted
	if statusAt != nil {
		s, sure, known := readStatus(status)
		switch {
		case statusAt.name.Local == "note":
			// termlint's own note, for a status outside the four.
			s = glossary.Status(status)
		case !known:
			r.warnf(statusAt.pos, "unknown administrative status %q of %q; read as admitted", status, rd.EN)
		case !sure:
			r.warnf(statusAt.pos, "administrative status %q of %q has no counterpart in termlint; read as admitted", status, rd.EN)
		}
		rd.Status = s
	}
	if len(notes) > 0 {
		rd.Note = strings.Join(append(splitNotes(rd.Note), notes...), "\n")
	}
	// A style with a status of its own that is a customer subset as well
	// (a file edited by hand or by another tool) is status_in's alone: a
	// glossary names a style in one of the two.
	if len(rd.StatusIn) > 0 {
		rd.Styles = slices.DeleteFunc(rd.Styles, func(s string) bool {
			_, ok := rd.StatusIn[s]
			return ok
		})
	}
	e.c.Renderings = append(e.c.Renderings, rd)
}

// statusIn reads a termlint status_in note, "STYLE STATUS; ...", into
// rd's StatusIn. A status that is not one of termlint's is dropped with
// a warning, as the glossary would not load with it.
func (r *reader) statusIn(rd *glossary.Rendering, tn *termlintNote, pos glossary.Pos) {
	for _, f := range tn.fields {
		status := glossary.Status(f.val.text)
		if f.val.list || !slices.Contains(glossary.Statuses, status) {
			r.warnf(pos, "termlint status_in gives style %q the status %q, not one of preferred, admitted, deprecated, superseded; dropped", f.name, f.val.text)
			continue
		}
		if rd.StatusIn == nil {
			rd.StatusIn = map[string]glossary.Status{}
		}
		rd.StatusIn[r.styleID(f.name, pos)] = status
	}
}

// context reads a termlint context note, "require [...]; exclude
// [...]", into rd's Context. Patterns the glossary would not take are
// dropped with a warning.
func (r *reader) context(rd *glossary.Rendering, tn *termlintNote, pos glossary.Pos) {
	ctx := &glossary.Context{}
	for _, f := range tn.fields {
		var dst *[]string
		switch f.name {
		case "require":
			dst = &ctx.Require
		case "exclude":
			dst = &ctx.Exclude
		}
		if dst == nil || !f.val.list {
			r.warnf(pos, "termlint context has an unknown field %q; ignored", f.name)
			continue
		}
		for _, p := range f.val.items {
			if err := glossary.CheckContextPattern(p); err != nil {
				r.warnf(pos, "termlint context pattern %q is not valid in a glossary (%v); dropped", p, err)
				continue
			}
			*dst = append(*dst, p)
		}
	}
	if len(ctx.Require) > 0 || len(ctx.Exclude) > 0 {
		rd.Context = ctx
	}
}

// seenGroup reads a descripGrp of a term: a context with its source is a
// seen entry.
func (r *reader) seenGroup(rd *glossary.Rendering, n *node, notes *[]string) {
	var quote, source string
	var sourceAt glossary.Pos
	var details *termlintNote
	var detailsAt glossary.Pos
	for _, k := range n.kids() {
		switch k.name.Local {
		case "descrip":
			if typeOf(k) == "context" {
				quote = r.clean(k.text())
			} else if text := r.clean(k.text()); text != "" {
				*notes = append(*notes, text)
			}
		case "admin":
			if typeOf(k) == "source" {
				source, sourceAt = r.clean(k.text()), k.pos
			} else {
				r.ignored(k)
			}
		case "note":
			tn, plain := r.note(k)
			switch {
			case tn != nil && tn.kind == "seen":
				details, detailsAt = tn, k.pos
			case tn != nil:
				*notes = append(*notes, r.unexpected(k, tn))
			case plain != "":
				*notes = append(*notes, plain)
			}
		}
	}
	if source == "" {
		if quote != "" {
			*notes = append(*notes, "Context: "+quote)
		}
		return
	}
	s := &glossary.Seen{Source: r.sourceID(source, sourceAt), Quote: quote, Pos: n.pos}
	if details != nil {
		r.seenDetails(s, details, detailsAt)
	}
	rd.Seen = append(rd.Seen, s)
}

// seenDetails sets the date, url and page a termlint note at pos gives s.
func (r *reader) seenDetails(s *glossary.Seen, tn *termlintNote, pos glossary.Pos) {
	if v, ok := tn.field("date"); ok {
		s.Date = r.checked(pos, "seen date", v.text, glossary.IsDate)
	}
	if v, ok := tn.field("url"); ok {
		s.URL = r.checked(pos, "seen url", v.text, glossary.IsURL)
	}
	if v, ok := tn.field("page"); ok {
		if page, err := strconv.Atoi(v.text); err == nil && page > 0 {
			s.Page = page
		} else {
			r.warnf(pos, "seen page %q is not a page number; left out", v.text)
		}
	}
}

// checkedSource mends what a termlint note, edited by hand or by another
// tool, may give a source that the glossary format does not take, each
// with a warning: the YAML written of it must load.
func (r *reader) checkedSource(s *glossary.Source) *glossary.Source {
	if s.Title == "" {
		r.warnf(s.Pos, "termlint source %q has no title; its id is its title", s.ID)
		s.Title = s.ID
	}
	if !slices.Contains(glossary.SourceKinds, s.Kind) {
		if s.Kind != "" {
			r.warnf(s.Pos, "termlint source %q has kind %q, not one of %s; it is kind other", s.ID, s.Kind, strings.Join(glossary.SourceKinds, ", "))
		}
		s.Kind = "other"
	}
	what := fmt.Sprintf("termlint source %q", s.ID)
	s.Date = r.checked(s.Pos, what+" date", s.Date, glossary.IsDate)
	s.URL = r.checked(s.Pos, what+" url", s.URL, glossary.IsURL)
	s.Lang = r.checked(s.Pos, what+" lang", s.Lang, func(tag string) bool {
		_, err := language.Parse(tag)
		return err == nil
	})
	return s
}

// checked returns value when it is empty or valid, and otherwise drops
// it with a warning.
func (r *reader) checked(pos glossary.Pos, what, value string, valid func(string) bool) string {
	if value == "" || valid(value) {
		return value
	}
	r.warnf(pos, "%s %q is not valid in a glossary; dropped", what, value)
	return ""
}

// finish makes concepts of the entries read: it drops those a concept
// cannot be made of, gives out ids and resolves references.
func (r *reader) finish() *glossary.Glossary {
	g := &glossary.Glossary{}
	zhOwner := map[string]*entry{}
	var kept []*entry
	for _, e := range r.entries {
		terms := append(slices.Clone(e.chinese), e.variants...)
		if len(terms) == 0 {
			r.warnf(e.c.Pos, "%s has no Chinese term (zh, zh-CN, zh-Hans, zh-SG, zh-TW, zh-HK or zh-Hant); skipped", e.label)
			continue
		}
		if len(e.c.Renderings) == 0 {
			r.warnf(e.c.Pos, "%s has no English term; skipped", e.label)
			continue
		}
		if prev := zhOwner[chineseKey(terms[0])]; prev != nil {
			r.warnf(e.c.Pos, "%s: its Chinese term %q is also that of %s (at %s); skipped", e.label, terms[0], prev.label, prev.c.Pos)
			continue
		}
		e.c.ZH = terms[0]
		zhOwner[chineseKey(terms[0])] = e
		for _, v := range terms[1:] {
			k := chineseKey(v)
			switch prev := zhOwner[k]; {
			case prev == e:
			case prev != nil:
				r.warnf(e.c.Pos, "%s: its Chinese term %q is also that of %s (at %s); left out", e.label, v, prev.label, prev.c.Pos)
			default:
				zhOwner[k] = e
				e.c.ZHVariants = append(e.c.ZHVariants, v)
			}
		}
		r.checkRenderings(e)
		kept = append(kept, e)
	}
	// Ids the file carries first, so that a made-up one cannot take them.
	ids := glossary.NewIDs(nil)
	byXMLID := map[string]string{}
	for _, e := range kept {
		id := e.xmlID
		if r.exact && strings.HasPrefix(id, "_") && glossary.IsID(id[1:]) {
			id = id[1:]
		}
		if glossary.IsID(id) {
			e.c.ID = ids.Take(id)
		}
	}
	for _, e := range kept {
		if e.c.ID == "" {
			e.c.ID = ids.Take(glossary.Slug(e.c.ZH))
		}
		if _, dup := byXMLID[e.xmlID]; !dup && e.xmlID != "" {
			byXMLID[e.xmlID] = e.c.ID
		}
	}
	byZH := map[string]string{}
	for k, e := range zhOwner {
		byZH[k] = e.c.ID
	}
	concepts := map[string]bool{}
	for _, e := range kept {
		concepts[e.c.ID] = true
	}
	for _, e := range kept {
		if !e.relatedNote {
			for _, ref := range e.refs {
				id, ok := byXMLID[ref.target]
				if !ok && ref.text != "" {
					id, ok = byZH[chineseKey(ref.text)]
				}
				if !ok {
					r.warnf(ref.pos, "cross-reference to %q names no entry read; left out", firstSet(ref.target, ref.text))
					continue
				}
				e.c.Related = append(e.c.Related, id)
			}
		}
		r.checkConceptRefs(e, concepts)
		for _, rd := range e.c.Renderings {
			for _, s := range e.styles {
				if !rd.InStyle(s) {
					rd.Styles = append(rd.Styles, s)
				}
			}
		}
		g.Concepts = append(g.Concepts, e.c)
	}
	g.Sources = append([]*glossary.Source{}, r.sources...)
	g.Styles = append([]*glossary.Style{}, r.styles...)
	return g
}

// firstSet returns the first of a and b that is set.
func firstSet(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// chineseKey is what two Chinese terms are compared by: their characters,
// without the spaces some tools put between them.
func chineseKey(s string) string { return strings.Join(strings.Fields(s), "") }

// checkRenderings keeps a concept's renderings usable: one rendering per
// English text and one preferred rendering per style.
func (r *reader) checkRenderings(e *entry) {
	var kept []*glossary.Rendering
	seen := map[string]*glossary.Rendering{}
	preferred := map[string]*glossary.Rendering{}
	for _, rd := range e.c.Renderings {
		k := strings.ToLower(strings.Join(strings.Fields(rd.EN), " "))
		if prev := seen[k]; prev != nil {
			r.warnf(rd.Pos, "%s lists the English term %q twice (first at %s); the second is left out", e.label, rd.EN, prev.Pos)
			continue
		}
		seen[k] = rd
		styles := slices.Clone(rd.AllStyles())
		for _, s := range e.styles {
			if !slices.Contains(styles, s) {
				styles = append(styles, s)
			}
		}
		if len(styles) == 0 {
			styles = []string{""}
		}
		// A second preferred term in a style is read as admitted: in that
		// style alone when its status there is its own (status_in), else
		// everywhere, as its one status is.
		for _, s := range styles {
			if rd.StatusFor(s) != glossary.Preferred {
				continue
			}
			if prev := preferred[s]; prev != nil {
				in := "with no style"
				if s != "" {
					in = fmt.Sprintf("in style %q", s)
				}
				r.warnf(rd.Pos, "%s has two preferred English terms %s, %q and %q (at %s); the second is read as admitted", e.label, in, prev.EN, rd.EN, prev.Pos)
				if _, own := rd.StatusIn[s]; own && s != "" {
					rd.StatusIn[s] = glossary.Admitted
				} else {
					rd.Status = glossary.Admitted
				}
			}
		}
		for _, s := range styles {
			if rd.StatusFor(s) == glossary.Preferred {
				preferred[s] = rd
			}
		}
		kept = append(kept, rd)
	}
	e.c.Renderings = kept
}

// checkConceptRefs leaves out family, part and related ids that name no
// concept read, and makes the styles examples name.
func (r *reader) checkConceptRefs(e *entry, concepts map[string]bool) {
	keep := func(what string, ids []string) []string {
		if ids == nil {
			return nil
		}
		out := []string{}
		for _, id := range ids {
			if concepts[id] {
				out = append(out, id)
			} else {
				r.warnf(e.c.Pos, "%s names %s %q, which is no concept read; left out", e.label, what, id)
			}
		}
		return out
	}
	if e.c.Family != "" && !concepts[e.c.Family] {
		r.warnf(e.c.Pos, "%s names family %q, which is no concept read; left out", e.label, e.c.Family)
		e.c.Family = ""
	}
	e.c.Parts = keep("part", e.c.Parts)
	e.c.Related = keep("related concept", e.c.Related)
	for _, x := range e.c.Examples {
		if x.Style != "" {
			r.styleID(x.Style, x.Pos)
		}
	}
}
