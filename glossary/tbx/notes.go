package tbx

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// A termlint note carries what TBX-Basic has no data category for, in a
// form a person can read and Read can restore exactly:
//
//	termlint pinyin: "zhōubiān gōngzuò"
//	termlint parts: [zhoubian, gongzuo]
//	termlint zh_except: [城市周边, 动漫周边]
//	termlint kind: phrase
//	termlint seen: date 2025-04; url "https://example.org/a"
//	termlint source xinhua-2025-neighborhood-work-conference: title "Xinhua readout"; kind official
//	termlint status_in: literal preferred; official admitted
//	termlint context: require ["China's _", "_ diplomacy"]; exclude ["_ committee"]
//
// After "termlint", a kind, for registry entries an id, and a colon comes
// either one value or fields ("name value", separated by "; "). A value is
// a bare word, a Go-quoted string or a list in brackets of either.
const notePrefix = "termlint "

// noteValue is one value of a termlint note: a string or, when list is
// set, a list of strings.
type noteValue struct {
	text  string
	items []string
	list  bool
}

// noteField is one "name value" of a termlint note.
type noteField struct {
	name string
	val  noteValue
}

// termlintNote is a parsed termlint note.
type termlintNote struct {
	kind, id string
	// value is the note's one value; fields are set instead for the kinds
	// written with fields.
	value  noteValue
	fields []noteField
}

// field returns the named field's value.
func (n *termlintNote) field(name string) (noteValue, bool) {
	for _, f := range n.fields {
		if f.name == name {
			return f.val, true
		}
	}
	return noteValue{}, false
}

// fieldKinds are the kinds whose notes hold fields rather than one value.
var fieldKinds = map[string]bool{"seen": true, "example": true, "source": true, "style": true, "status_in": true, "context": true}

// idKinds are the kinds that name an id before the colon.
var idKinds = map[string]bool{"source": true, "style": true}

// bare reports whether s can be written without quotes: one word of no
// character the note syntax uses.
func bare(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) || strings.ContainsRune(`;",[]\`, r) {
			return false
		}
	}
	return true
}

// word writes s bare where it can be, quoted otherwise.
func word(s string) string {
	if bare(s) {
		return s
	}
	return strconv.Quote(s)
}

// list writes items as a bracketed list.
func list(items []string) string {
	words := make([]string, len(items))
	for i, s := range items {
		words[i] = word(s)
	}
	return "[" + strings.Join(words, ", ") + "]"
}

// noteBuilder writes the fields of one termlint note.
type noteBuilder struct {
	head   string
	fields []string
}

func newNote(kind, id string) *noteBuilder {
	head := notePrefix + kind
	if id != "" {
		head += " " + word(id)
	}
	return &noteBuilder{head: head}
}

// add writes a field whose value is a word; empty values are left out.
func (b *noteBuilder) add(name, value string) *noteBuilder {
	if value != "" {
		b.fields = append(b.fields, name+" "+word(value))
	}
	return b
}

// quoted writes a free-text field, always quoted so that it reads as one;
// empty values are left out.
func (b *noteBuilder) quoted(name, value string) *noteBuilder {
	if value != "" {
		b.fields = append(b.fields, name+" "+strconv.Quote(value))
	}
	return b
}

// list writes a list field, empty lists included.
func (b *noteBuilder) list(name string, items []string) *noteBuilder {
	b.fields = append(b.fields, name+" "+list(items))
	return b
}

func (b *noteBuilder) String() string {
	if len(b.fields) == 0 {
		return b.head + ":"
	}
	return b.head + ": " + strings.Join(b.fields, "; ")
}

// valueNote writes a note of one value.
func valueNote(kind, value string) string {
	return notePrefix + kind + ": " + value
}

// isTermlintNote reports whether text is meant as a termlint note.
func isTermlintNote(text string) bool { return strings.HasPrefix(text, notePrefix) }

// parseNote reads a termlint note.
func parseNote(text string) (*termlintNote, error) {
	rest, ok := strings.CutPrefix(text, notePrefix)
	if !ok {
		return nil, errors.New(`it does not begin with "termlint "`)
	}
	head, body, ok := strings.Cut(rest, ":")
	if !ok {
		return nil, errors.New("it has no colon after its kind")
	}
	n := &termlintNote{}
	kind, id, _ := strings.Cut(head, " ")
	n.kind = kind
	if idKinds[kind] {
		s := &scanner{src: strings.TrimSpace(id)}
		v, err := s.value()
		if err != nil || v.list || !s.done() {
			return nil, errors.New("its id is not one word")
		}
		n.id = v.text
	} else if id != "" {
		return nil, errors.New("its kind is not one word")
	}
	s := &scanner{src: body}
	if !fieldKinds[kind] {
		v, err := s.value()
		if err != nil {
			return nil, err
		}
		if !s.done() {
			return nil, errors.New("it has more than one value")
		}
		n.value = v
		return n, nil
	}
	for !s.done() {
		s.space()
		start := s.i
		for s.i < len(s.src) && s.src[s.i] != ' ' && s.src[s.i] != ';' {
			s.i++
		}
		name := s.src[start:s.i]
		if name == "" {
			return nil, errors.New("a field has no name")
		}
		v, err := s.value()
		if err != nil {
			return nil, err
		}
		n.fields = append(n.fields, noteField{name, v})
		s.space()
		if s.i < len(s.src) {
			if s.src[s.i] != ';' {
				return nil, errors.New("fields must be separated by semicolons")
			}
			s.i++
		}
	}
	return n, nil
}

// scanner reads the values of a termlint note.
type scanner struct {
	src string
	i   int
}

func (s *scanner) space() {
	for s.i < len(s.src) && s.src[s.i] == ' ' {
		s.i++
	}
}

func (s *scanner) done() bool {
	s.space()
	return s.i >= len(s.src)
}

// value reads a word, a quoted string or a list.
func (s *scanner) value() (noteValue, error) {
	s.space()
	if s.i < len(s.src) && s.src[s.i] == '[' {
		s.i++
		v := noteValue{list: true, items: []string{}}
		s.space()
		if s.i < len(s.src) && s.src[s.i] == ']' {
			s.i++
			return v, nil
		}
		for {
			item, err := s.scalar()
			if err != nil {
				return v, err
			}
			v.items = append(v.items, item)
			s.space()
			if s.i >= len(s.src) {
				return v, errors.New("a list has no closing bracket")
			}
			switch s.src[s.i] {
			case ']':
				s.i++
				return v, nil
			case ',':
				s.i++
			default:
				return v, errors.New("list items must be separated by commas")
			}
		}
	}
	text, err := s.scalar()
	return noteValue{text: text}, err
}

// scalar reads a quoted string or a bare word.
func (s *scanner) scalar() (string, error) {
	s.space()
	if s.i >= len(s.src) {
		return "", errors.New("a value is missing")
	}
	if s.src[s.i] == '"' {
		q, err := strconv.QuotedPrefix(s.src[s.i:])
		if err != nil {
			return "", errors.New("a quoted value is not closed or has a bad escape")
		}
		s.i += len(q)
		text, _ := strconv.Unquote(q)
		return text, nil
	}
	start := s.i
	for s.i < len(s.src) && !strings.ContainsRune(" ;,[]\"", rune(s.src[s.i])) {
		s.i++
	}
	if start == s.i {
		return "", errors.New("a value is missing")
	}
	return s.src[start:s.i], nil
}
