// Package glossary is termlint's data model: the concepts of a terminology
// glossary, the English renderings each has been given, who used them and
// when, and the house styles that prefer them.
//
// A glossary is read from YAML with Parse (every value keeps its file, line
// and column), several are combined with Merge, checked with Validate and
// searched with an Index.
package glossary

import (
	"maps"
	"slices"

	"github.com/termlint/termlint/internal/yamlnode"
)

// Pos is a position in a glossary file. Lines and columns are 1-based;
// columns count Unicode code points, as YAML reports them.
type Pos = yamlnode.Pos

// Glossary is a set of concepts with the registries of sources and styles
// their renderings refer to.
type Glossary struct {
	Sources  []*Source  `json:"-"`
	Styles   []*Style   `json:"-"`
	Concepts []*Concept `json:"concepts"`
}

// Source is a text or publisher whose use of a rendering was seen.
type Source struct {
	ID        string `json:"-"`
	Title     string `json:"title"`
	Kind      string `json:"kind"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	URL       string `json:"url,omitempty"`
	Lang      string `json:"lang,omitempty"`
	Note      string `json:"note,omitempty"`
	// OCR marks a source read through an OCR transcription (a scanned
	// book): what is seen only in such sources is unconfirmed until a
	// second source attests it (Rendering.Unconfirmed).
	OCR bool `json:"ocr,omitempty"`
	Pos Pos  `json:"-"`
}

// SourceKinds are the values a Source's kind may take.
var SourceKinds = []string{"official", "scholarly", "think-tank", "media", "reference", "other"}

// Style is a house style a user can select: each concept prefers at most
// one rendering per style.
type Style struct {
	ID          string `json:"-"`
	Description string `json:"description"`
	Pos         Pos    `json:"-"`
}

// Concept is one Chinese term and everything known about its English
// renderings.
type Concept struct {
	ID         string   `json:"id"`
	ZH         string   `json:"zh"`
	ZHVariants []string `json:"zh_variants,omitempty"`
	// ZHExcept are longer Chinese words that hold the term's characters
	// but are other words: 城市周边 (outskirts) and 动漫周边 (merchandise)
	// are not 周边, 相邻国家 does not hold 邻国. The Chinese matcher takes
	// them leftmost-longest and then drops them.
	ZHExcept []string `json:"zh_except,omitempty"`
	// ZHContext are Chinese words one of which the sentence around the
	// term must hold for it to be this concept; none listed means any
	// sentence. 周边地区 is China's neighboring region beside 我国 or 外交,
	// and a county's surrounding area where no such word is near.
	ZHContext []string `json:"zh_context,omitempty"`
	Pinyin    string   `json:"pinyin"`
	// Kind is what sort of concept this is, which decides how the checker
	// holds a translation to it; empty is KindTerm (KindOrDefault).
	Kind  Kind     `json:"kind,omitempty"`
	Gloss string   `json:"gloss,omitempty"`
	Tags  []string `json:"tags,omitempty"`
	Notes string   `json:"notes,omitempty"`
	// Family is the id of the concept whose Chinese is the element this
	// concept shares with its family (周边 for 周边工作 and 周边外交), so
	// that compounds can be held to one reading of it.
	Family string `json:"family,omitempty"`
	// Parts are the ids of the concepts this compound is made of, in order:
	// a compound is also rendered when each part is.
	Parts      []string     `json:"parts,omitempty"`
	Related    []string     `json:"related,omitempty"`
	Renderings []*Rendering `json:"renderings"`
	Examples   []*Example   `json:"examples,omitempty"`

	// PinyinGenerated is set when Pinyin was not written in the glossary
	// but generated from ZH.
	PinyinGenerated bool `json:"pinyin_generated,omitempty"`
	Pos             Pos  `json:"-"`
	// at holds the position of each field's value, by the path written
	// in the file ("family", "parts.1").
	at positions
}

// At returns the position of the value at path ("family", "parts.1"), or
// of the concept itself when that value was not written.
func (c *Concept) At(path string) Pos { return c.at.get(conceptFields, path, c.Pos) }

// Kind is the sort of concept a glossary entry is, and with it the
// checking policy the concept gets:
//
//   - KindTerm, the default when a concept gives no kind: a term with
//     fixed renderings, which every rule checks.
//   - KindName: the name of an institution, meeting, document or title
//     (中共中央政治局, 十九大), checked as a term is. A name shadows the
//     renderings inside it as any concept does.
//   - KindPhrase: a general policy phrase or slogan that translators
//     legitimately paraphrase (新局面, 新形势, 中国特色大国外交). The
//     checker never reports it missing or inconsistent: a paraphrase is no
//     finding. The other rules hold it to its renderings as they do a term.
type Kind string

// The kinds of concept; see Kind for the policy of each.
const (
	KindTerm   Kind = "term"
	KindName   Kind = "name"
	KindPhrase Kind = "phrase"
)

// Kinds lists the values a concept's kind may take, the default first.
var Kinds = []Kind{KindTerm, KindName, KindPhrase}

// KindOrDefault returns the concept's kind: Kind, or KindTerm when the
// concept gives none.
func (c *Concept) KindOrDefault() Kind {
	if c.Kind == "" {
		return KindTerm
	}
	return c.Kind
}

// Paraphrasable reports whether translators may paraphrase a concept of
// kind k rather than use one of its renderings, so that its absence or a
// mix of renderings is no finding: true for KindPhrase.
func (k Kind) Paraphrasable() bool { return k == KindPhrase }

// Status is a rendering's administrative status, as in TBX.
type Status string

// The TBX administrative statuses.
const (
	Preferred  Status = "preferred"
	Admitted   Status = "admitted"
	Deprecated Status = "deprecated"
	Superseded Status = "superseded"
)

// Statuses lists the valid statuses, most recommended first.
var Statuses = []Status{Preferred, Admitted, Deprecated, Superseded}

// Rendering is one English rendering of a concept.
type Rendering struct {
	EN string `json:"en"`
	// Forms are other spellings of the same rendering that plural, case
	// and British-spelling folding do not cover: abbreviations ("BRI"),
	// variant wordings ("B&R").
	Forms  []string `json:"forms,omitempty"`
	Status Status   `json:"status"`
	Styles []string `json:"styles"`
	// StatusIn is the rendering's status in the styles where it is not
	// Status: "sense of community of common destiny" is superseded in
	// general but the literal style's preferred rendering. A style named
	// here uses the rendering as much as one in Styles does.
	StatusIn map[string]Status `json:"status_in,omitempty"`
	// Context says where, in English-only text, the words are this
	// rendering rather than ordinary English: "neighborhood" is 周边 in
	// "China's neighborhood", not in "the neighborhood committee".
	Context *Context `json:"context,omitempty"`
	// Phrase is the rendering's phrase type when it is not a noun phrase
	// (PhraseTypes): a fix puts a rendering only where one of its type
	// stood.
	Phrase string `json:"phrase,omitempty"`
	Note   string `json:"note,omitempty"`
	// Shared declares that this English text is knowingly also a rendering
	// of another concept, which Validate otherwise warns about.
	Shared bool    `json:"shared,omitempty"`
	Seen   []*Seen `json:"seen"`

	Pos Pos `json:"-"`
	at  positions
	// key is EN folded (renderingKey), which parsing, merging and
	// validation all compare renderings by, when keyEN is EN.
	key, keyEN string
}

// At returns the position of the value at path ("styles.0",
// "status_in.literal", "context.require.1"), or of the rendering itself.
func (r *Rendering) At(path string) Pos { return r.at.get(renderingFields, path, r.Pos) }

// Context holds the patterns that decide whether a rendering's words,
// found in English-only text, are the rendering. A pattern is words with
// "_" standing for the rendering ("China's _", "_ diplomacy", "in the _
// of"); "*" stands for any one word. Words compare as the matcher folds
// them (case, plural, British spelling).
type Context struct {
	// Require lists patterns of which one must fit around the words;
	// none listed means any place will do.
	Require []string `json:"require,omitempty"`
	// Exclude lists patterns none of which may fit.
	Exclude []string `json:"exclude,omitempty"`
}

// PhraseTypes are the values a Rendering's Phrase may take; "" is a noun
// phrase.
var PhraseTypes = []string{"noun", "verb", "adjective", "adverbial", "clause"}

// PhraseType is the rendering's phrase type: Phrase, or "noun".
func (r *Rendering) PhraseType() string {
	if r.Phrase == "" {
		return "noun"
	}
	return r.Phrase
}

// StatusFor returns the rendering's status in style: its StatusIn entry
// for the style, else Status. With style "" it is Status.
func (r *Rendering) StatusFor(style string) Status {
	if s, ok := r.StatusIn[style]; ok && style != "" {
		return s
	}
	return r.Status
}

// InStyle reports whether style uses the rendering: the style is among
// Styles or has a StatusIn entry.
func (r *Rendering) InStyle(style string) bool {
	if _, ok := r.StatusIn[style]; ok {
		return true
	}
	return slices.Contains(r.Styles, style)
}

// AllStyles lists the styles that use the rendering: Styles, then the
// styles only StatusIn names, in sorted order.
func (r *Rendering) AllStyles() []string {
	if len(r.StatusIn) == 0 {
		return r.Styles
	}
	all := slices.Clone(r.Styles)
	for _, s := range slices.Sorted(maps.Keys(r.StatusIn)) {
		if !slices.Contains(all, s) {
			all = append(all, s)
		}
	}
	return all
}

// Seen records one observed use of a rendering.
type Seen struct {
	Source string `json:"source"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
	// Page is the printed page of a book the rendering is on, where
	// the source is a book without a date or URL per entry.
	Page  int    `json:"page,omitempty"`
	Quote string `json:"quote,omitempty"`

	Pos Pos `json:"-"`
	at  positions
}

// At returns the position of the value at path ("source"), or of the
// entry itself.
func (s *Seen) At(path string) Pos { return s.at.get(seenFields, path, s.Pos) }

// Example is a prh-style specification kept in the glossary: a sentence
// and the rules it must make the checker report, checked by Validate.
type Example struct {
	// Text is the English sentence.
	Text string `json:"text"`
	// Source is the Chinese source of Text, for bilingual rules.
	Source string `json:"source,omitempty"`
	// Style is the house style the check runs under, if any.
	Style string `json:"style,omitempty"`
	// Expect lists the rule names the check must report, each once per
	// finding; empty means the text must pass.
	Expect []string `json:"expect"`

	Pos Pos `json:"-"`
	at  positions
}

// At returns the position of the value at path ("expect.0"), or of the
// example itself.
func (e *Example) At(path string) Pos { return e.at.get(exampleFields, path, e.Pos) }

// identified is what concepts, sources and styles share: an id, by which
// merging, references and lookups find them.
type identified interface{ id() string }

func (c *Concept) id() string { return c.ID }
func (s *Source) id() string  { return s.ID }
func (s *Style) id() string   { return s.ID }

// byID returns the entry of list with the given id, or nil.
func byID[T identified](list []T, id string) T {
	for _, x := range list {
		if x.id() == id {
			return x
		}
	}
	var none T
	return none
}

// mapByID keys a list by id, for code that looks up many ids.
func mapByID[T identified](list []T) map[string]T {
	m := make(map[string]T, len(list))
	for _, x := range list {
		m[x.id()] = x
	}
	return m
}

// idsOf lists the ids of list in order.
func idsOf[T identified](list []T) []string {
	ids := make([]string, len(list))
	for i, x := range list {
		ids[i] = x.id()
	}
	return ids
}

// Concept returns the concept with the given id, or nil.
func (g *Glossary) Concept(id string) *Concept { return byID(g.Concepts, id) }

// Source returns the source with the given id, or nil.
func (g *Glossary) Source(id string) *Source { return byID(g.Sources, id) }

// Style returns the style with the given id, or nil.
func (g *Glossary) Style(id string) *Style { return byID(g.Styles, id) }

// StyleIDs lists the ids of g's styles in order.
func (g *Glossary) StyleIDs() []string { return idsOf(g.Styles) }

// PartTag is the tag of a concept that is in the glossary to be a part of
// compounds (工作 "work", 外交 "diplomacy"), not a term worth reporting or
// briefing where it only occurs inside them.
const PartTag = "part"

// IsPart reports whether c is tagged PartTag.
func (c *Concept) IsPart() bool { return slices.Contains(c.Tags, PartTag) }

// Preferred returns the concept's preferred rendering in style, or nil.
func (c *Concept) Preferred(style string) *Rendering {
	for _, r := range c.Renderings {
		if r.InStyle(style) && r.StatusFor(style) == Preferred {
			return r
		}
	}
	return nil
}
