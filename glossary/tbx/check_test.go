package tbx_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary/tbx"
)

// This file holds a structural checker of TBX-Basic, written for the tests
// from the TBX v3 core structure (TBXcoreStructV03.rng) and the TBX-Basic
// dialect's rules (TBX-Basic_DCA.sch), and the v2 (martif) core structure
// (TBXcoreStructV02.dtd) with the TBX-Basic data categories. It checks what
// an exporter can get wrong: the nesting and order of elements, required
// attributes, unique ids, the namespace, and which data category may stand
// at which level with which values. It runs everywhere; where jing and
// Saxon are installed, schema_test.go also validates the v3 export with
// the official schemas themselves. For v2 it is the only check: no
// official RELAX NG schema of TBX-Basic v2 is at hand.

// schema describes one TBX version for the checker.
type schema struct {
	namespace string
	// root is the root element with its required attribute values ("" for
	// any value).
	root      string
	rootAttrs map[string]string
	// models are the content models: each element's children, as the
	// space-separated sequence of their names, must match.
	models map[string]*regexp.Regexp
	// entry, lang and term name the three levels.
	entry, lang, term string
	// refs are the types a ref may have, with their levels.
	refs map[string][]string
	// xcs is the XCS file the header must declare (a <p type="XCSURI">
	// of encodingDesc), "" where none is needed.
	xcs string
}

// aux is the auxiliary information TBX allows at every level, in any order.
const aux = `((descrip|descripGrp|admin|adminGrp|transacGrp|note|ref|xref) )*`

func models(m map[string]string) map[string]*regexp.Regexp {
	out := map[string]*regexp.Regexp{}
	for k, v := range m {
		out[k] = regexp.MustCompile("^" + v + "$")
	}
	return out
}

// Elements holding only text (or inline markup, which the exporter never
// writes) have the empty model.
var leaves = []string{"title", "p", "term", "termNote", "descrip", "admin", "note", "ref", "xref", "transac", "transacNote", "date", "adminNote", "descripNote"}

func withLeaves(m map[string]string) map[string]string {
	for _, l := range leaves {
		m[l] = ""
	}
	return m
}

var tbxV3 = schema{
	namespace: tbx.Namespace,
	root:      "tbx",
	rootAttrs: map[string]string{"type": "TBX-Basic", "style": "dca", "lang": ""},
	entry:     "conceptEntry", lang: "langSec", term: "termSec",
	// TBX-Basic_DCA.sch: crossReference is the one ref type, at the
	// conceptEntry and termSec levels.
	refs: map[string][]string{"crossReference": {"entry", "term"}},
	models: models(withLeaves(map[string]string{
		"tbx":       `tbxHeader text `,
		"tbxHeader": `fileDesc (encodingDesc )?(revisionDesc )?`,
		// TBXcoreStructV03.rng: one sourceDesc, after the optional
		// publicationStmt and titleStmt (v2 allowed several).
		"fileDesc":     `(publicationStmt )?(titleStmt )?sourceDesc `,
		"titleStmt":    `title (note )*`,
		"sourceDesc":   `(p )+`,
		"encodingDesc": `(p )+`,
		"text":         `body (back )?`,
		"body":         `(conceptEntry )+`,
		"conceptEntry": aux + `(langSec )+`,
		"langSec":      aux + `(termSec )+`,
		"termSec":      `term ((termNote|termNoteGrp) )*` + aux,
		"termNoteGrp":  `termNote ((admin|adminGrp|transacGrp|note|ref|xref) )*`,
		"descripGrp":   `descrip ((descripNote|admin|adminGrp|transacGrp|note|ref|xref) )*`,
		"adminGrp":     `admin ((adminNote|note|ref|xref) )*`,
		"transacGrp":   `transac ((transacNote|date|note|ref|xref) )*`,
	})),
}

var tbxV2 = schema{
	root: "martif",
	// TBX-Basic v2 declares its data categories by naming its XCS file.
	xcs:       "TBXBasicXCSV02.xcs",
	rootAttrs: map[string]string{"type": "TBX-Basic", "lang": ""},
	entry:     "termEntry", lang: "langSet", term: "tig",
	refs: map[string][]string{"crossReference": {"entry", "term"}},
	models: models(withLeaves(map[string]string{
		"martif":       `martifHeader text `,
		"martifHeader": `fileDesc (encodingDesc )?(revisionDesc )?`,
		"fileDesc":     `(titleStmt )?(publicationStmt )?(sourceDesc )+`,
		"titleStmt":    `title (note )*`,
		"sourceDesc":   `(p )+`,
		"encodingDesc": `(p )+`,
		"text":         `body (back )?`,
		"body":         `(termEntry )+`,
		"termEntry":    aux + `(langSet )+`,
		"langSet":      aux + `((tig|ntig) )+`,
		"tig":          `term (termNote )*` + aux,
		"ntig":         `termGrp ` + aux,
		"termGrp":      `term ((termNote|termNoteGrp) )*(termCompList )*`,
		"termNoteGrp":  `termNote ((admin|adminGrp|transacGrp|note|ref|xref) )*`,
		"descripGrp":   `descrip ((descripNote|admin|adminGrp|transacGrp|note|ref|xref) )*`,
		"adminGrp":     `admin ((adminNote|note|ref|xref) )*`,
		"transacGrp":   `transac ((transacNote|date|note|ref|xref) )*`,
	})),
}

// The TBX-Basic data categories: the type values each meta element may
// take at each level ("entry", "lang", "term"), and the picklists.
var categories = map[string]map[string][]string{
	"descrip": {
		"subjectField": {"entry"},
		"definition":   {"entry", "lang"},
		"context":      {"term"},
	},
	"admin": {
		"customerSubset": {"entry", "term"},
		"projectSubset":  {"entry", "term"},
		"source":         {"entry", "lang", "term"},
	},
	"termNote": {
		"administrativeStatus": {"term"},
		"termType":             {"term"},
		"partOfSpeech":         {"term"},
		"grammaticalGender":    {"term"},
		"geographicalUsage":    {"term"},
		"termLocation":         {"term"},
	},
	"xref": {"externalCrossReference": {"entry", "lang", "term"}, "xGraphic": {"entry", "lang"}},
}

var picklists = map[string][]string{
	"administrativeStatus": {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"},
	"termType":             {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
	"partOfSpeech":         {"adjective", "noun", "other", "verb", "adverb"},
	"grammaticalGender":    {"masculine", "feminine", "neuter", "other"},
}

type checkNode struct {
	name xml.Name
	attr []xml.Attr
	kids []*checkNode
	text string
	line int
}

func (n *checkNode) get(local string) (string, bool) {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// checkStructure returns the structural errors of a TBX file, each
// "line N: ...".
func checkStructure(s schema, data []byte) []string {
	d := xml.NewDecoder(bytes.NewReader(data))
	var root *checkNode
	var stack []*checkNode
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return []string{"not well-formed: " + err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, _ := d.InputPos()
			n := &checkNode{name: t.Name, attr: t.Copy().Attr, line: line}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.kids = append(top.kids, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	var errs []string
	errorf := func(n *checkNode, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("line %d: ", n.line)+fmt.Sprintf(format, args...))
	}
	if root == nil || root.name.Local != s.root {
		return []string{"the root element is not <" + s.root + ">"}
	}
	for name, want := range s.rootAttrs {
		got, ok := root.get(name)
		if !ok || want != "" && got != want {
			errorf(root, "<%s> must have %s=%q", s.root, name, want)
		}
	}
	ids := map[string]int{}
	var targets []*checkNode
	var walk func(n *checkNode, level string)
	walk = func(n *checkNode, level string) {
		if n.name.Space != s.namespace {
			errorf(n, "<%s> is in namespace %q, not %q", n.name.Local, n.name.Space, s.namespace)
		}
		model, ok := s.models[n.name.Local]
		if !ok {
			errorf(n, "<%s> is not an element of TBX-Basic", n.name.Local)
		} else {
			var seq strings.Builder
			for _, k := range n.kids {
				seq.WriteString(k.name.Local + " ")
			}
			if !model.MatchString(seq.String()) {
				errorf(n, "<%s> may not hold %q", n.name.Local, strings.TrimSpace(seq.String()))
			}
		}
		if id, ok := n.get("id"); ok {
			if prev, dup := ids[id]; dup {
				errorf(n, "id %q is also on line %d", id, prev)
			}
			ids[id] = n.line
			if !regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`).MatchString(id) {
				errorf(n, "id %q is not an XML name", id)
			}
		}
		switch n.name.Local {
		case s.entry:
			level = "entry"
			if id, ok := n.get("id"); !ok || id == "" {
				errorf(n, "<%s> has no id", s.entry)
			}
		case s.lang:
			level = "lang"
			if lang, ok := n.get("lang"); !ok || lang == "" {
				errorf(n, "<%s> has no xml:lang", s.lang)
			}
		case s.term, "ntig":
			level = "term"
		case "descrip", "admin", "termNote", "ref", "xref":
			typ, ok := n.get("type")
			types := categories[n.name.Local]
			if n.name.Local == "ref" {
				types = s.refs
			}
			levels, known := types[typ]
			switch {
			case !ok:
				errorf(n, "<%s> has no type", n.name.Local)
			case !known:
				errorf(n, "<%s type=%q> is not a TBX-Basic data category", n.name.Local, typ)
			case !slices.Contains(levels, level):
				errorf(n, "<%s type=%q> may not stand at the %s level", n.name.Local, typ, level)
			}
			if values, ok := picklists[typ]; ok && !slices.Contains(values, n.text) {
				errorf(n, "%s %q is not one of %s", typ, n.text, strings.Join(values, ", "))
			}
			if n.name.Local == "ref" {
				targets = append(targets, n)
			}
		}
		for _, k := range n.kids {
			walk(k, level)
		}
	}
	walk(root, "")
	if s.xcs != "" && !declaresXCS(root, s.xcs) {
		errorf(root, "the header does not declare %s in <encodingDesc><p type=\"XCSURI\">", s.xcs)
	}
	for _, n := range targets {
		if t, _ := n.get("target"); ids[t] == 0 {
			errorf(n, "cross-reference target %q names no element", t)
		}
	}
	return errs
}

// declaresXCS reports whether the header's encodingDesc names the XCS file.
func declaresXCS(root *checkNode, xcs string) bool {
	for _, h := range root.kids {
		for _, ed := range h.kids {
			if ed.name.Local != "encodingDesc" {
				continue
			}
			for _, p := range ed.kids {
				if typ, _ := p.get("type"); typ == "XCSURI" && strings.TrimSpace(p.text) == xcs {
					return true
				}
			}
		}
	}
	return false
}

// TestStructure checks the v3 and v2 exports of small.yaml and terms.yaml.
func TestStructure(t *testing.T) {
	small, def := loadSmall(t), loadDefault(t)
	for name, data := range map[string][]byte{
		"small.yaml v3": write(t, small, 3),
		"terms.yaml v3": write(t, def, 3),
	} {
		for _, e := range checkStructure(tbxV3, data) {
			t.Errorf("%s: %s", name, e)
		}
	}
	for name, data := range map[string][]byte{
		"small.yaml v2": write(t, small, 2),
		"terms.yaml v2": write(t, def, 2),
	} {
		for _, e := range checkStructure(tbxV2, data) {
			t.Errorf("%s: %s", name, e)
		}
	}
}

// TestStructureFails breaks the export of small.yaml in one way at a time
// and makes sure the checker says so.
func TestStructureFails(t *testing.T) {
	g := loadSmall(t)
	v3, v2 := string(write(t, g, 3)), string(write(t, g, 2))
	for _, tc := range []struct {
		name      string
		s         schema
		src       string
		old, new  string
		wantError string
	}{
		{"status outside the picklist", tbxV3, v3,
			">preferredTerm-admn-sts<", ">preferred<", `administrativeStatus "preferred" is not one of`},
		{"langSec without xml:lang", tbxV3, v3,
			`<langSec xml:lang="en">`, `<langSec>`, "<langSec> has no xml:lang"},
		{"two entries with one id", tbxV3, v3,
			`<conceptEntry id="jianshe">`, `<conceptEntry id="gangkou">`, `id "gangkou" is also on line`},
		{"subject field at the term level", tbxV3, v3,
			`<termNote type="termType">variant</termNote>`, `<descrip type="subjectField">x</descrip>`, `<descrip type="subjectField"> may not stand at the term level`},
		{"a data category TBX-Basic does not have", tbxV3, v3,
			`<descrip type="definition">`, `<descrip type="explanation">`, `<descrip type="explanation"> is not a TBX-Basic data category`},
		{"term notes after auxiliary information", tbxV3, v3,
			"<admin type=\"customerSubset\">plain</admin>\n            <note>termlint status_in:",
			"<note>x</note>\n            <termNote type=\"partOfSpeech\">noun</termNote>\n            <note>termlint status_in:",
			"<termSec> may not hold"},
		{"another namespace", tbxV3, v3,
			tbx.Namespace, "urn:iso:std:iso:30042:ed:3.0", `is in namespace "urn:iso:std:iso:30042:ed:3.0"`},
		{"no dialect", tbxV3, v3,
			`type="TBX-Basic" style="dca"`, `type="TBX" style="dca"`, `<tbx> must have type="TBX-Basic"`},
		{"a dangling cross-reference", tbxV3, v3,
			`target="gangkou-jianshe"`, `target="nowhere"`, `cross-reference target "nowhere" names no element`},
		{"TBX core's related-concept type in TBX-Basic v3", tbxV3, v3,
			`type="crossReference"`, `type="relatedConcept"`, `<ref type="relatedConcept"> is not a TBX-Basic data category`},
		{"v3: two sourceDesc", tbxV3, v3,
			"</sourceDesc>", "</sourceDesc>\n      <sourceDesc><p>more</p></sourceDesc>", `<fileDesc> may not hold "titleStmt sourceDesc sourceDesc"`},
		{"v3's related-concept type in v2", tbxV2, v2,
			`type="crossReference"`, `type="relatedConcept"`, `<ref type="relatedConcept"> is not a TBX-Basic data category`},
		{"a term section without a term", tbxV3, v3,
			"<term>construction</term>", "", "<termSec> may not hold"},
		{"v2: a conceptEntry in a martif", tbxV2, v2,
			`<termEntry id="jianshe">`, `<conceptEntry id="other"><langSet xml:lang="en"><tig><term>x</term></tig></langSet></conceptEntry><termEntry id="jianshe">`,
			`<body> may not hold "termEntry termEntry conceptEntry termEntry termEntry"`},
		{"v2: langSet without xml:lang", tbxV2, v2,
			`<langSet xml:lang="en">`, `<langSet>`, "<langSet> has no xml:lang"},
		{"v2: no XCS declared", tbxV2, v2,
			`<p type="XCSURI">TBXBasicXCSV02.xcs</p>`, `<p>TBXBasicXCSV02.xcs</p>`, `the header does not declare TBXBasicXCSV02.xcs`},
		{"v2: status outside the picklist", tbxV2, v2,
			">deprecatedTerm-admn-sts<", ">forbidden<", `administrativeStatus "forbidden" is not one of`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(tc.src, tc.old) {
				t.Fatalf("the export has no %q to break", tc.old)
			}
			broken := strings.Replace(tc.src, tc.old, tc.new, 1)
			errs := checkStructure(tc.s, []byte(broken))
			if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, tc.wantError) }) {
				t.Errorf("the checker does not report %q; it reports %q", tc.wantError, errs)
			}
		})
	}
}
