package printer_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/checker/printer"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/* with what the printers print now")

// fixtures are the files the golden outputs are printed from.
var fixtures = []string{"testdata/notes.md", "testdata/catalogue.po"}

// testVersion stands in for termlint's version in SARIF output, so that
// the golden files do not change with every build.
const testVersion = "0.0.0-test"

// fixtureReport checks the fixtures with the default glossary, as
// termlint check does, and gives the deprecated finding a fix if the
// checker did not.
func fixtureReport(t testing.TB) *printer.Report {
	t.Helper()
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatalf("default glossary: %v", problems)
	}
	c := checker.New(g)
	var files []*checker.File
	for _, path := range fixtures {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := input.Read(path, data)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, c.Scan(doc))
	}
	findings, err := c.Check(files, checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rules := make(map[string]int)
	fixes := 0
	for _, f := range findings {
		rules[f.Rule]++
		if f.Fix != "" {
			fixes++
		}
	}
	if fixes == 0 {
		t.Error("no finding carries a fix: the golden files would not cover fixes")
	}
	// The fixtures are written to give these findings; if the glossary or
	// the rules change so that they do not, the golden files would stop
	// covering what they are for.
	want := map[string]int{"inconsistent": 1, "deprecated": 1, "missing": 1, "untranslated": 1}
	for rule, n := range want {
		if rules[rule] != n {
			t.Fatalf("fixtures gave %d %s findings, want %d: %+v", rules[rule], rule, n, findings)
		}
	}
	report := printer.NewReport(files, findings, testVersion)
	// A made-up checkout, so that SARIF's golden file does not name the
	// machine it was written on.
	report.SourceRoot = "/src/termlint"
	return report
}

// TestGolden prints the fixtures' findings in every format and compares
// the output with testdata/golden/FORMAT.golden; -update rewrites them.
func TestGolden(t *testing.T) {
	report := fixtureReport(t)
	for _, format := range printer.Formats() {
		t.Run(format.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := format.New(printer.Options{}).Print(&buf, report); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", format.Name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s output differs from %s (go test -update rewrites it):\n%s", format.Name, path, buf.String())
			}
		})
	}
}

// TestGoldenCoversEveryFormat keeps testdata/golden in step with the
// registry: no golden file for a format that is gone.
func TestGoldenCoversEveryFormat(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".golden")
		if _, ok := printer.Lookup(name); !ok {
			t.Errorf("testdata/golden/%s: no format %q", e.Name(), name)
		}
	}
}

// TestPrintersKeepInputOrder checks that no printer sorts the caller's
// findings in place.
func TestPrintersKeepInputOrder(t *testing.T) {
	report := fixtureReport(t)
	n := len(report.Findings)
	report.Findings[0], report.Findings[n-1] = report.Findings[n-1], report.Findings[0]
	first := report.Findings[0]
	for _, format := range printer.Formats() {
		if err := format.New(printer.Options{}).Print(&bytes.Buffer{}, report); err != nil {
			t.Fatal(err)
		}
		if report.Findings[0].File != first.File || report.Findings[0].Line != first.Line {
			t.Errorf("%s reordered the report's findings", format.Name)
		}
	}
}

func TestNames(t *testing.T) {
	if got, want := printer.Names(), "text, json, sarif, github, checkstyle or rdjsonl"; got != want {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	if _, ok := printer.Lookup("xml"); ok {
		t.Error(`Lookup("xml") found a format`)
	}
}
