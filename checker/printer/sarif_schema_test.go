package printer_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/printer"
	"github.com/termlint/termlint/internal/sarifschema"
)

// sarifDoc prints r as SARIF, validates the log against the official
// schema and returns it as a generic JSON value and as written.
func sarifDoc(t *testing.T, r *printer.Report) (doc any, raw []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := (printer.SARIF{}).Print(&buf, r); err != nil {
		t.Fatal(err)
	}
	return sarifschema.Validate(t, buf.Bytes()), buf.Bytes()
}

// TestSARIFOfficialSchema validates the log against the official SARIF
// 2.1.0 schema and checks what GitHub code scanning reads from it: rule
// help, locations relative to %SRCROOT%, no placeholders, and the
// version.
func TestSARIFOfficialSchema(t *testing.T) {
	report := fixtureReport(t)
	root := t.TempDir()
	report.SourceRoot = root
	report.WorkDir = filepath.Join(root, "sub")
	report.Version = "v1.4.0"
	doc, raw := sarifDoc(t, report)
	placeholders(t, "", doc)

	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Tool               struct {
				Driver struct {
					Version, SemanticVersion string
					Rules                    []struct {
						ID               string
						FullDescription  *struct{ Text string }
						Help             *struct{ Text, Markdown string }
						ShortDescription struct{ Text string }
					}
				}
			}
			Results []struct {
				Locations        []sarifLocation
				RelatedLocations []sarifLocation
			}
		}
	}
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	driver := run.Tool.Driver
	if driver.Version != "v1.4.0" || driver.SemanticVersion != "1.4.0" {
		t.Errorf("driver version %q, semanticVersion %q; want v1.4.0 and 1.4.0", driver.Version, driver.SemanticVersion)
	}
	if len(driver.Rules) == 0 {
		t.Fatal("no rules described")
	}
	for _, rule := range driver.Rules {
		switch {
		case rule.FullDescription == nil || len(rule.FullDescription.Text) <= len(rule.ShortDescription.Text):
			t.Errorf("rule %s: fullDescription %+v says no more than shortDescription", rule.ID, rule.FullDescription)
		case rule.Help == nil || rule.Help.Text == "" || rule.Help.Markdown == "":
			t.Errorf("rule %s: help %+v, want text and markdown", rule.ID, rule.Help)
		case !strings.Contains(rule.Help.Markdown, "termlint:ignore "+rule.ID) || !strings.Contains(rule.Help.Text, "--rule "+rule.ID+"=off"):
			t.Errorf("rule %s: help does not say how to suppress it:\n%s", rule.ID, rule.Help.Markdown)
		case strings.Contains(rule.Help.Text, "`"):
			t.Errorf("rule %s: help text has Markdown in it:\n%s", rule.ID, rule.Help.Text)
		}
	}
	wantRoot := "file://" + filepath.ToSlash(root) + "/"
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != wantRoot {
		t.Errorf("originalUriBaseIds %%SRCROOT%% is %q, want %q", got, wantRoot)
	}
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	for i, res := range run.Results {
		for _, loc := range append(res.Locations, res.RelatedLocations...) {
			a := loc.PhysicalLocation.ArtifactLocation
			if a.URIBaseID != "%SRCROOT%" || !strings.HasPrefix(a.URI, "sub/testdata/") {
				t.Errorf("result %d: artifact %+v, want sub/testdata/... under %%SRCROOT%%", i, a)
			}
		}
	}
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string
			URIBaseID string `json:"uriBaseId"`
		}
	}
}

// placeholders fails the test for each value SARIF lets a log leave out
// that the log writes anyway: -1 for "no index" and empty arrays.
func placeholders(t *testing.T, at string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			placeholders(t, at+"/"+k, x)
		}
	case []any:
		// An empty results array is not a placeholder: it says the run
		// found nothing, where no array would say it did not finish.
		if len(v) == 0 && !strings.HasSuffix(at, "/results") {
			t.Errorf("%s: an empty array", at)
		}
		for i, x := range v {
			placeholders(t, fmt.Sprintf("%s/%d", at, i), x)
		}
	case json.Number:
		if strings.HasPrefix(string(v), "-") {
			t.Errorf("%s: %s", at, v)
		}
	}
}

// TestSARIFArtifactLocations checks where a path points from %SRCROOT%:
// relative paths start from the working directory, absolute paths
// inside the root become relative, and paths outside it stay absolute
// file URIs without a base.
func TestSARIFArtifactLocations(t *testing.T) {
	root := filepath.Join(string(filepath.Separator), "src", "repo")
	for _, tc := range []struct {
		workDir, file, uri, base string
	}{
		{root, "draft.md", "draft.md", "%SRCROOT%"},
		{filepath.Join(root, "docs"), "a b.md", "docs/a%20b.md", "%SRCROOT%"},
		{filepath.Join(root, "docs"), "../other/x.md", "other/x.md", "%SRCROOT%"},
		{filepath.Join(root, "docs"), filepath.Join(root, "y.md"), "y.md", "%SRCROOT%"},
		{root, "../outside.md", "file:///src/outside.md", ""},
		{root, "/etc/z.md", "file:///etc/z.md", ""},
	} {
		report := &printer.Report{SourceRoot: root, WorkDir: tc.workDir, Findings: []checker.Finding{
			{Rule: "deprecated", Severity: checker.SeverityWarning, File: tc.file, Line: 1, Column: 1, EndLine: 1, EndColumn: 2},
		}}
		_, raw := sarifDoc(t, report)
		var log struct {
			Runs []struct {
				Results []struct{ Locations []sarifLocation }
			}
		}
		if err := json.Unmarshal(raw, &log); err != nil {
			t.Fatal(err)
		}
		got := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
		if got.URI != tc.uri || got.URIBaseID != tc.base {
			t.Errorf("%s from %s: uri %q base %q, want %q base %q", tc.file, tc.workDir, got.URI, got.URIBaseID, tc.uri, tc.base)
		}
	}
}
