package glossary

import (
	"fmt"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/internal/yamlnode"
	"golang.org/x/text/language"
)

// Parse reads one glossary file. It goes on past every problem it can, so
// that one run reports them all, and returns what it could read with the
// problems found in this file alone; references between concepts, sources
// and styles are checked by Validate once all files are merged.
func Parse(file string, data []byte) (*Glossary, Problems) {
	if g, problems, ok := parseFast(file, data); ok {
		return g, problems
	}
	return parseYAMLv3(file, data)
}

// parseFast is Parse through the fast path (fastyaml.go), or false when
// the file is outside the YAML it reads.
//
// It reads data in place: the nodes' strings point into it, which spares
// copying a file of tens of megabytes, and the reader copies the strings
// it keeps into an arena of its own (see parser.text), so that the
// glossary holds no part of data once Parse returns.
func parseFast(file string, data []byte) (*Glossary, Problems, bool) {
	doc, lazy, ok := fastDocument(unsafe.String(unsafe.SliceData(data), len(data)), "concepts")
	if !ok {
		return nil, nil, false
	}
	p := newParser(file, true)
	p.lazy = lazy
	g := &Glossary{}
	p.glossary(g, doc.Content[0])
	if p.outside {
		return nil, nil, false
	}
	// A list the walk skipped (a second concepts key, reported as a
	// repeat) must still be YAML yaml.v3 reads, or it would have reported
	// a syntax error instead of what the walk found.
	for _, seq := range p.lazy {
		probe := &fastYAML{}
		for i := range seq.starts {
			if _, ok := seq.parseItem(probe, i); !ok {
				return nil, nil, false
			}
		}
	}
	return g, p.problems, true
}

// parseYAMLv3 is Parse through yaml.v3.
func parseYAMLv3(file string, data []byte) (*Glossary, Problems) {
	p := newParser(file, false)
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
	file string
	// fileID is file's number, as positions record it.
	fileID   uint32
	problems Problems
	// arena holds copies of the strings kept, when they point into the
	// file's data (the fast path); nil when they are the parser's own.
	arena *textArena
	// lazy holds the fast path's concepts lists not walked yet, whose
	// items it parses one at a time (see concepts).
	lazy map[*yaml.Node]*fastSeq
	// outside is set when an item of such a list turns out to be outside
	// the fast path's YAML, so that Parse starts again with yaml.v3.
	outside bool
	// scratch collects the positions of the values being read; each
	// entry, rendering, seen entry or example keeps its own from its mark
	// on (see keep).
	scratch positions
	// posSlab is where kept positions are copied to: one allocation for
	// many entries.
	posSlab positions
	// The concepts, renderings and seen entries read, and their lists,
	// come from slabs.
	conceptSlab      slab[Concept]
	renderingSlab    slab[Rendering]
	seenSlab         slab[Seen]
	stringSlab       slab[string]
	renderingPtrSlab slab[*Rendering]
	seenPtrSlab      slab[*Seen]
}

// newParser returns a parser of file; inPlace says that the nodes'
// strings point into the file's data, so that those it keeps must be
// copied.
func newParser(file string, inPlace bool) *parser {
	p := &parser{file: file, fileID: fileID(file)}
	if inPlace {
		p.arena = &textArena{}
	}
	return p
}

func (p *parser) pos(n *yaml.Node) Pos { return yamlnode.At(p.file, n) }

// text returns s to keep in the glossary: a copy in the arena when s
// points into the file's data.
func (p *parser) text(s string) string {
	if p.arena == nil {
		return s
	}
	return p.arena.copy(s)
}

// record notes the position of node n as field's value (index -1) or
// item, unless field is -1.
func (p *parser) record(field, index int, n *yaml.Node) {
	if field >= 0 && index <= maxItem {
		p.scratch = append(p.scratch, fieldPos{line: int32(n.Line), col: int32(n.Column), file: p.fileID, key: posKey(field, index)})
	}
}

// keep returns the positions recorded since mark, in a slice of their own
// capacity (so that a merge appending to it copies), and forgets them.
func (p *parser) keep(mark int) positions {
	k := len(p.scratch) - mark
	if k == 0 {
		return nil
	}
	if len(p.posSlab)+k > cap(p.posSlab) {
		p.posSlab = make(positions, 0, max(k, 1024))
	}
	n := len(p.posSlab)
	p.posSlab = append(p.posSlab, p.scratch[mark:]...)
	p.scratch = p.scratch[:mark]
	return p.posSlab[n : n+k : n+k]
}

// what names the value a message is about: "kind", `source "x" title`,
// `rendering of concept "zhoubian"`. It is formatted only when a message
// is: a large glossary has many values and few problems.
type what struct {
	prefix, noun string
	// id follows noun, quoted, when quoted is set.
	id     string
	quoted bool
	suffix string
}

func (w what) String() string {
	s := w.prefix + w.noun
	if w.quoted {
		s += " " + strconv.Quote(w.id)
	}
	return s + w.suffix
}

// named is a what that is a fixed name.
func named(noun string) what { return what{noun: noun} }

// fieldSet is the set of a mapping's keys that mapping found, by their
// index in its fields.
type fieldSet uint32

func (s fieldSet) has(field int) bool { return s&(1<<field) != 0 }

// mapping walks a mapping node, calling read with the index in fields of
// each key and with its value, and reporting unknown and repeated keys.
// w names the mapping in messages. It returns the keys that have a value,
// and false when n is not a mapping.
func (p *parser) mapping(n *yaml.Node, w what, fields []string, read func(field int, val *yaml.Node)) (fieldSet, bool) {
	n = yamlnode.Resolve(n)
	if n.Kind != yaml.MappingNode {
		p.problems.errorf(p.pos(n), "%s must be a mapping of keys to values, not %s", w, yamlnode.Describe(n))
		return 0, false
	}
	var present, seen fieldSet
	var unknown []string // the unknown keys seen, to report one repeated
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		key := k.Value
		f := slices.Index(fields, key)
		if f >= 0 && seen.has(f) || f < 0 && slices.Contains(unknown, key) {
			p.problems.errorf(p.pos(k), "%s has key %q twice", w, key)
			continue
		}
		if f < 0 {
			unknown = append(unknown, key)
			p.problems.errorf(p.pos(k), "unknown key %q in %s%s", key, w, yamlnode.DidYouMean(key, fields, "known keys"))
			continue
		}
		seen |= 1 << f
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // "key:" with no value is the same as leaving the key out
		}
		present |= 1 << f
		read(f, v)
	}
	return present, true
}

// str reads a scalar as text, recording its position as field's unless
// field is -1. Numbers and dates are text too: "date: 2025" is as good as
// "date: '2025'".
func (p *parser) str(n *yaml.Node, w what, dst *string, field int) {
	if n.Kind != yaml.ScalarNode {
		p.problems.errorf(p.pos(n), "%s must be text, not %s", w, yamlnode.Describe(n))
		return
	}
	*dst = p.text(n.Value)
	p.record(field, -1, n)
}

// required reads a scalar that must not be empty.
func (p *parser) required(n *yaml.Node, w what, dst *string, field int) {
	p.str(n, w, dst, field)
	if n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == "" {
		p.problems.errorf(p.pos(n), "%s is empty", w)
	}
}

// strs reads a list of scalars, recording the position of the list and
// of each item as field's.
func (p *parser) strs(n *yaml.Node, w what, dst *[]string, field int) {
	if n.Kind != yaml.SequenceNode {
		p.problems.errorf(p.pos(n), "%s must be a list such as [a, b], not %s", w, yamlnode.Describe(n))
		return
	}
	list := p.stringSlab.take(len(n.Content))[:0]
	for _, item := range n.Content {
		item = yamlnode.Resolve(item)
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			p.problems.errorf(p.pos(item), "each item of %s must be text, not %s", w, yamlnode.Describe(item))
			continue
		}
		p.record(field, len(list), item)
		list = append(list, p.text(item.Value))
	}
	*dst = list[:len(list):len(list)]
	p.record(field, -1, n)
}

func (p *parser) boolean(n *yaml.Node, w what, dst *bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		p.problems.errorf(p.pos(n), "%s must be true or false, not %s", w, yamlnode.Describe(n))
		return
	}
	*dst = n.Value == "true"
}

// page reads a seen entry's page: a whole number from 1.
func (p *parser) page(n *yaml.Node, dst *int) {
	page, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil || page < 1 {
		p.problems.errorf(p.pos(n), "seen page must be a page number (1 or more), not %s", yamlnode.Describe(n))
		return
	}
	*dst = page
}

// list walks a sequence node, calling item for each element.
func (p *parser) list(n *yaml.Node, w what, item func(*yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		p.problems.errorf(p.pos(n), "%s must be a list, not %s", w, yamlnode.Describe(n))
		return
	}
	for _, c := range n.Content {
		item(yamlnode.Resolve(c))
	}
}

// IsID reports whether id is a valid id of a concept, source or style: a
// lowercase slug matching ^[a-z0-9]+(?:[-_.][a-z0-9]+)*$, tested without a
// regular expression because every concept's id is.
func IsID(id string) bool {
	sep := true // a separator may not come first, nor after another
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			sep = false
		case (c == '-' || c == '_' || c == '.') && !sep:
			sep = true
		default:
			return false
		}
	}
	return !sep
}

func (p *parser) checkID(pos Pos, what, id string) {
	if id != "" && !IsID(id) {
		p.problems.errorf(pos, "%s %q must be a lowercase slug of letters, digits and single hyphens, such as \"zhoubian-gongzuo\"", what, id)
	}
}

var datePattern = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// IsDate reports whether date is written as a glossary's dates are:
// YYYY, YYYY-MM or YYYY-MM-DD.
func IsDate(date string) bool { return datePattern.MatchString(date) }

// IsURL reports whether url is one a glossary takes: http or https.
func IsURL(url string) bool {
	return strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "http://")
}

func (p *parser) checkDate(pos Pos, w what, date string) {
	if date != "" && !IsDate(date) {
		p.problems.errorf(pos, "%s %q must be a date written YYYY, YYYY-MM or YYYY-MM-DD", w, date)
	}
}

// The keys of each mapping of a glossary, in the order messages list
// them; positions name fields by their index here.
var (
	glossaryFields = []string{"sources", "styles", "concepts"}
	sourceFields   = []string{"title", "kind", "publisher", "date", "url", "lang", "note", "ocr"}
	styleFields    = []string{"description"}
	conceptFields  = []string{"id", "zh", "zh_variants", "zh_except", "zh_context", "pinyin", "kind", "gloss", "tags", "notes", "family", "parts", "related", "renderings", "examples"}
	// renderingFields ends with the paths into a rendering's context,
	// whose positions a rendering records as its own fields'.
	renderingFields = []string{"en", "forms", "status", "styles", "status_in", "phrase", "context", "note", "shared", "seen", "context.require", "context.exclude"}
	// renderingKeys are the keys a rendering's mapping may have:
	// renderingFields without the paths into its context.
	renderingKeys = renderingFields[:rContextRequire]
	contextFields = []string{"require", "exclude"}
	seenFields    = []string{"source", "date", "url", "page", "quote"}
	exampleFields = []string{"text", "source", "style", "expect"}
)

// The indexes of the fields in those lists, for the readers' switches.
const (
	gSources, gStyles, gConcepts = 0, 1, 2

	sTitle, sKind, sPublisher, sDate, sURL, sLang, sNote, sOCR = 0, 1, 2, 3, 4, 5, 6, 7

	cID, cZH, cZHVariants, cZHExcept, cZHContext, cPinyin, cKind, cGloss, cTags, cNotes, cFamily, cParts, cRelated, cRenderings, cExamples = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14

	rEN, rForms, rStatus, rStyles, rStatusIn, rPhrase, rContext, rNote, rShared, rSeen, rContextRequire, rContextExclude = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11

	ctxRequire, ctxExclude = 0, 1

	seenSource, seenDate, seenURL, seenPage, seenQuote = 0, 1, 2, 3, 4

	eText, eSource, eStyle, eExpect = 0, 1, 2, 3
)

func (p *parser) glossary(g *Glossary, root *yaml.Node) {
	keys, ok := p.mapping(root, named("the glossary"), glossaryFields, func(f int, v *yaml.Node) {
		switch f {
		case gSources:
			g.Sources = p.sources(v)
		case gStyles:
			g.Styles = p.styles(v)
		case gConcepts:
			ids := make(map[string]*Concept, p.listLen(v))
			if n := p.listLen(v); n > 0 {
				g.Concepts = make([]*Concept, 0, n)
			}
			p.concepts(v, func(c *Concept) {
				if first, dup := ids[c.ID]; dup && c.ID != "" {
					p.problems.errorf(c.At("id"), "duplicate concept id %q (first defined at %s)", c.ID, first.At("id"))
					return
				}
				ids[c.ID] = c
				g.Concepts = append(g.Concepts, c)
			})
		}
	})
	if ok && keys == 0 {
		p.problems.errorf(p.pos(root), "the glossary has none of sources, styles or concepts")
	}
}

// concepts walks the concepts list, calling add with each concept read,
// in order.
func (p *parser) concepts(v *yaml.Node, add func(*Concept)) {
	seq := p.lazy[v]
	if seq == nil {
		p.list(v, named("concepts"), func(n *yaml.Node) {
			if c := p.concept(n); c != nil {
				add(c)
			}
		})
		return
	}
	delete(p.lazy, v)
	chunks, wait := p.readLazy(seq)
	defer wait()
	// The problems of each item, then the concept, as the walk of a
	// whole tree would have found them; a chunk is taken as soon as it is
	// read, while the workers read on.
	for k := range chunks {
		ch := &chunks[k]
		<-ch.done
		if !ch.ok {
			p.outside = true
			return
		}
		start := 0
		for i, c := range ch.concepts {
			p.problems = append(p.problems, ch.problems[start:ch.ends[i]]...)
			start = ch.ends[i]
			if c != nil {
				add(c)
			}
		}
	}
}

// listLen is how many items the list n has, lazy or not.
func (p *parser) listLen(n *yaml.Node) int {
	if seq := p.lazy[n]; seq != nil {
		return len(seq.starts)
	}
	return len(n.Content)
}

// renderingKey is renderingKey(en), kept in the arena on the fast path.
func (p *parser) renderingKey(en string) string {
	if p.arena == nil {
		return renderingKey(en)
	}
	var buf [64]byte
	return p.arena.copyBytes(appendRenderingKey(buf[:0], en))
}

// lazyChunk is what reading a run of a lazy list's items found.
type lazyChunk struct {
	// concepts has one entry per item: its concept, or nil.
	concepts []*Concept
	// problems[ends[i-1]:ends[i]] are item i's.
	problems Problems
	ends     []int
	// ok is false when an item is outside the fast path's YAML.
	ok bool
	// done is closed when the chunk has been read.
	done chan struct{}
}

// lazyChunkItems is how many items one worker reads at a time: enough to
// make a goroutine worth it, few enough to share the work out evenly.
const lazyChunkItems = 2048

// readLazy parses and reads the items of a lazy list in chunks, on as
// many cores as Go may use: the items are independent. Each worker keeps
// one parser, whose slabs and arena it fills chunk after chunk, and
// reuses its nodes from one item to the next. Each chunk's done is
// closed once it is read; wait waits for the workers to stop, which they
// do early when an item is outside the fast path's YAML.
func (p *parser) readLazy(seq *fastSeq) (chunks []lazyChunk, wait func()) {
	chunks = make([]lazyChunk, (len(seq.starts)+lazyChunkItems-1)/lazyChunkItems)
	for k := range chunks {
		chunks[k].done = make(chan struct{})
	}
	var outside atomic.Bool
	read := func(k int, sub *parser, fy *fastYAML) {
		ch := &chunks[k]
		defer close(ch.done)
		if outside.Load() {
			return // the file is read again with yaml.v3
		}
		lo, hi := k*lazyChunkItems, min((k+1)*lazyChunkItems, len(seq.starts))
		sub.problems = nil
		ch.concepts, ch.ends = make([]*Concept, 0, hi-lo), make([]int, 0, hi-lo)
		for i := lo; i < hi; i++ {
			n, ok := seq.parseItem(fy, i)
			if !ok {
				outside.Store(true)
				return
			}
			ch.concepts = append(ch.concepts, sub.concept(n))
			ch.ends = append(ch.ends, len(sub.problems))
		}
		ch.problems, ch.ok = sub.problems, true
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(chunks)) {
		wg.Go(func() {
			sub, fy := newParser(p.file, p.arena != nil), &fastYAML{}
			for k := int(next.Add(1)) - 1; k < len(chunks); k = int(next.Add(1)) - 1 {
				read(k, sub, fy)
			}
		})
	}
	return chunks, wg.Wait
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
		item(p.text(k.Value), k, v)
	}
}

func (p *parser) sources(n *yaml.Node) []*Source {
	out := []*Source{}
	p.keyed(n, "sources", "source", func(id string, k, v *yaml.Node) {
		s := &Source{ID: id, Pos: p.pos(k)}
		mark := len(p.scratch)
		defer func() { p.scratch = p.scratch[:mark] }()
		w := what{noun: "source", id: id, quoted: true}
		keys, ok := p.mapping(v, w, sourceFields, func(f int, v *yaml.Node) {
			switch f {
			case sTitle:
				p.required(v, what{noun: "source", id: id, quoted: true, suffix: " title"}, &s.Title, sTitle)
			case sKind:
				p.str(v, named("kind"), &s.Kind, sKind)
			case sPublisher:
				p.str(v, named("publisher"), &s.Publisher, -1)
			case sDate:
				p.str(v, named("date"), &s.Date, sDate)
			case sURL:
				p.str(v, named("url"), &s.URL, sURL)
			case sLang:
				p.str(v, named("lang"), &s.Lang, sLang)
			case sNote:
				p.str(v, named("note"), &s.Note, -1)
			case sOCR:
				p.boolean(v, named("ocr"), &s.OCR)
			}
		})
		if !ok {
			return
		}
		at := func(path string) Pos { return p.scratch[mark:].get(sourceFields, path, Pos{}) }
		if !keys.has(sTitle) {
			p.problems.errorf(s.Pos, "%s has no title", w)
		}
		switch {
		case !keys.has(sKind):
			p.problems.errorf(s.Pos, "%s has no kind (one of %s)", w, strings.Join(SourceKinds, ", "))
		case !slices.Contains(SourceKinds, s.Kind):
			p.problems.errorf(at("kind"), "%s has kind %q; it must be one of %s", w, s.Kind, strings.Join(SourceKinds, ", "))
		}
		p.checkDate(at("date"), what{noun: "source", id: id, quoted: true, suffix: " date"}, s.Date)
		p.checkURL(at("url"), w, s.URL)
		if s.Lang != "" {
			if _, err := language.Parse(s.Lang); err != nil {
				p.problems.errorf(at("lang"), "%s has lang %q, which is not a BCP 47 language tag", w, s.Lang)
			}
		}
		out = append(out, s)
	})
	return out
}

// kindList is Kinds as messages list them: "term, name, phrase".
func kindList() string {
	words := make([]string, len(Kinds))
	for i, k := range Kinds {
		words[i] = string(k)
	}
	return strings.Join(words, ", ")
}

func (p *parser) checkURL(pos Pos, w what, url string) {
	if url != "" && !IsURL(url) {
		p.problems.errorf(pos, "%s has url %q; it must start with https:// or http://", w, url)
	}
}

func (p *parser) styles(n *yaml.Node) []*Style {
	out := []*Style{}
	p.keyed(n, "styles", "style", func(id string, k, v *yaml.Node) {
		s := &Style{ID: id, Pos: p.pos(k)}
		if _, ok := p.mapping(v, what{noun: "style", id: id, quoted: true}, styleFields, func(_ int, v *yaml.Node) {
			p.str(v, named("description"), &s.Description, -1)
		}); ok {
			out = append(out, s)
		}
	})
	return out
}

func (p *parser) concept(n *yaml.Node) *Concept {
	c := p.conceptSlab.one()
	c.Pos = p.pos(n)
	w := named("concept")
	// The id names the concept in messages about its other keys, so read it
	// before walking the mapping.
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode {
				w.id, w.quoted = n.Content[i+1].Value, true
			}
		}
	}
	mark := len(p.scratch)
	keys, ok := p.mapping(n, w, conceptFields, func(f int, v *yaml.Node) {
		switch f {
		case cID:
			p.required(v, named("id"), &c.ID, cID)
		case cZH:
			zh := w
			zh.suffix = " zh"
			p.required(v, zh, &c.ZH, cZH)
		case cZHVariants:
			p.strs(v, named("zh_variants"), &c.ZHVariants, cZHVariants)
		case cZHExcept:
			p.strs(v, named("zh_except"), &c.ZHExcept, cZHExcept)
		case cZHContext:
			p.strs(v, named("zh_context"), &c.ZHContext, cZHContext)
		case cPinyin:
			p.str(v, named("pinyin"), &c.Pinyin, cPinyin)
		case cKind:
			var kind string
			p.str(v, named("kind"), &kind, cKind)
			c.Kind = Kind(kind)
			if i := slices.Index(Kinds, c.Kind); i >= 0 {
				c.Kind = Kinds[i] // one copy of the word for all concepts
			}
		case cGloss:
			p.str(v, named("gloss"), &c.Gloss, cGloss)
		case cTags:
			p.strs(v, named("tags"), &c.Tags, cTags)
		case cNotes:
			p.str(v, named("notes"), &c.Notes, cNotes)
		case cFamily:
			p.str(v, named("family"), &c.Family, cFamily)
		case cParts:
			p.strs(v, named("parts"), &c.Parts, cParts)
		case cRelated:
			p.strs(v, named("related"), &c.Related, cRelated)
		case cRenderings:
			p.record(cRenderings, -1, v)
			c.Renderings = p.renderingPtrSlab.take(len(v.Content))[:0]
			p.list(v, named("renderings"), func(n *yaml.Node) {
				if r := p.rendering(n, w); r != nil {
					c.Renderings = append(c.Renderings, r)
				}
			})
			c.Renderings = c.Renderings[:len(c.Renderings):len(c.Renderings)]
		case cExamples:
			c.Examples = []*Example{}
			p.list(v, named("examples"), func(n *yaml.Node) {
				if e := p.example(n, w); e != nil {
					c.Examples = append(c.Examples, e)
				}
			})
		}
	})
	c.at = p.keep(mark)
	if !ok {
		return nil
	}
	if !keys.has(cID) {
		p.problems.errorf(c.Pos, "concept has no id")
	}
	if c.ID == "" {
		return nil
	}
	p.checkID(c.At("id"), "concept id", c.ID)
	if c.Kind != "" && !slices.Contains(Kinds, c.Kind) {
		p.problems.errorf(c.At("kind"), "%s has kind %q; it must be one of %s (leave it out for a term)", w, c.Kind, kindList())
	}
	p.checkDuplicateRenderings(c, w)
	return c
}

// checkDuplicateRenderings reports a rendering listed twice in one concept,
// which a merge could not tell apart.
func (p *parser) checkDuplicateRenderings(c *Concept, w what) {
	var seen firstKeys
	for _, r := range c.Renderings {
		if i := seen.add(r.foldedEN()); i >= 0 {
			p.problems.errorf(r.At("en"), "%s lists the rendering %q twice (first at %s); put spelling variants under forms", w, r.EN, c.Renderings[i].At("en"))
		}
	}
}

func (p *parser) rendering(n *yaml.Node, concept what) *Rendering {
	r := p.renderingSlab.one()
	r.Pos = p.pos(n)
	var status string
	mark := len(p.scratch)
	w := concept
	w.prefix = "rendering of "
	keys, ok := p.mapping(n, w, renderingKeys, func(f int, v *yaml.Node) {
		switch f {
		case rEN:
			p.required(v, named("en"), &r.EN, rEN)
		case rForms:
			p.strs(v, named("forms"), &r.Forms, rForms)
		case rStatus:
			p.str(v, named("status"), &status, rStatus)
		case rStyles:
			p.strs(v, named("styles"), &r.Styles, rStyles)
		case rStatusIn:
			p.statusIn(r, v)
		case rPhrase:
			p.str(v, named("phrase"), &r.Phrase, rPhrase)
		case rContext:
			p.context(r, v)
		case rNote:
			p.str(v, named("note"), &r.Note, -1)
		case rShared:
			p.boolean(v, named("shared"), &r.Shared)
		case rSeen:
			r.Seen = p.seenPtrSlab.take(len(v.Content))[:0]
			p.list(v, named("seen"), func(n *yaml.Node) {
				if s := p.seen(n); s != nil {
					r.Seen = append(r.Seen, s)
				}
			})
			r.Seen = r.Seen[:len(r.Seen):len(r.Seen)]
		}
	})
	r.at = p.keep(mark)
	if !ok {
		return nil
	}
	if !keys.has(rEN) {
		p.problems.errorf(r.Pos, "rendering of %s has no en", concept)
	}
	if r.EN == "" {
		return nil
	}
	r.key, r.keyEN = p.renderingKey(r.EN), r.EN
	if status != "" {
		r.Status = Status(status)
		if i := slices.Index(Statuses, r.Status); i >= 0 {
			r.Status = Statuses[i] // one copy of the word for all renderings
		}
		if !slices.Contains(Statuses, r.Status) {
			p.problems.errorf(r.At("status"), "rendering %q has status %q; it must be one of preferred, admitted, deprecated, superseded", r.EN, status)
		}
	}
	p.checkRendering(r)
	return r
}

// checkRendering reports what is wrong with the values of a rendering
// read, each by itself: unknown statuses in status_in, an unknown phrase
// type, placeholders other than {ordinal} and {number}, and context
// patterns that are no patterns. Whether the styles of status_in exist is
// Validate's to say, once the files are merged.
func (p *parser) checkRendering(r *Rendering) {
	for _, style := range slices.Sorted(maps.Keys(r.StatusIn)) {
		if s := r.StatusIn[style]; !slices.Contains(Statuses, s) {
			p.problems.errorf(r.At("status_in."+style), "rendering %q has status %q in style %q; it must be one of preferred, admitted, deprecated, superseded", r.EN, s, style)
		}
	}
	if r.Phrase != "" && !slices.Contains(PhraseTypes, r.Phrase) {
		p.problems.errorf(r.At("phrase"), "rendering %q has phrase %q; it must be one of %s (leave it out for a noun phrase)", r.EN, r.Phrase, strings.Join(PhraseTypes, ", "))
	}
	if err := CheckPlaceholders(r.EN); err != nil {
		p.problems.errorf(r.At("en"), "rendering %q: %v", r.EN, err)
	}
	for i, f := range r.Forms {
		if err := CheckPlaceholders(f); err != nil {
			p.problems.errorf(r.At(fmt.Sprintf("forms.%d", i)), "form %q of rendering %q: %v", f, r.EN, err)
		}
	}
	if r.Context == nil {
		return
	}
	for _, list := range []struct {
		path     string
		patterns []string
	}{{"context.require", r.Context.Require}, {"context.exclude", r.Context.Exclude}} {
		for i, pattern := range list.patterns {
			if err := CheckContextPattern(pattern); err != nil {
				p.problems.errorf(r.At(fmt.Sprintf("%s.%d", list.path, i)), "rendering %q has the %s pattern %q: %v", r.EN, list.path, pattern, err)
			}
		}
	}
}

// statusIn reads a rendering's status_in, a mapping of style ids to
// statuses, recording the position of each status as the style's item.
func (p *parser) statusIn(r *Rendering, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.problems.errorf(p.pos(n), "status_in must be a mapping of styles to statuses, such as {literal: preferred}, not %s", yamlnode.Describe(n))
		return
	}
	p.record(rStatusIn, -1, n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		style := k.Value
		if k.Kind != yaml.ScalarNode {
			p.problems.errorf(p.pos(k), "each key of status_in must be a style id, not %s", yamlnode.Describe(k))
			continue
		}
		if _, dup := r.StatusIn[style]; dup {
			p.problems.errorf(p.pos(k), "status_in has style %q twice", style)
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
			p.problems.errorf(p.pos(v), "the status in style %q must be one of preferred, admitted, deprecated, superseded, not %s", style, yamlnode.Describe(v))
			continue
		}
		status := Status(v.Value)
		if i := slices.Index(Statuses, status); i >= 0 {
			status = Statuses[i] // one copy of the word for all renderings
		} else {
			status = Status(p.text(v.Value))
		}
		if r.StatusIn == nil {
			r.StatusIn = make(map[string]Status, len(n.Content)/2)
		}
		r.StatusIn[p.text(style)] = status
		p.record(rStatusIn, itemNameID(style), v)
	}
}

// context reads a rendering's context: a mapping of require and exclude
// to lists of patterns. A context with no pattern is left out, as an
// absent one.
func (p *parser) context(r *Rendering, n *yaml.Node) {
	ctx := &Context{}
	_, ok := p.mapping(n, named("context"), contextFields, func(f int, v *yaml.Node) {
		switch f {
		case ctxRequire:
			p.strs(v, named("context require"), &ctx.Require, rContextRequire)
		case ctxExclude:
			p.strs(v, named("context exclude"), &ctx.Exclude, rContextExclude)
		}
	})
	if !ok {
		return
	}
	p.record(rContext, -1, n)
	if len(ctx.Require) > 0 || len(ctx.Exclude) > 0 {
		r.Context = ctx
	}
}

func (p *parser) seen(n *yaml.Node) *Seen {
	s := p.seenSlab.one()
	s.Pos = p.pos(n)
	mark := len(p.scratch)
	keys, ok := p.mapping(n, named("seen entry"), seenFields, func(f int, v *yaml.Node) {
		switch f {
		case seenSource:
			p.required(v, named("seen source"), &s.Source, seenSource)
		case seenDate:
			p.str(v, named("date"), &s.Date, seenDate)
		case seenURL:
			p.str(v, named("url"), &s.URL, seenURL)
		case seenPage:
			p.page(v, &s.Page)
		case seenQuote:
			p.str(v, named("quote"), &s.Quote, -1)
		}
	})
	s.at = p.keep(mark)
	if !ok {
		return nil
	}
	if !keys.has(seenSource) {
		p.problems.errorf(s.Pos, "seen entry has no source")
	}
	p.checkDate(s.At("date"), named("seen date"), s.Date)
	p.checkURL(s.At("url"), named("seen entry"), s.URL)
	return s
}

func (p *parser) example(n *yaml.Node, concept what) *Example {
	e := &Example{Pos: p.pos(n)}
	mark := len(p.scratch)
	w := concept
	w.prefix = "example of "
	keys, ok := p.mapping(n, w, exampleFields, func(f int, v *yaml.Node) {
		switch f {
		case eText:
			p.required(v, named("example text"), &e.Text, eText)
		case eSource:
			p.str(v, named("source"), &e.Source, eSource)
		case eStyle:
			p.str(v, named("style"), &e.Style, eStyle)
		case eExpect:
			p.strs(v, named("expect"), &e.Expect, eExpect)
		}
	})
	e.at = p.keep(mark)
	if !ok {
		return nil
	}
	if !keys.has(eText) {
		p.problems.errorf(e.Pos, "example of %s has no text", concept)
	}
	if e.Text == "" {
		return nil
	}
	if !keys.has(eExpect) {
		p.problems.errorf(e.Pos, "example of %s has no expect list (write expect: [] for a text that must pass)", concept)
	}
	if e.Expect == nil {
		e.Expect = []string{}
	}
	return e
}
