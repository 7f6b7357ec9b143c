package input

import (
	"encoding/xml"
	"fmt"
)

// readTMX reads the segments of a TMX document (1.4b, and the 1.1 to 1.3
// that came before it): one for each translation unit (<tu>) with a
// Chinese variant (<tuv>), paired with its English variant.
//
// A variant's language is its xml:lang, or the lang attribute of TMX
// before 1.4; a variant without one is ignored. The source language
// (srclang of the tu, else of the header; "*all*" counts as Chinese) says
// which variant is the translation: the English, unless English is the
// source. A missing or blank translation makes the segment Untranslated;
// a unit whose source is missing or blank is no segment, and neither is
// one of other languages only.
//
// Inline, the text of hi is kept; bpt, ept, it, ph and ut are native code
// (a tag of the document translated, say), dropped for one separator,
// except for the text of a sub inside them, kept between separators.
func readTMX(text []byte) ([]Segment, []directive, error) {
	r := newXMLReader(text)
	root, err := r.root()
	if err != nil {
		return nil, nil, err
	}
	if el := root.Token.(xml.StartElement); el.Name.Local != "tmx" {
		return nil, nil, &SyntaxError{Offset: root.start, Msg: fmt.Sprintf("the root element is <%s>, not <tmx>", el.Name.Local)}
	}
	segs := []Segment{}
	srclang := ""
	err = r.children(func(el xml.StartElement) error {
		switch el.Name.Local {
		case "header":
			srclang = attrValue(el, "srclang")
			return r.skip()
		case "body":
			return r.children(func(el xml.StartElement) error {
				if el.Name.Local != "tu" {
					return r.skip()
				}
				seg, ok, err := r.tmxUnit(el, srclang)
				if ok {
					segs = append(segs, seg)
				}
				return err
			})
		}
		return r.skip()
	})
	if err == nil {
		err = r.finish()
	}
	if err != nil {
		return nil, nil, err
	}
	return segs, r.dirs, nil
}

// tmxUnit reads a tu, whose start tag was read last, into a segment.
func (r *xmlReader) tmxUnit(tu xml.StartElement, srclang string) (Segment, bool, error) {
	if l := attrValue(tu, "srclang"); l != "" {
		srclang = l
	}
	// The first variant of each language is paired: a memory with en-US
	// and en-GB variants is checked against the first, as is one with
	// zh-CN and zh-TW.
	var chinese, english *spanBuilder
	err := r.children(func(el xml.StartElement) error {
		if el.Name.Local != "tuv" {
			return r.skip()
		}
		lang := xmlLang(el)
		if lang == "" {
			lang = attrValue(el, "lang")
		}
		var seg *sideText
		err := r.children(func(el xml.StartElement) error {
			if el.Name.Local != "seg" || seg != nil {
				return r.skip()
			}
			seg = new(sideText)
			return r.inline(seg, tmxInline)
		})
		if seg == nil {
			seg = new(sideText) // a tuv without a seg has no text
		}
		switch LanguageScript(lang) {
		case Chinese:
			if chinese == nil {
				chinese = &seg.whole
			}
		case English:
			if english == nil {
				english = &seg.whole
			}
		}
		return err
	})
	if err != nil {
		return Segment{}, false, err
	}
	chineseSource := LanguageScript(srclang) != English // "*all*" too
	seg, ok := newSegment(attrValue(tu, "tuid"), chinese, english, chineseSource)
	return seg, ok, nil
}

// tmxInline says what TMX's inline elements are.
func tmxInline(el xml.StartElement) inlineKind {
	switch el.Name.Local {
	case "hi", "mrk":
		return inlineText
	case "sub":
		return inlineSub
	}
	return inlineCode // bpt, ept, it, ph, ut, and anything unknown
}
