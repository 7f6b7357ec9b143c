package corpus_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

func defaultGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatal(problems)
	}
	return g
}

func generate(t testing.TB, opts corpus.Options) []corpus.File {
	t.Helper()
	var files []corpus.File
	if err := corpus.Generate(defaultGlossary(t), opts, func(f corpus.File) error {
		files = append(files, f)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return files
}

func small(seed uint64, slipEvery int) corpus.Options {
	return corpus.Options{Size: 300_000, Seed: seed, SlipEvery: slipEvery, LiteralShare: 0.3, MinFile: 5_000, MaxFile: 20_000}
}

func TestGenerateIsReproducible(t *testing.T) {
	a, b := generate(t, small(1, 50)), generate(t, small(1, 50))
	if !slices.EqualFunc(a, b, func(x, y corpus.File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }) {
		t.Fatal("two runs with the same options differ")
	}
	other := generate(t, small(2, 50))
	if bytes.Equal(a[0].Data, other[0].Data) {
		t.Error("seeds 1 and 2 wrote the same first file")
	}
	var total int
	paths := map[string]bool{}
	for _, f := range a {
		total += len(f.Data)
		if paths[f.Path] {
			t.Errorf("%s written twice", f.Path)
		}
		paths[f.Path] = true
		if len(f.Data) < 5_000 || len(f.Data) > 20_000+2_000 {
			t.Errorf("%s has %d bytes, want about 5,000 to 20,000", f.Path, len(f.Data))
		}
	}
	if total < 300_000 || total > 300_000+22_000 {
		t.Errorf("corpus of %d bytes, want about 300,000", total)
	}
}

// check runs termlint's rules over the files, each file its own scope.
func check(t *testing.T, files []corpus.File) []checker.Finding {
	t.Helper()
	c := checker.New(defaultGlossary(t))
	var scanned []*checker.File
	for _, f := range files {
		doc, err := input.Read(f.Path, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Format != input.Markdown || doc.Bilingual() {
			t.Fatalf("%s read as %v (bilingual %v), want English Markdown", f.Path, doc.Format, doc.Bilingual())
		}
		scanned = append(scanned, c.Scan(doc))
	}
	findings, err := c.Check(scanned, checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return findings
}

// Every finding in the corpus comes from a slip: a file without slips is
// written in one house style throughout.
func TestFindingsComeFromSlips(t *testing.T) {
	if findings := check(t, generate(t, small(3, 0))); len(findings) > 0 {
		t.Errorf("%d findings without slips; first: %s:%d: %s", len(findings), findings[0].File, findings[0].Line, findings[0].Message)
	}
	findings := check(t, generate(t, small(3, 50)))
	if len(findings) == 0 {
		t.Fatal("no findings with one slip in 50 mentions")
	}
	for _, f := range findings {
		if f.Rule != "inconsistent" && f.Rule != "deprecated" {
			t.Errorf("%s:%d: a slip reported as %s: %s", f.File, f.Line, f.Rule, f.Message)
		}
	}
}

// The template sentences carry no rendering of their own: the corpus's
// renderings are all slotted in, where the generator controls them.
func TestTemplatesMentionNoConcept(t *testing.T) {
	c := checker.New(defaultGlossary(t))
	for _, text := range corpus.Templates() {
		text = strings.ReplaceAll(text, "{}", "X")
		doc, err := input.ReadAs("template.txt", []byte(text), input.PlainText)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range c.Scan(doc).Occurrences {
			t.Errorf("%q has %q, a rendering of %s", text, text[o.Start:o.End], o.Readings[0].Concept.ID)
		}
	}
}

func TestSyntheticGlossaryLoads(t *testing.T) {
	def := defaultGlossary(t)
	data := corpus.Synthetic(3000, 1, def)
	if !bytes.Equal(data, corpus.Synthetic(3000, 1, def)) {
		t.Fatal("two synthetic glossaries with the same seed differ")
	}
	alone, problems := glossary.Load([]glossary.Input{{Name: "synthetic.yaml", Data: data}}, glossary.ValidateOptions{})
	if len(problems) > 0 {
		t.Fatalf("by itself: %v", problems)
	}
	if len(alone.Concepts) != 3000 {
		t.Errorf("%d concepts, want 3000", len(alone.Concepts))
	}
	for _, c := range alone.Concepts {
		if n := len([]rune(c.ZH)); n < 2 || n > 6 {
			t.Errorf("%s: zh %q has %d characters, want 2 to 6", c.ID, c.ZH, n)
		}
		if c.PinyinGenerated || c.Pinyin == "" {
			t.Errorf("%s: pinyin not written", c.ID)
		}
		if c.Preferred("official") == nil || c.Preferred("literal") == nil {
			t.Errorf("%s: no preferred rendering in each style", c.ID)
		}
		for _, r := range c.Renderings {
			if n := len(strings.Fields(r.EN)); n < 2 || n > 4 {
				t.Errorf("%s: rendering %q has %d words, want 2 to 4", c.ID, r.EN, n)
			}
		}
	}
	merged, problems := glossary.Load([]glossary.Input{termlint.DefaultInput(), {Name: "synthetic.yaml", Data: data}}, glossary.ValidateOptions{})
	if len(problems) > 0 {
		t.Fatalf("after the default glossary: %v", problems)
	}
	if want := len(def.Concepts) + 3000; len(merged.Concepts) != want {
		t.Errorf("merged: %d concepts, want %d", len(merged.Concepts), want)
	}
}

func TestRenderings(t *testing.T) {
	g := defaultGlossary(t)
	got := corpus.Renderings(g)
	for _, want := range []string{"neighborhood diplomacy", "Belt and Road Initiative", "BRI", "One Belt, One Road"} {
		if !slices.Contains(got, want) {
			t.Errorf("renderings lack %q", want)
		}
	}
	sorted := slices.Sorted(slices.Values(got))
	if len(slices.Compact(sorted)) != len(got) {
		t.Error("a rendering is listed twice")
	}
}

func TestPairs(t *testing.T) {
	ps := corpus.Pairs(defaultGlossary(t), 200, 1, 0)
	if len(ps) != 200 {
		t.Fatalf("%d pairs, want 200", len(ps))
	}
	for _, p := range ps {
		if strings.Contains(p.ZH, "{}") || strings.Contains(p.EN, "{}") || p.ZH == "" || p.EN == "" {
			t.Errorf("unfilled pair %+v", p)
		}
	}
	if !slices.Equal(ps, corpus.Pairs(defaultGlossary(t), 200, 1, 0)) {
		t.Error("two runs with the same seed differ")
	}
}
