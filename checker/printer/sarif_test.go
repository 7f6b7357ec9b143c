package printer_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/printer"
	"github.com/termlint/termlint/internal/sarifschema"
)

func printSARIF(t *testing.T, r *printer.Report) *sarif.Report {
	t.Helper()
	var buf bytes.Buffer
	if err := (printer.SARIF{}).Print(&buf, r); err != nil {
		t.Fatal(err)
	}
	sarifschema.Validate(t, buf.Bytes())
	log, err := sarif.FromBytes(buf.Bytes())
	if err != nil {
		t.Fatalf("SARIF output does not parse: %v\n%s", err, buf.String())
	}
	return log
}

// TestSARIF checks the log against the official SARIF 2.1.0 schema
// (printSARIF) and checks what GitHub code scanning reads from it.
func TestSARIF(t *testing.T) {
	report := fixtureReport(t)
	log := printSARIF(t, report)
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	driver := run.Tool.Driver
	if *driver.Name != "termlint" || *driver.Version != testVersion || driver.InformationURI == nil {
		t.Errorf("driver: name %q, version %q, informationUri %v", *driver.Name, *driver.Version, driver.InformationURI)
	}
	if run.ColumnKind == nil || *run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %v, want unicodeCodePoints", run.ColumnKind)
	}
	rules := checker.DefaultRules()
	if len(driver.Rules) != len(rules) {
		t.Fatalf("%d rules described, want %d", len(driver.Rules), len(rules))
	}
	for i, rule := range rules {
		d := driver.Rules[i]
		if *d.ID != rule.Name || *d.ShortDescription.Text != rule.Doc {
			t.Errorf("rule %d: id %q, description %q", i, *d.ID, *d.ShortDescription.Text)
		}
	}
	untranslated := slices.IndexFunc(rules, func(r *checker.Rule) bool { return r.Name == "untranslated" })
	if got := driver.Rules[untranslated].DefaultConfiguration.Level; got != "note" {
		t.Errorf("untranslated's default level %q, want note (an info rule)", got)
	}

	findings := slices.Clone(report.Findings)
	checker.Sort(findings)
	if len(run.Results) != len(findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(findings))
	}
	for i, res := range run.Results {
		f := findings[i]
		if *res.RuleID != f.Rule || *driver.Rules[res.RuleIndex].ID != f.Rule {
			t.Errorf("result %d: ruleId %q, ruleIndex %d, want %s", i, *res.RuleID, res.RuleIndex, f.Rule)
		}
		wantLevel := map[checker.Severity]string{checker.SeverityWarning: "warning", checker.SeverityInfo: "note"}[f.Severity]
		if res.Level != wantLevel {
			t.Errorf("result %d: level %q, want %q", i, res.Level, wantLevel)
		}
		loc := res.Locations[0].PhysicalLocation
		reg := loc.Region
		if *loc.ArtifactLocation.URI != f.File || *reg.StartLine != f.Line || *reg.StartColumn != f.Column ||
			*reg.EndLine != f.EndLine || *reg.EndColumn != f.EndColumn {
			t.Errorf("result %d at %s %d:%d-%d:%d, want %s %d:%d-%d:%d", i, *loc.ArtifactLocation.URI,
				*reg.StartLine, *reg.StartColumn, *reg.EndLine, *reg.EndColumn, f.File, f.Line, f.Column, f.EndLine, f.EndColumn)
		}
		if len(res.RelatedLocations) != len(f.Related) {
			t.Errorf("result %d: %d related locations, want %d", i, len(res.RelatedLocations), len(f.Related))
		}
		for j, rel := range f.Related {
			got := res.RelatedLocations[j].PhysicalLocation
			if *got.ArtifactLocation.URI != rel.File || *got.Region.StartLine != rel.Line || *got.Region.StartColumn != rel.Column {
				t.Errorf("result %d: related location %d is not %+v", i, j, rel)
			}
		}
		// Properties termlint has no value for are left out.
		var props map[string]any
		if res.Properties != nil {
			props = res.Properties.Properties
		}
		prop := func(key string) string { s, _ := props[key].(string); return s }
		if prop("concept") != f.Concept || prop("zh") != f.ZH || prop("rendering") != f.Rendering {
			t.Errorf("result %d: properties %v", i, props)
		}
		if f.Fix == "" {
			if len(res.Fixes) != 0 {
				t.Errorf("result %d: a fix without Finding.Fix", i)
			}
			continue
		}
		if len(res.Fixes) != 1 || len(res.Fixes[0].ArtifactChanges) != 1 || len(res.Fixes[0].ArtifactChanges[0].Replacements) != 1 {
			t.Fatalf("result %d: fixes %+v, want one replacement", i, res.Fixes)
		}
		change := res.Fixes[0].ArtifactChanges[0]
		repl := change.Replacements[0]
		del := repl.DeletedRegion
		if *change.ArtifactLocation.URI != f.File || *del.StartLine != f.Line || *del.StartColumn != f.Column ||
			*del.EndLine != f.EndLine || *del.EndColumn != f.EndColumn || *repl.InsertedContent.Text != f.Fix {
			t.Errorf("result %d: fix replaces %+v with %q, want the finding's span with %q", i, del, *repl.InsertedContent.Text, f.Fix)
		}
	}
}

// TestSARIFFingerprints checks that a finding keeps its partial
// fingerprint when lines above it come and go, and that repeats of one
// finding in a file are told apart.
func TestSARIFFingerprints(t *testing.T) {
	at := func(line int) checker.Finding {
		return checker.Finding{Rule: "deprecated", Severity: checker.SeverityWarning, File: "a.md", Line: line, Column: 3, EndLine: line, EndColumn: 21,
			Text: "One Belt, One Road", Concept: "yidai-yilu", ZH: "一带一路"}
	}
	other := at(1)
	other.Text = "OBOR"
	fingerprints := func(findings ...checker.Finding) []string {
		var fps []string
		for _, res := range printSARIF(t, &printer.Report{Findings: findings}).Runs[0].Results {
			fps = append(fps, res.PartialFingerprints["termlint/v1"])
		}
		return fps
	}
	before := fingerprints(at(2), other, at(9))
	after := fingerprints(at(5), other, at(40))
	if !slices.Equal(before, after) {
		t.Errorf("fingerprints changed with the lines: %v, then %v", before, after)
	}
	if len(before) != 3 || before[0] == "" || before[0] == before[2] || slices.Contains(before[1:], before[0]) {
		t.Errorf("fingerprints do not tell findings apart: %v", before)
	}
}

// TestSARIFURIs checks that paths become URI references a SARIF reader
// can resolve.
func TestSARIFURIs(t *testing.T) {
	for path, want := range map[string]string{
		"docs/draft.md":        "docs/draft.md",
		"docs/my draft#2.md":   "docs/my%20draft%232.md",
		"译稿/周边.md":             "%E8%AF%91%E7%A8%BF/%E5%91%A8%E8%BE%B9.md",
		"/srv/texts/draft.txt": "file:///srv/texts/draft.txt",
		// A colon in the first segment would make it a scheme.
		"co:lon.md":            "./co:lon.md",
		"dir/co:lon.md":        "dir/co:lon.md",
		"x\n::error file=a.md": "./x%0A::error%20file=a.md",
		"100%.md":              "100%25.md",
	} {
		log := printSARIF(t, &printer.Report{Findings: []checker.Finding{{Rule: "deprecated", Severity: checker.SeverityWarning, File: path, Line: 1, Column: 1, EndLine: 1, EndColumn: 2}}})
		if got := *log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != want {
			t.Errorf("%q: uri %q, want %q", path, got, want)
		}
	}
}

// TestSARIFFingerprintsFromSubfolder checks that a finding keeps its
// fingerprint whether termlint ran at the repository's top or in a
// subfolder of it, as its location relative to %SRCROOT% does.
func TestSARIFFingerprintsFromSubfolder(t *testing.T) {
	root := filepath.Join(string(filepath.Separator), "src", "repo")
	fingerprint := func(workDir, file string) string {
		f := checker.Finding{Rule: "deprecated", Severity: checker.SeverityWarning, File: file, Line: 4, Column: 1, EndLine: 4, EndColumn: 5,
			Text: "OBOR", Concept: "yidai-yilu", ZH: "一带一路"}
		log := printSARIF(t, &printer.Report{SourceRoot: root, WorkDir: workDir, Findings: []checker.Finding{f}})
		return log.Runs[0].Results[0].PartialFingerprints["termlint/v1"]
	}
	top := fingerprint(root, filepath.Join("docs", "a.md"))
	if sub := fingerprint(filepath.Join(root, "docs"), "a.md"); sub != top {
		t.Errorf("fingerprint %s from docs/, %s from the top", sub, top)
	}
	if other := fingerprint(root, filepath.Join("docs", "b.md")); other == top {
		t.Errorf("two files share the fingerprint %s", top)
	}
}
