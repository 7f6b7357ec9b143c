package input

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// readXLIFF reads the segments of an XLIFF document, 1.2 (and the 1.0 and
// 1.1 before it, and the SDL and memoQ flavours of it) or 2.x, told apart
// by the root's version attribute, else by its namespace.
//
// XLIFF 1.2: each trans-unit (in the body, a group or a bin-unit) is a
// segment of its source and target. When a seg-source cuts the source
// into <mrk mtype="seg" mid="N"> segments, each is a segment of its own
// (ID "unit#N"), paired with the target's mrk of the same mid. Skipped
// are trans-units with translate="no" (on them or on a group around
// them), the header, alt-trans (other translations, not this unit's),
// notes and elements of other namespaces. Inline, g and mrk keep their
// text, and a phrase runs through them, except a <mrk mtype="protected">,
// whose text is not to be translated; x, bx, ex, bpt, ept, ph and it are
// placeholders or native code, one separator each, and a sub inside them
// is text of its own, between separators.
//
// XLIFF 2.x: each segment of a unit is a segment (ID "unit#segment-id",
// or "unit#N" for the Nth of several segments without ids). Skipped are
// files, groups and units with translate="no", ignorables, notes,
// originalData and modules' elements (mtc:matches, which holds other
// translations, among them). Inline, pc and mrk keep their text, and a
// phrase runs through them; text not to be translated (in a pc or mrk
// with translate="no", or between an <sm translate="no"/> and its <em/>)
// is dropped for a separator; ph, sc, ec, sm and em are separators; cp is
// the character it names.
//
// Languages are the file's (source-language and target-language, srcLang
// and trgLang) unless a source or target says its own xml:lang; when the
// file names only one, the script of the texts decides (see
// chineseIsSource). A unit of other languages is no segment. A missing or
// blank translation makes the segment Untranslated.
func readXLIFF(text []byte) ([]Segment, []directive, error) {
	r := newXMLReader(text)
	root, err := r.root()
	if err != nil {
		return nil, nil, err
	}
	el := root.Token.(xml.StartElement)
	if el.Name.Local != "xliff" {
		return nil, nil, &SyntaxError{Offset: root.start, Msg: fmt.Sprintf("the root element is <%s>, not <xliff>", el.Name.Local)}
	}
	x := &xliffReader{xmlReader: r, ns: el.Name.Space, segs: []Segment{}}
	if xliff2(el) {
		err = x.v2(el)
	} else {
		err = x.v1()
	}
	if err == nil {
		err = r.finish()
	}
	if err != nil {
		return nil, nil, err
	}
	return x.segs, r.dirs, nil
}

// xliff2 says whether a root element is XLIFF 2's.
func xliff2(root xml.StartElement) bool {
	if v, ok := attr(root, "version"); ok {
		return strings.HasPrefix(strings.TrimSpace(v), "2")
	}
	return strings.HasPrefix(root.Name.Space, "urn:oasis:names:tc:xliff:document:2")
}

// xliffReader reads the elements of an XLIFF document.
type xliffReader struct {
	*xmlReader
	ns   string // the namespace of the root element, XLIFF's own
	segs []Segment
}

// own says whether an element is XLIFF's rather than an extension's.
func (x *xliffReader) own(el xml.StartElement) bool { return el.Name.Space == x.ns }

// languages are the language tags of a unit's source and target.
type languages struct{ source, target string }

// side reads a source, seg-source or target element, whose start tag was
// read last, into *t, and its xml:lang into *lang, unless *t has been read
// already: the first of each is the unit's.
func (x *xliffReader) side(el xml.StartElement, t **sideText, lang *string, rules inlineRules) error {
	if *t != nil {
		return x.skip()
	}
	if l := xmlLang(el); l != "" {
		*lang = l
	}
	*t = new(sideText)
	return x.inline(*t, rules)
}

// add pairs a source and a target as Chinese and English.
func (x *xliffReader) add(id string, source, target *spanBuilder, chineseSource bool) {
	chinese, english := source, target
	if !chineseSource {
		chinese, english = target, source
	}
	if s, ok := newSegment(id, chinese, english, chineseSource); ok {
		x.segs = append(x.segs, s)
	}
}

// v1 reads the files of an XLIFF 1.x document.
func (x *xliffReader) v1() error {
	return x.children(func(el xml.StartElement) error {
		if !x.own(el) || el.Name.Local != "file" {
			return x.skip()
		}
		langs := languages{attrValue(el, "source-language"), attrValue(el, "target-language")}
		translate := translatable(el, true)
		return x.children(func(el xml.StartElement) error {
			if x.own(el) && el.Name.Local == "body" {
				return x.v1Body(langs, translate)
			}
			return x.skip() // the header, extensions
		})
	})
}

// v1Body reads a body, group or bin-unit, whose start tag was read last.
func (x *xliffReader) v1Body(langs languages, translate bool) error {
	return x.children(func(el xml.StartElement) error {
		if !x.own(el) {
			return x.skip()
		}
		switch el.Name.Local {
		case "group", "bin-unit": // a bin-unit may hold the trans-units of its strings
			return x.v1Body(langs, translatable(el, translate))
		case "trans-unit":
			return x.v1Unit(el, langs, translatable(el, translate))
		}
		return x.skip()
	})
}

// v1Unit reads a trans-unit, whose start tag was read last.
func (x *xliffReader) v1Unit(unit xml.StartElement, langs languages, translate bool) error {
	if !translate {
		return x.skip()
	}
	var source, segSource, target *sideText
	err := x.children(func(el xml.StartElement) error {
		if !x.own(el) {
			return x.skip()
		}
		switch el.Name.Local {
		case "source":
			return x.side(el, &source, &langs.source, x.v1Inline)
		case "seg-source":
			return x.side(el, &segSource, &langs.source, x.v1Inline)
		case "target":
			return x.side(el, &target, &langs.target, x.v1Inline)
		}
		return x.skip() // alt-trans, note, context-group, count-group, prop-group
	})
	if err != nil {
		return err
	}
	src := source
	if segSource != nil && (len(segSource.parts) > 0 || source == nil) {
		src = segSource
	}
	if src == nil {
		return nil
	}
	var trg *spanBuilder
	if target != nil {
		trg = &target.whole
	}
	chineseSource, ok := chineseIsSource(langs.source, langs.target, src.whole.text, textOf(trg))
	if !ok {
		return nil
	}
	id := attrValue(unit, "id")
	// A segmented source pairs its parts with the target's, unless the
	// target is one translation of the whole.
	if len(src.parts) > 0 && (target == nil || len(target.parts) > 0 || blank(target.whole.text)) {
		translations := map[string]*spanBuilder{}
		if target != nil {
			for _, p := range target.parts {
				if translations[p.mid] == nil {
					translations[p.mid] = &p.b
				}
			}
		}
		for _, p := range src.parts {
			x.add(id+"#"+p.mid, &p.b, translations[p.mid], chineseSource)
		}
		return nil
	}
	x.add(id, &src.whole, trg, chineseSource)
	return nil
}

// v1Inline says what XLIFF 1.2's inline elements are.
func (x *xliffReader) v1Inline(el xml.StartElement) inlineKind {
	if !x.own(el) {
		return inlineCode
	}
	switch el.Name.Local {
	case "g":
		return inlineText
	case "mrk":
		switch attrValue(el, "mtype") {
		case "seg":
			return inlineSegment
		case "protected": // not to be translated
			return inlineCode
		}
		return inlineText
	case "sub":
		return inlineSub
	}
	return inlineCode // x, bx, ex, bpt, ept, ph, it
}

// v2 reads the files of an XLIFF 2.x document.
func (x *xliffReader) v2(root xml.StartElement) error {
	langs := languages{attrValue(root, "srcLang"), attrValue(root, "trgLang")}
	return x.children(func(el xml.StartElement) error {
		if !x.own(el) || el.Name.Local != "file" {
			return x.skip()
		}
		return x.v2Group(langs, translatable(el, true))
	})
}

// v2Group reads a file or group, whose start tag was read last.
func (x *xliffReader) v2Group(langs languages, translate bool) error {
	return x.children(func(el xml.StartElement) error {
		if !x.own(el) {
			return x.skip()
		}
		switch el.Name.Local {
		case "group":
			return x.v2Group(langs, translatable(el, translate))
		case "unit":
			return x.v2Unit(el, langs, translatable(el, translate))
		}
		return x.skip() // skeleton, notes
	})
}

// v2Unit reads a unit, whose start tag was read last.
func (x *xliffReader) v2Unit(unit xml.StartElement, langs languages, translate bool) error {
	if !translate {
		return x.skip()
	}
	type segment struct {
		id             string
		langs          languages
		source, target *sideText
	}
	var segs []segment
	err := x.children(func(el xml.StartElement) error {
		if !x.own(el) || el.Name.Local != "segment" {
			return x.skip() // ignorable, notes, originalData, modules
		}
		s := segment{id: attrValue(el, "id"), langs: langs}
		err := x.children(func(el xml.StartElement) error {
			switch {
			case !x.own(el):
			case el.Name.Local == "source":
				return x.side(el, &s.source, &s.langs.source, x.v2Inline)
			case el.Name.Local == "target":
				return x.side(el, &s.target, &s.langs.target, x.v2Inline)
			}
			return x.skip()
		})
		segs = append(segs, s)
		return err
	})
	if err != nil {
		return err
	}
	unitID := attrValue(unit, "id")
	for i, s := range segs {
		if s.source == nil {
			continue
		}
		var trg *spanBuilder
		if s.target != nil {
			trg = &s.target.whole
		}
		chineseSource, ok := chineseIsSource(s.langs.source, s.langs.target, s.source.whole.text, textOf(trg))
		if !ok {
			continue
		}
		id := unitID
		switch {
		case s.id != "":
			id += "#" + s.id
		case len(segs) > 1:
			id += fmt.Sprintf("#%d", i+1)
		}
		x.add(id, &s.source.whole, trg, chineseSource)
	}
	return nil
}

// v2Inline says what XLIFF 2's inline elements are.
func (x *xliffReader) v2Inline(el xml.StartElement) inlineKind {
	if !x.own(el) {
		return inlineCode
	}
	switch el.Name.Local {
	case "pc", "mrk":
		return inlineText
	case "cp":
		return inlineChar
	case "sm":
		return inlineRangeStart
	case "em":
		return inlineRangeEnd
	}
	return inlineCode // ph, sc, ec
}
