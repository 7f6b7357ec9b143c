package table_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/glossary/table"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// loadYAML loads a glossary file of testdata, failing the test on any
// problem.
func loadYAML(t *testing.T, name string) *glossary.Glossary {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	g, problems := glossary.Load([]glossary.Input{{Name: name, Data: data}}, glossary.ValidateOptions{})
	if g == nil || len(problems) > 0 {
		t.Fatalf("%s: %v", name, problems)
	}
	return g
}

func write(t *testing.T, g *glossary.Glossary, comma rune) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := table.Write(&buf, g, comma); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/name, or writes it there with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what Write writes:\n--- got\n%s--- want\n%s", path, got, want)
	}
}

func TestWriteGolden(t *testing.T) {
	for _, name := range []string{"small", "rendering-fields"} {
		g := loadYAML(t, name+".yaml")
		golden(t, name+".csv", write(t, g, ','))
		golden(t, name+".tsv", write(t, g, '\t'))
	}
}

// carried is what a table carries of a glossary: per concept its zh and
// per rendering en, status, styles, status per style, the sources it was
// seen in and note.
func carried(g *glossary.Glossary) []string {
	var out []string
	for _, c := range g.Concepts {
		for _, r := range c.Renderings {
			var sources []string
			for _, s := range r.Seen {
				if !slices.Contains(sources, s.Source) {
					sources = append(sources, s.Source)
				}
			}
			out = append(out, fmt.Sprintf("%s | %s | %s | %v %v | %v | %q", c.ZH, r.EN, r.Status, r.Styles, r.StatusIn, sources, r.Note))
		}
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	def, problems := termlint.LoadDefault()
	if def == nil {
		t.Fatal(problems)
	}
	for _, tc := range []struct {
		name string
		g    *glossary.Glossary
	}{{"small.yaml", loadYAML(t, "small.yaml")}, {"rendering-fields.yaml", loadYAML(t, "rendering-fields.yaml")}, {"terms.yaml", def}} {
		for _, comma := range []rune{',', '\t'} {
			t.Run(fmt.Sprintf("%s/%q", tc.name, comma), func(t *testing.T) {
				data := write(t, tc.g, comma)
				back, warnings, err := table.Read("exported", data, comma)
				if err != nil {
					t.Fatal(err)
				}
				if len(warnings) > 0 {
					t.Errorf("warnings: %v", warnings)
				}
				want, got := carried(tc.g), carried(back)
				if !slices.Equal(want, got) {
					t.Errorf("the round trip changed the glossary:\n--- got\n%s\n--- want\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				mustValidate(t, back)
				// Writing what was read gives the same table.
				if again := write(t, back, comma); !bytes.Equal(again, data) {
					t.Errorf("the table written again differs:\n%s\n---\n%s", again, data)
				}
			})
		}
	}
}

// mustValidate fails the test when the merged glossary has an error.
func mustValidate(t *testing.T, g *glossary.Glossary) {
	t.Helper()
	for _, p := range glossary.Validate(glossary.Merge(g), glossary.ValidateOptions{}) {
		if p.Severity == glossary.Error {
			t.Errorf("validate: %v", p)
		}
	}
}
