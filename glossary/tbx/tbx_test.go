package tbx_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/glossary/tbx"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// loadSmall loads testdata/small.yaml, the glossary written for these
// tests.
func loadSmall(t *testing.T) *glossary.Glossary {
	t.Helper()
	data, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g, problems := glossary.Load([]glossary.Input{{Name: "testdata/small.yaml", Data: data}}, glossary.ValidateOptions{})
	if g == nil || len(problems) > 0 {
		t.Fatalf("testdata/small.yaml does not load cleanly: %v", problems)
	}
	return g
}

func loadDefault(t *testing.T) *glossary.Glossary {
	t.Helper()
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatalf("terms.yaml does not load: %v", problems)
	}
	return g
}

func write(t *testing.T, g *glossary.Glossary, version int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := tbx.Write(&b, g, version); err != nil {
		t.Fatalf("Write v%d: %v", version, err)
	}
	return b.Bytes()
}

// TestGolden compares the export of small.yaml with the golden files;
// go test -update rewrites them.
func TestGolden(t *testing.T) {
	g := loadSmall(t)
	for _, version := range []int{3, 2} {
		got := write(t, g, version)
		golden := filepath.Join("testdata", fmt.Sprintf("small.v%d.tbx", version))
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to write it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("the v%d export of small.yaml differs from %s (run go test -update and review the diff)", version, golden)
		}
		// The same glossary is written the same way twice.
		if again := write(t, g, version); !bytes.Equal(again, got) {
			t.Errorf("two v%d exports of one glossary differ", version)
		}
	}
}

// TestRoundTrip writes small.yaml and the default glossary as v3 and v2,
// reads them back and finds every field as it was.
func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    *glossary.Glossary
	}{{"small.yaml", loadSmall(t)}, {"terms.yaml", loadDefault(t)}} {
		for _, version := range []int{3, 2} {
			t.Run(fmt.Sprintf("%s/v%d", tc.name, version), func(t *testing.T) {
				name := fmt.Sprintf("export.v%d.tbx", version)
				got, problems, err := tbx.Read(name, write(t, tc.g, version))
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range problems {
					t.Errorf("reading termlint's own export: %s", p)
				}
				// What the loader fills in (generated pinyin) is filled in
				// again, as loading the imported glossary would.
				merged := glossary.Merge(got)
				if diff := firstDiff(tc.g, merged); diff != "" {
					t.Fatalf("the round trip changes %s", diff)
				}
				if errs := validationErrors(merged); len(errs) > 0 {
					t.Errorf("the glossary read back does not validate: %v", errs)
				}
			})
		}
	}
}

// TestReadEarlierLayout reads the exports of small.yaml by earlier termlint
// versions (testdata/earlier: a sourceDesc per source, and in v3 refs of
// type relatedConcept) and finds the glossary as the current layout gives
// it, without a warning: files exported before still import.
func TestReadEarlierLayout(t *testing.T) {
	want := loadSmall(t)
	for _, version := range []int{3, 2} {
		name := fmt.Sprintf("testdata/earlier/small.v%d.tbx", version)
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if version == 3 && (bytes.Count(data, []byte("<sourceDesc>")) < 2 || !bytes.Contains(data, []byte(`type="relatedConcept"`))) {
			t.Fatalf("%s is not in the earlier layout", name)
		}
		got, problems, err := tbx.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("reading %s: %s", name, p)
		}
		if diff := firstDiff(want, glossary.Merge(got)); diff != "" {
			t.Errorf("%s: reading the earlier layout changes %s", name, diff)
		}
	}
}

// TestFirstDiff makes sure the comparison of the round trip can fail, and
// names the field.
func TestFirstDiff(t *testing.T) {
	a, b := loadSmall(t), loadSmall(t)
	if d := firstDiff(a, b); d != "" {
		t.Fatalf("two loads of small.yaml differ: %s", d)
	}
	b.Concepts[0].Renderings[1].Seen[0].Quote = "changed"
	want := `concepts[0].renderings[1].seen[0].Quote: "harbor <sic>" became "changed"`
	if d := firstDiff(a, b); d != want {
		t.Errorf("firstDiff = %s, want %s", d, want)
	}
	b = loadSmall(t)
	b.Concepts[1].Parts = nil
	if d := firstDiff(a, b); d != "concepts[1].Parts: 2 items became 0" {
		t.Errorf("firstDiff = %s", d)
	}
}

func validationErrors(g *glossary.Glossary) glossary.Problems {
	var errs glossary.Problems
	for _, p := range glossary.Validate(g, glossary.ValidateOptions{}) {
		if p.Severity == glossary.Error {
			errs = append(errs, p)
		}
	}
	return errs
}

// firstDiff compares two glossaries field by field, positions and
// unexported fields aside, nil and empty lists alike, and describes the
// first difference.
func firstDiff(want, got *glossary.Glossary) string {
	for _, part := range []struct {
		name string
		a, b any
	}{{"sources", want.Sources, got.Sources}, {"styles", want.Styles, got.Styles}, {"concepts", want.Concepts, got.Concepts}} {
		if d := diffValue(part.name, reflect.ValueOf(part.a), reflect.ValueOf(part.b)); d != "" {
			return d
		}
	}
	return ""
}

func diffValue(path string, a, b reflect.Value) string {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": one side is missing"
			}
			return ""
		}
		return diffValue(path, a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d items became %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := diffValue(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if !f.IsExported() || f.Name == "Pos" {
				continue
			}
			if d := diffValue(fieldPath(path, f), a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %#v became %#v", path, a.Interface(), b.Interface())
		}
	}
	return ""
}

// fieldPath names a field as the YAML does for lists ("renderings") and by
// its Go name for values.
func fieldPath(path string, f reflect.StructField) string {
	switch f.Name {
	case "Renderings", "Seen", "Examples":
		tag := f.Tag.Get("json")
		if i := bytes.IndexByte([]byte(tag), ','); i >= 0 {
			tag = tag[:i]
		}
		return path + "." + tag
	}
	return path + "." + f.Name
}
