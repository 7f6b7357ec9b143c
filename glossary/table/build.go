package table

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
	"github.com/termlint/termlint/internal/workcount"
)

// builder collects what an importer reads into a glossary: concepts keyed
// by their Chinese, renderings keyed by their English, and the sources and
// styles the file names, created as it names them. Both importers use it,
// so that a CSV and a Markdown table make the same glossary of the same
// rows.
type builder struct {
	file string // the name positions are reported under
	base string // the file's base name, for "imported from"

	concepts []*concept
	// byZH finds a concept by the fold of its zh or of a variant: two
	// rows whose Chinese folds alike are one concept, as Validate would
	// reject two concepts with one Chinese term.
	byZH map[string]*concept

	styles, sources []string // ids in the order first named
	styleByName     map[string]string
	sourceByName    map[string]string
	styleDefs       map[string]*glossary.Style
	sourceDefs      map[string]*glossary.Source

	warnings glossary.Problems
	errs     []string

	// notes holds the notes of each concept and rendering given one, by
	// the field they go to, joined into it when the glossary is built:
	// joining row by row and searching the joined text made a concept of
	// many rows cost the square of their number.
	notes map[*string]*noteList
	// preferred finds, by concept and style, the renderings made
	// preferred in the style (see notePreferred).
	preferred map[preferredKey][]*glossary.Rendering
	// recorded says which rendering and style preferred holds.
	recorded map[recordedKey]bool
	// seenFrom holds each rendering's first seen entry of each source,
	// and seenOn the dates of its entries of each source (see seen).
	seenFrom map[seenFromKey]*glossary.Seen
	seenOn   map[seenOnKey]bool
}

// looks counts the entries the builder looked at to find a concept's
// preferred rendering in a style, a rendering's seen entry or a note: the
// work the doubling tests of rows per concept bound.
var looks workcount.Counter

// noteList is the notes of one field, in order, each once.
type noteList struct {
	sep  string
	list []string
	has  map[string]bool
}

type preferredKey struct {
	c     *concept
	style string
}

type recordedKey struct {
	r     *glossary.Rendering
	style string
}

type seenFromKey struct {
	r      *glossary.Rendering
	source string
}

type seenOnKey struct {
	r            *glossary.Rendering
	source, date string
}

// concept is a concept being built, with what the importer needs to
// know about it beyond the glossary's fields.
type concept struct {
	*glossary.Concept
	// id is the id the file gives, if usable, and idPos where.
	id    string
	idPos glossary.Pos
	// byEN finds a rendering by its folded English (textnorm.Key, as
	// glossary.Parse compares renderings).
	byEN map[string]*glossary.Rendering
	// explicit holds the renderings whose status the file states, as
	// against the default.
	explicit map[*glossary.Rendering]bool
	// fieldAt holds where a concept field (id, pinyin, gloss) was first
	// given, for the warning about a later row giving another value.
	fieldAt map[string]glossary.Pos
}

func newBuilder(file string) *builder {
	return &builder{
		file:         file,
		base:         filepath.Base(file),
		byZH:         map[string]*concept{},
		styleByName:  map[string]string{},
		sourceByName: map[string]string{},
		styleDefs:    map[string]*glossary.Style{},
		sourceDefs:   map[string]*glossary.Source{},
		notes:        map[*string]*noteList{},
		preferred:    map[preferredKey][]*glossary.Rendering{},
		recorded:     map[recordedKey]bool{},
		seenFrom:     map[seenFromKey]*glossary.Seen{},
		seenOn:       map[seenOnKey]bool{},
	}
}

// addNote adds note n to the notes of field dst (a concept's notes or a
// rendering's note), separated by sep, unless they hold it already.
func (b *builder) addNote(dst *string, n, sep string) {
	if n == "" {
		return
	}
	l := b.notes[dst]
	if l == nil {
		l = &noteList{sep: sep, has: map[string]bool{}}
		if *dst != "" {
			l.list = strings.Split(*dst, sep)
			for _, x := range l.list {
				l.has[x] = true
			}
		}
		b.notes[dst] = l
	}
	looks.Add(1)
	if !l.has[n] {
		l.has[n] = true
		l.list = append(l.list, n)
	}
}

func (b *builder) pos(line, col int) glossary.Pos {
	return glossary.Pos{File: b.file, Line: line, Column: col}
}

func (b *builder) warnf(p glossary.Pos, format string, args ...any) {
	b.warnings = append(b.warnings, glossary.Problem{Pos: p, Severity: glossary.Warning, Message: fmt.Sprintf(format, args...)})
}

func (b *builder) errorf(p glossary.Pos, format string, args ...any) {
	b.errs = append(b.errs, p.String()+": "+fmt.Sprintf(format, args...))
}

// concept returns the concept whose Chinese folds like zh or like one of
// variants, creating it at p when there is none. Variants another
// concept has are dropped with a warning.
func (b *builder) concept(zh string, variants []string, p glossary.Pos) *concept {
	c := b.byZH[textnorm.Chinese(zh)]
	for _, v := range variants {
		if c != nil {
			break
		}
		c = b.byZH[textnorm.Chinese(v)]
	}
	if c == nil {
		c = &concept{
			Concept:  &glossary.Concept{ZH: zh, Pos: p},
			byEN:     map[string]*glossary.Rendering{},
			explicit: map[*glossary.Rendering]bool{},
			fieldAt:  map[string]glossary.Pos{},
		}
		b.concepts = append(b.concepts, c)
		b.byZH[textnorm.Chinese(zh)] = c
	} else {
		b.addVariant(c, zh, p)
	}
	for _, v := range variants {
		b.addVariant(c, v, p)
	}
	return c
}

// addVariant adds v to c's Chinese terms unless it folds like one of them.
func (b *builder) addVariant(c *concept, v string, p glossary.Pos) {
	k := textnorm.Chinese(v)
	if k == "" {
		return
	}
	switch other := b.byZH[k]; {
	case other == c:
		return
	case other != nil:
		b.warnf(p, "%s is also the Chinese of %s (line %d); not added to %s", v, other.ZH, other.Pos.Line, c.ZH)
		return
	}
	b.byZH[k] = c
	c.ZHVariants = append(c.ZHVariants, v)
}

// setField sets a concept field that rows repeat (id, pinyin, gloss):
// the first value given stands, and a different later one is reported.
func (b *builder) setField(c *concept, name string, dst *string, v string, p glossary.Pos) {
	if v == "" {
		return
	}
	if *dst == "" {
		*dst = v
		c.fieldAt[name] = p
		return
	}
	if *dst != v {
		b.warnf(p, "%s of %s is %q at line %d; %q ignored", name, c.ZH, *dst, c.fieldAt[name].Line, v)
	}
}

// rendering returns c's rendering of en, creating it at p (status
// admitted until the importer says otherwise) when c has none, and
// whether it did.
func (b *builder) rendering(c *concept, en string, p glossary.Pos) (*glossary.Rendering, bool) {
	k := textnorm.Key(en)
	if r := c.byEN[k]; r != nil {
		return r, false
	}
	r := &glossary.Rendering{EN: en, Status: glossary.Admitted, Styles: []string{}, Seen: []*glossary.Seen{}, Pos: p}
	c.byEN[k] = r
	c.Renderings = append(c.Renderings, r)
	return r, true
}

// notePreferred records the styles rendering r of c is preferred in now,
// for preferredIn; it is called whenever a row may have made r preferred.
func (b *builder) notePreferred(c *concept, r *glossary.Rendering) {
	for _, s := range r.PreferredStyles() {
		if k := (recordedKey{r, s}); !b.recorded[k] {
			b.recorded[k] = true
			pk := preferredKey{c, s}
			b.preferred[pk] = append(b.preferred[pk], r)
		}
	}
}

// preferredIn returns c's preferred rendering in style ("" for none)
// other than r, or nil: a rendering's status in the style counts
// (Rendering.PreferredStyles). It looks only at the renderings
// notePreferred recorded in the style, the first of which is usually
// the answer, and drops those no longer preferred in it: looking at
// every rendering of c made a concept of many rows cost the square of
// their number.
func (b *builder) preferredIn(c *concept, style string, r *glossary.Rendering) *glossary.Rendering {
	pk := preferredKey{c, style}
	list := b.preferred[pk]
	for _, x := range list {
		looks.Add(1)
		if !slices.Contains(x.PreferredStyles(), style) {
			// A later row took the style from x: drop x, and any other
			// such, and look again.
			b.preferred[pk] = slices.DeleteFunc(list, func(x *glossary.Rendering) bool {
				if slices.Contains(x.PreferredStyles(), style) {
					return false
				}
				delete(b.recorded, recordedKey{x, style})
				return true
			})
			return b.preferredIn(c, style, r)
		}
		if x != r {
			return x
		}
	}
	return nil
}

// conflict returns a rendering of c other than r preferred in one of the
// styles r is preferred in, and that style.
func (b *builder) conflict(c *concept, r *glossary.Rendering) (*glossary.Rendering, string) {
	b.notePreferred(c, r)
	for _, s := range r.PreferredStyles() {
		if x := b.preferredIn(c, s, r); x != nil {
			return x, s
		}
	}
	return nil, ""
}

// inStyle says "in style X" or "with no style", for messages.
func inStyle(s string) string {
	if s == "" {
		return "with no style"
	}
	return fmt.Sprintf("in style %q", s)
}

// seen records that r was seen in source on date ("" for none), once
// per source and date. An undated entry of the source takes the date, so
// that a rendering listed twice, once with a date, is seen once: such an
// entry is the only one of its source. The entries are found through
// maps, not by a search of r's: a rendering seen on thousands of dates
// would cost the square of them.
func (b *builder) seen(r *glossary.Rendering, source, date string, p glossary.Pos) {
	looks.Add(1)
	from := seenFromKey{r, source}
	first := b.seenFrom[from]
	switch {
	case first == nil:
	case date == "" || b.seenOn[seenOnKey{r, source, date}]:
		return
	case first.Date == "":
		first.Date = date
		b.seenOn[seenOnKey{r, source, date}] = true
		return
	}
	s := &glossary.Seen{Source: source, Date: date, Pos: p}
	r.Seen = append(r.Seen, s)
	if first == nil {
		b.seenFrom[from] = s
	}
	if date != "" {
		b.seenOn[seenOnKey{r, source, date}] = true
	}
}

// fileSource returns the id of the source a file's renderings are seen
// in when the file names none (fallback when the name has no letters or
// digits, as "-" for standard input), made from the file's base name as docs/glossary-commands.md
// says ("GLOSSARY.md": "glossary-md"). The name is always made a slug,
// even when it would pass as an id ("glossary.md"), so that GLOSSARY.md,
// Glossary.md and glossary.md, one file on a case-insensitive disk, give
// one id.
func fileSource(base, fallback string) string {
	if s := glossary.Slug(base); s != "" {
		return s
	}
	return fallback
}

// style returns the id of the style the file calls name, creating the
// style when the file names it first. A name that is not a slug (the id
// glossary.Parse requires) is made one, with a warning.
func (b *builder) style(name string, p glossary.Pos) string {
	if id, ok := b.styleByName[name]; ok {
		return id
	}
	id := slugOf(name, "style")
	if id != name {
		b.warnf(p, "style %q is given the id %q", name, id)
	}
	b.styleByName[name] = id
	if b.styleDefs[id] == nil {
		b.styleDefs[id] = &glossary.Style{ID: id, Description: "imported from " + b.base, Pos: p}
		b.styles = append(b.styles, id)
	}
	return id
}

// source is style for sources, which get kind "other" and, for a title,
// title or else the name the file gives.
func (b *builder) source(name, title string, p glossary.Pos) string {
	if id, ok := b.sourceByName[name]; ok {
		return id
	}
	id := slugOf(name, "source")
	if id != name {
		b.warnf(p, "source %q is given the id %q", name, id)
	}
	b.sourceByName[name] = id
	if b.sourceDefs[id] == nil {
		if title == "" {
			title = name
		}
		b.sourceDefs[id] = &glossary.Source{ID: id, Title: title, Kind: "other", Note: "imported from " + b.base, Pos: p}
		b.sources = append(b.sources, id)
	}
	return id
}

// glossary returns what was built, giving each concept the id the file
// gave it if that id is free, else one from glossary.NewIDs. The file's
// ids are taken first, so a generated id never takes one a later row
// asks for.
func (b *builder) glossary() *glossary.Glossary {
	g := &glossary.Glossary{Sources: []*glossary.Source{}, Styles: []*glossary.Style{}, Concepts: []*glossary.Concept{}}
	ids := glossary.NewIDs(nil)
	taken := map[string]*concept{}
	for _, c := range b.concepts {
		if c.id == "" {
			continue
		}
		if first := taken[c.id]; first != nil {
			b.warnf(c.idPos, "id %q is already %s's (line %d); %s gets a new id", c.id, first.ZH, first.idPos.Line, c.ZH)
			continue
		}
		taken[c.id] = c
		c.ID = ids.Take(c.id)
	}
	for dst, l := range b.notes {
		*dst = strings.Join(l.list, l.sep)
	}
	for _, c := range b.concepts {
		if c.ID == "" {
			c.ID = ids.Take(glossary.Slug(c.ZH))
		}
		g.Concepts = append(g.Concepts, c.Concept)
	}
	for _, id := range b.sources {
		g.Sources = append(g.Sources, b.sourceDefs[id])
	}
	for _, id := range b.styles {
		g.Styles = append(g.Styles, b.styleDefs[id])
	}
	return g
}

// err returns the errors found, one per line, or nil.
func (b *builder) err() error {
	if len(b.errs) == 0 {
		return nil
	}
	return importError(strings.Join(b.errs, "\n"))
}

// importError is the error of a file that cannot be imported: its
// message names the file, and a line and column where they apply.
type importError string

func (e importError) Error() string { return string(e) }

// slugOf makes a termlint id of a name the file gives: the name itself
// when it is one, else glossary.Slug of it (Chinese as toneless pinyin,
// other words in lower-case ASCII), else fallback.
func slugOf(name, fallback string) string {
	if glossary.IsID(name) {
		return name
	}
	if s := glossary.Slug(name); s != "" {
		return s
	}
	return fallback
}
