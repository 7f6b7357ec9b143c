package yamlfmt

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/glossary"
)

var update = flag.Bool("update", false, "rewrite the golden files with what Format writes now")

// TestGolden formats each testdata/NAME.yaml and compares the result with
// testdata/NAME.golden.yaml; the fixtures' comments say what must happen.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden.yaml") {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			src := read(t, in)
			got, err := Format(in, src)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(in, ".yaml") + ".golden.yaml"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if want := read(t, golden); !bytes.Equal(got, want) {
				t.Errorf("Format(%s) differs from %s:\n%s", in, golden, got)
			}
			checkSame(t, in, src, got)
			again, err := Format(golden, got)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, got) {
				t.Errorf("Format is not idempotent on %s:\n%s", golden, again)
			}
		})
	}
	if n < 2 {
		t.Fatalf("found %d fixtures", n)
	}
}

// TestTermsYAML: the curated glossary is in the canonical layout.
func TestTermsYAML(t *testing.T) {
	src := read(t, "../../terms.yaml")
	got, err := Format("terms.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, src) {
		t.Errorf("terms.yaml is not in the canonical layout; glossary fmt would change it")
	}
}

// checkSame fails unless src and out parse to the same glossary.
func checkSame(t *testing.T, name string, src, out []byte) {
	t.Helper()
	a, pa := glossary.Parse(name, src)
	b, pb := glossary.Parse(name, out)
	if pa.Errors() > 0 || pb.Errors() > 0 {
		t.Fatalf("parse problems: %v / %v", pa, pb)
	}
	ja, _ := snapshot(a, false)
	jb, _ := snapshot(b, false)
	if !bytes.Equal(ja, jb) {
		t.Errorf("%s: the glossary changed:\n%s\n%s", name, ja, jb)
	}
}

func TestFormatErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unknown key", "concepts:\n  - id: a\n    zh: 甲\n    colour: red\n    renderings: [{en: a}]\n", `bad.yaml:4:5: unknown key "colour" in concept "a"`},
		{"bad YAML", "concepts:\n  - id: a\n    zh: \"甲\n", "bad.yaml:3: invalid YAML: found unexpected end of stream"},
		{"two documents", "concepts: [{id: a, zh: 甲, renderings: [{en: a}]}]\n---\nconcepts: []\n", "bad.yaml:2:1: a glossary file holds one YAML document"},
		{"empty", "", "bad.yaml:1:1: file is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Format("bad.yaml", []byte(tc.src))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("Format: %v, want an error starting %q", err, tc.want)
			}
			if out != nil {
				t.Errorf("Format returned output with its error: %q", out)
			}
		})
	}
}

// TestFormatKeepsQuoting: the author's quotes stay where valid; plain
// text that would read differently in a flow list is quoted.
func TestFormatKeepsQuoting(t *testing.T) {
	src := "concepts:\n  - id: a\n    zh: \"甲\"\n    gloss: 'it''s'\n    renderings:\n      - en: \"a\\u0062c\"\n        forms:\n          - x, y\n          - 'z'\n"
	got, err := Format("q.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := "concepts:\n\n  - id: a\n    zh: \"甲\"\n    gloss: 'it''s'\n    renderings:\n      - en: \"a\\u0062c\"\n        forms: [\"x, y\", 'z']\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestMarshalDefault: the embedded glossary written by Marshal reads back
// as the same glossary, and is laid out as terms.yaml is.
func TestMarshalDefault(t *testing.T) {
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatal(problems)
	}
	out, err := Marshal(g, "termlint glossary\n\nwritten by Marshal")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, []byte("# termlint glossary\n#\n# written by Marshal\n\nsources:\n")) {
		t.Errorf("header: %q", out[:80])
	}
	back, ps := glossary.Parse("marshal.yaml", out)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	if !sameGlossary(g, back, true) {
		t.Error("Marshal's output does not read back as the glossary")
	}
	formatted, err := Format("marshal.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(formatted, out) {
		t.Error("Marshal's output is not in the layout Format writes")
	}
}

func TestMarshalQuotesWhereNeeded(t *testing.T) {
	g := &glossary.Glossary{
		Sources: []*glossary.Source{{ID: "s", Title: "null", Kind: "other", Date: "2025", Note: "a: b"}},
		Concepts: []*glossary.Concept{{ID: "a", ZH: "甲", Pinyin: "jiǎ", PinyinGenerated: true, Tags: []string{"x, y", "true"},
			Renderings: []*glossary.Rendering{{EN: "# not a comment", Status: glossary.Preferred, Shared: true,
				Seen: []*glossary.Seen{{Source: "s", Quote: "it's"}}}},
			Examples: []*glossary.Example{{Text: "A text.", Expect: nil}}}},
	}
	out, err := Marshal(g, "")
	if err != nil {
		t.Fatal(err)
	}
	want := `sources:
  s:
    title: "null"
    kind: other
    date: 2025
    note: "a: b"

concepts:

  - id: a
    zh: 甲
    tags: ["x, y", true]
    renderings:
      - en: "# not a comment"
        status: preferred
        shared: true
        seen:
          - {source: s, quote: it's}
    examples:
      - {text: A text., expect: []}
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestMarshalRefusesWhatDoesNotParse: a glossary the format cannot hold
// (a source without a title) is an error, not a file that fails to load.
func TestMarshalRefusesWhatDoesNotParse(t *testing.T) {
	g := &glossary.Glossary{
		Sources:  []*glossary.Source{{ID: "guide", Kind: "other"}},
		Concepts: []*glossary.Concept{{ID: "zb", ZH: "周边", Renderings: []*glossary.Rendering{{EN: "neighborhood", Status: glossary.Admitted, Seen: []*glossary.Seen{{Source: "guide"}}}}}},
	}
	out, err := Marshal(g, "")
	if want := `yamlfmt: the YAML written does not parse: marshal:`; err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), `has no title`) {
		t.Errorf("Marshal: %v, want an error beginning %q about the title", err, want)
	}
	if out != nil {
		t.Errorf("Marshal wrote %q with the error", out)
	}
}

// TestMarshalRenderingFields writes a rendering's status per style, phrase
// type and context as Format lays them out: status_in sorted by style
// (a map has no order of its own), an empty context left out.
func TestMarshalRenderingFields(t *testing.T) {
	g := &glossary.Glossary{
		Styles: []*glossary.Style{{ID: "formal", Description: "f"}, {ID: "plain", Description: "p"}},
		Concepts: []*glossary.Concept{{ID: "qiao", ZH: "桥", Pinyin: "qiáo", PinyinGenerated: true, Renderings: []*glossary.Rendering{
			{EN: "bridge", Status: glossary.Superseded, StatusIn: map[string]glossary.Status{"plain": glossary.Preferred, "formal": glossary.Admitted},
				Phrase: "noun", Context: &glossary.Context{Require: []string{"the _ over", "* _ toll"}, Exclude: []string{"_ club"}}},
			{EN: "cross", Status: glossary.Admitted, Phrase: "verb", Context: &glossary.Context{Require: []string{}}},
			{EN: "{ordinal} bridge", Status: glossary.Admitted, Context: &glossary.Context{Exclude: []string{"_ of"}}},
		}}},
	}
	out, err := Marshal(g, "")
	if err != nil {
		t.Fatal(err)
	}
	want := `styles:
  formal: {description: f}
  plain: {description: p}

concepts:

  - id: qiao
    zh: 桥
    renderings:
      - en: bridge
        status: superseded
        status_in: {formal: admitted, plain: preferred}
        phrase: noun
        context:
          require: [the _ over, "* _ toll"]
          exclude: [_ club]
      - en: cross
        status: admitted
        phrase: verb
      - en: "{ordinal} bridge"
        status: admitted
        context:
          exclude: [_ of]
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if formatted, err := Format("marshal.yaml", out); err != nil || !bytes.Equal(formatted, out) {
		t.Errorf("Marshal's output is not in the layout Format writes (%v):\n%s", err, formatted)
	}
}

// TestMarshalKind writes a concept's kind after its pinyin, as Format
// lays it out, leaves out a kind not given (not "term": the glossary said
// nothing) and keeps a "term" that was written; a kind the glossary
// format does not know is refused.
func TestMarshalKind(t *testing.T) {
	g := &glossary.Glossary{Concepts: []*glossary.Concept{
		{ID: "zhengzhiju", ZH: "政治局", Pinyin: "zhèngzhìjú", Kind: glossary.KindName, Gloss: "the Political Bureau",
			Renderings: []*glossary.Rendering{{EN: "Political Bureau", Status: glossary.Preferred}}},
		{ID: "xin-jumian", ZH: "新局面", Pinyin: "xīn júmiàn", PinyinGenerated: true, Kind: glossary.KindPhrase,
			Renderings: []*glossary.Rendering{{EN: "new situation", Status: glossary.Admitted}}},
		{ID: "zhoubian", ZH: "周边", Pinyin: "zhōubiān", PinyinGenerated: true, Kind: glossary.KindTerm,
			Renderings: []*glossary.Rendering{{EN: "neighborhood", Status: glossary.Preferred}}},
		{ID: "waijiao", ZH: "外交", Pinyin: "wàijiāo", PinyinGenerated: true,
			Renderings: []*glossary.Rendering{{EN: "diplomacy", Status: glossary.Preferred}}},
	}}
	out, err := Marshal(g, "")
	if err != nil {
		t.Fatal(err)
	}
	want := `concepts:

  - id: zhengzhiju
    zh: 政治局
    pinyin: zhèngzhìjú
    kind: name
    gloss: the Political Bureau
    renderings:
      - en: Political Bureau
        status: preferred

  - id: xin-jumian
    zh: 新局面
    kind: phrase
    renderings:
      - en: new situation
        status: admitted

  - id: zhoubian
    zh: 周边
    kind: term
    renderings:
      - en: neighborhood
        status: preferred

  - id: waijiao
    zh: 外交
    renderings:
      - en: diplomacy
        status: preferred
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if formatted, err := Format("marshal.yaml", out); err != nil || !bytes.Equal(formatted, out) {
		t.Errorf("Marshal's output is not in the layout Format writes (%v):\n%s", err, formatted)
	}
	back, ps := glossary.Parse("marshal.yaml", out)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	for i, k := range []glossary.Kind{glossary.KindName, glossary.KindPhrase, glossary.KindTerm, ""} {
		if got := back.Concepts[i].Kind; got != k {
			t.Errorf("%s reads back with kind %q, want %q", back.Concepts[i].ID, got, k)
		}
	}

	g.Concepts[0].Kind = "slogan"
	if out, err := Marshal(g, ""); err == nil || !strings.Contains(err.Error(), `concept "zhengzhiju" has kind "slogan"; it must be one of term, name, phrase`) || out != nil {
		t.Errorf("Marshal of an unknown kind: %v, wrote %q; want an error naming the kinds", err, out)
	}
}
