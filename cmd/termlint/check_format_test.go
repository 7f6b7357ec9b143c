package main

import (
	"encoding/json"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/termlint/termlint/checker/printer"
	"github.com/termlint/termlint/internal/sarifschema"
)

// formatParsers read each --format's output back and count its findings,
// failing the test when the output does not parse.
var formatParsers = map[string]func(t *testing.T, out string) int{
	"text": func(t *testing.T, out string) int {
		summary := regexp.MustCompile(`(?m)^(\d+) findings? \(\d+ errors?, \d+ warnings?, \d+ info\) in \d+ files?\n\z`).FindStringSubmatch(out)
		if summary == nil {
			t.Fatalf("no summary line at the end:\n%s", out)
		}
		return strings.Count(out, "\n  = use: ")
	},
	"json": func(t *testing.T, out string) int {
		var v struct {
			Version  int
			Findings []json.RawMessage
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil || v.Version != printer.JSONVersion {
			t.Fatalf("version %d, %v:\n%s", v.Version, err, out)
		}
		return len(v.Findings)
	},
	"sarif": func(t *testing.T, out string) int {
		sarifschema.Validate(t, []byte(out))
		log, err := sarif.FromString(out)
		if err != nil {
			t.Fatal(err)
		}
		return len(log.Runs[0].Results)
	},
	"github": func(t *testing.T, out string) int {
		command := regexp.MustCompile(`^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=termlint [a-z-]+::[^\r\n]+$`)
		n := 0
		for line := range strings.Lines(out) {
			if !command.MatchString(strings.TrimSuffix(line, "\n")) {
				t.Errorf("not a workflow command: %q", line)
			}
			n++
		}
		return n
	},
	"checkstyle": func(t *testing.T, out string) int {
		var v struct {
			Files []struct {
				Errors []struct{} `xml:"error"`
			} `xml:"file"`
		}
		if err := xml.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range v.Files {
			n += len(f.Errors)
		}
		return n
	},
	"rdjsonl": func(t *testing.T, out string) int {
		n := 0
		for line := range strings.Lines(out) {
			var d struct{ Message string }
			if err := json.Unmarshal([]byte(line), &d); err != nil || d.Message == "" {
				t.Errorf("not a diagnostic (%v): %q", err, line)
			}
			n++
		}
		return n
	},
}

// TestCheckFormats runs check in every format the registry has, over a
// draft with three findings and a text with none, and reads the output
// back.
func TestCheckFormats(t *testing.T) {
	for _, format := range printer.Formats() {
		parse := formatParsers[format.Name]
		if parse == nil {
			t.Errorf("format %s has no parser in this test", format.Name)
			continue
		}
		t.Run(format.Name, func(t *testing.T) {
			for _, tt := range []struct {
				path    string
				code, n int
			}{
				{"../../testdata/examples/draft.txt", 1, 3},
				{"../../testdata/examples/mixed.txt", 0, 0},
			} {
				code, out, errOut := runCLI(t, "check", "--format", format.Name, tt.path)
				if code != tt.code || errOut != "" {
					t.Errorf("%s: exit %d, stderr %q; want %d", tt.path, code, errOut, tt.code)
				}
				if n := parse(t, out); n != tt.n {
					t.Errorf("%s: %d findings in the output, want %d:\n%s", tt.path, n, tt.n, out)
				}
			}
		})
	}
}

func TestCheckFormatUnknown(t *testing.T) {
	code, out, errOut := runCLI(t, "check", "-f", "xml", "../../testdata/examples/slip.txt")
	want := `termlint: invalid --format "xml": use text, json, sarif, github, checkstyle or rdjsonl` + "\n"
	if code != 2 || out != "" || errOut != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errOut, want)
	}
}
