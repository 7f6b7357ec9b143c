// Package tbx writes a glossary as TBX (TermBase eXchange, ISO 30042) in
// the TBX-Basic dialect and reads TBX files back, termlint's own and those
// of other tools.
//
// Write produces TBX v3 (ISO 30042:2019, <tbx> / conceptEntry / langSec /
// termSec) or, for tools that know only the 2008 format (Okapi, Translate
// Toolkit, Weblate), TBX v2 (<martif> / termEntry / langSet / tig). Each
// termlint field goes to the TBX-Basic data category that means the same:
//
//	concept id         conceptEntry id
//	zh, zh_variants    langSec zh-Hans, one termSec each (variants with termType "variant")
//	tags               descrip subjectField, one per tag
//	gloss              descrip definition (concept level)
//	notes              note (concept level)
//	related            ref crossReference, target the related conceptEntry
//	renderings         langSec en, one termSec each
//	status             termNote administrativeStatus (preferredTerm-admn-sts, ...)
//	styles             admin customerSubset, one per style
//	rendering note     note (term level)
//	seen source        admin source; with its quote as descrip context in a descripGrp
//
// What TBX-Basic has no data category for goes into notes that begin with
// "termlint" (see notes.go): hand-written pinyin, a concept's kind (not a
// termType, which in TBX-Basic is the form of one term, such as variant
// or phrase, not how a concept is checked) and zh_except, zh_context, family, parts,
// forms, shared, a rendering's status per style (status_in, whose styles
// are not customer subsets: a tool that reads no note would take the
// term's one status for theirs), phrase type and context patterns, the
// date and url of each seen entry, examples, and the registries of
// sources (a paragraph each in the header's one sourceDesc) and styles
// (encodingDesc, which describes what the customerSubset values mean). Read restores all
// of it, so a termlint glossary survives the round trip unchanged.
package tbx

import (
	"strings"

	"github.com/termlint/termlint/glossary"
)

// Namespace is the XML namespace of TBX v3 (ISO 30042:2019).
const Namespace = "urn:iso:std:iso:30042:ed-2"

// exportMarker begins the header paragraph that marks a file as termlint's
// own export, whose texts Read keeps exactly as written.
const exportMarker = "termlint glossary export"

// dialect names the elements of one TBX version.
type dialect struct {
	root, header, entry, lang, term string
}

var (
	v3 = dialect{root: "tbx", header: "tbxHeader", entry: "conceptEntry", lang: "langSec", term: "termSec"}
	v2 = dialect{root: "martif", header: "martifHeader", entry: "termEntry", lang: "langSet", term: "tig"}
)

// relatedRef is the type of a ref from one entry to another, the one
// TBX-Basic allows in both versions (TBX-Basic_DCA.sch permits no other
// ref type). Earlier versions of termlint wrote relatedConcept in v3, a
// TBX core data category that TBX-Basic lacks; Read takes both.
const relatedRef = "crossReference"

// Language tags written for the two languages.
const (
	langZH = "zh-Hans"
	langEN = "en"
)

// adminStatus is the TBX-Basic administrativeStatus value of each status.
var adminStatus = map[glossary.Status]string{
	glossary.Preferred:  "preferredTerm-admn-sts",
	glossary.Admitted:   "admittedTerm-admn-sts",
	glossary.Deprecated: "deprecatedTerm-admn-sts",
	glossary.Superseded: "supersededTerm-admn-sts",
}

// readStatus maps an administrativeStatus (or normativeAuthorization)
// value of any TBX version or tool to a status. sure is false for values
// that have no exact counterpart.
func readStatus(value string) (s glossary.Status, sure, known bool) {
	v := strings.ToLower(strings.TrimSpace(value))
	v = strings.TrimSuffix(v, "-admn-sts")
	switch v {
	case "preferredterm", "preferred",
		// A standardized term is the most binding recommendation there is.
		"standardizedterm", "standardized":
		return glossary.Preferred, true, true
	case "admittedterm", "admitted":
		return glossary.Admitted, true, true
	case "deprecatedterm", "deprecated", "notrecommended", "forbidden", "forbiddenterm":
		return glossary.Deprecated, true, true
	case "supersededterm", "superseded", "obsolete", "obsoleteterm":
		return glossary.Superseded, true, true
	case "legalterm", "regulatedterm":
		// Prescribed by law or regulation, but not said to be preferred.
		return glossary.Admitted, false, true
	}
	return glossary.Admitted, false, false
}

// langKind is what termlint makes of a language tag.
type langKind int

const (
	langOther langKind = iota
	langChinese
	langChineseVariant
	langEnglish
)

// classifyLang sorts a language tag: Chinese (zh, zh-CN, zh-Hans, zh-SG),
// a Chinese variant (zh-TW, zh-HK, zh-MO, zh-Hant), English (en, en-US,
// en-GB, ...) or another language.
func classifyLang(tag string) langKind {
	subtags := strings.FieldsFunc(strings.ToLower(tag), func(r rune) bool { return r == '-' || r == '_' })
	if len(subtags) == 0 {
		return langOther
	}
	switch subtags[0] {
	case "en", "eng":
		return langEnglish
	case "zh", "zho", "chi", "cmn":
		for _, s := range subtags[1:] {
			switch s {
			case "hant", "tw", "hk", "mo":
				return langChineseVariant
			}
		}
		return langChinese
	}
	return langOther
}

// isNCName reports whether s can be an XML id: a letter or underscore,
// then letters, digits, hyphens, underscores and full stops (the ASCII
// part of NCName, which is all a termlint id can hold).
func isNCName(s string) bool {
	for i, r := range s {
		switch {
		case r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
		case i > 0 && (r == '-' || r == '.' || '0' <= r && r <= '9'):
		default:
			return false
		}
	}
	return s != ""
}
