package printer_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/printer"
)

// awkward is a finding whose message and path hold every character the
// line and XML formats must escape.
var awkward = checker.Finding{
	Rule: "deprecated", Severity: checker.SeverityError,
	File: "dir,1/a:b.md", Line: 3, Column: 5, EndLine: 3, EndColumn: 9,
	Message:     "100% \"wrong\", <said> the 'editor' & left:\r\nsee below",
	Suggestions: []string{"x, y"},
}

func printOne(t *testing.T, p printer.Printer, f checker.Finding) string {
	t.Helper()
	var buf bytes.Buffer
	if err := p.Print(&buf, &printer.Report{Files: 1, Findings: []checker.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestGitHubEscaping checks the escapes of the Actions runner: in the
// message %, CR and LF; in property values also : and ,.
func TestGitHubEscaping(t *testing.T) {
	got := printOne(t, printer.GitHub{}, awkward)
	want := "::error file=dir%2C1/a%3Ab.md,line=3,col=5,endLine=3,endColumn=9,title=termlint deprecated::" +
		"100%25 \"wrong\", <said> the 'editor' & left:%0D%0Asee below (use: x, y)\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestGitHubLevels(t *testing.T) {
	for sev, want := range map[checker.Severity]string{
		checker.SeverityError: "::error ", checker.SeverityWarning: "::warning ", checker.SeverityInfo: "::notice ",
	} {
		f := awkward
		f.Severity = sev
		if got := printOne(t, printer.GitHub{}, f); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want it to start with %q", sev, got, want)
		}
	}
}

// TestCheckstyleEscaping checks that the XML is well formed and gives
// back the message and path exactly, line break included.
func TestCheckstyleEscaping(t *testing.T) {
	out := printOne(t, printer.Checkstyle{}, awkward)
	var doc struct {
		Version string `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if doc.Version != "4.3" || len(doc.Files) != 1 || len(doc.Files[0].Errors) != 1 {
		t.Fatalf("document %+v", doc)
	}
	e := doc.Files[0].Errors[0]
	if doc.Files[0].Name != awkward.File || e.Line != 3 || e.Column != 5 || e.Severity != "error" || e.Source != "termlint.deprecated" {
		t.Errorf("error %+v in %q", e, doc.Files[0].Name)
	}
	if want := awkward.Message + " (use: x, y)"; e.Message != want {
		t.Errorf("message %q, want %q", e.Message, want)
	}
	_, attr, _ := strings.Cut(out, `message="`)
	// The value ends at the first quotation mark; "& " is a bare
	// ampersand, not the start of an escape.
	attr, _, _ = strings.Cut(attr, `"`)
	for _, raw := range []string{"<", "& ", "'", "\n", "\r"} {
		if strings.Contains(attr, raw) {
			t.Errorf("%q is not escaped in message=%q", raw, attr)
		}
	}
	if !strings.Contains(attr, "see below (use: x, y)") {
		t.Errorf("message=%q ends early: a quotation mark is not escaped", attr)
	}
}

func TestCheckstyleLevels(t *testing.T) {
	for sev, want := range map[checker.Severity]string{
		checker.SeverityError: `severity="error"`, checker.SeverityWarning: `severity="warning"`, checker.SeverityInfo: `severity="info"`,
	} {
		f := awkward
		f.Severity = sev
		if got := printOne(t, printer.Checkstyle{}, f); !strings.Contains(got, want) {
			t.Errorf("%s: %s lacks %s", sev, got, want)
		}
	}
}

// TestCheckstyleNoFindings checks that a clean run is still a document.
func TestCheckstyleNoFindings(t *testing.T) {
	var buf bytes.Buffer
	if err := (printer.Checkstyle{}).Print(&buf, &printer.Report{Files: 3}); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(buf.Bytes(), new(struct{})); err != nil || !strings.Contains(buf.String(), `<checkstyle version="4.3">`) {
		t.Errorf("%v: %s", err, buf.String())
	}
}

// TestRDJSONLColumns checks that rdjsonl columns are UTF-8 byte columns,
// as reviewdog.proto says, where a line has Chinese before the finding and
// the code point columns differ; a file whose text the report lacks keeps
// its columns.
func TestRDJSONLColumns(t *testing.T) {
	text := "第一行\n据简报（周边工作）, periphery work 𐐀x\n"
	f := checker.Finding{Rule: "inconsistent", Severity: checker.SeverityWarning, File: "a.md", Line: 2, Column: 12, EndLine: 2, EndColumn: 26,
		Related: []checker.Related{{File: "a.md", Line: 2, Column: 28}, {File: "b.md", Line: 4, Column: 7}}}
	var buf bytes.Buffer
	if err := (printer.RDJSONL{}).Print(&buf, &printer.Report{Findings: []checker.Finding{f}, Texts: map[string][]byte{"a.md": []byte(text)}}); err != nil {
		t.Fatal(err)
	}
	type pos struct{ Line, Column int }
	var d struct {
		Location struct {
			Range struct{ Start, End pos }
		}
		RelatedLocations []struct {
			Location struct {
				Range struct{ Start pos }
			}
		} `json:"related_locations"`
	}
	if err := json.Unmarshal(buf.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	// 据简报（周边工作）, is 9 three-byte characters, a comma and a space;
	// 𐐀 is four bytes.
	if got, want := d.Location.Range, (struct{ Start, End pos }{pos{2, 30}, pos{2, 44}}); got != want {
		t.Errorf("range %+v, want %+v", got, want)
	}
	if got := d.RelatedLocations[0].Location.Range.Start; got != (pos{2, 49}) {
		t.Errorf("related location in a.md at %+v, want 2:49 (after the four-byte 𐐀)", got)
	}
	if got := d.RelatedLocations[1].Location.Range.Start; got != (pos{4, 7}) {
		t.Errorf("related location in b.md, whose text is unknown, at %+v, want 4:7", got)
	}
}

// hostile is a finding in a file whose name forges a workflow command,
// on a line with a terminal escape sequence and a bidirectional override.
var hostile = checker.Finding{
	Rule: "deprecated", Severity: checker.SeverityWarning,
	File: "x\n::error file=README.md::forged\n.md", Line: 1, Column: 5, EndLine: 1, EndColumn: 9,
	Message:     "\"OBOR\x1b[2J\" is deprecated",
	Suggestions: []string{"Belt\u202e and Road"},
}

// TestTextEscapesNamesAndContent checks that the text format writes the
// control characters of names, messages, quoted lines and suggestions as
// Go escapes, so that each finding is its own lines.
func TestTextEscapesNamesAndContent(t *testing.T) {
	var buf bytes.Buffer
	r := &printer.Report{Files: 1, Findings: []checker.Finding{hostile},
		Texts: map[string][]byte{hostile.File: []byte("Say OBOR\x1b[2J\u0085 now.\r\n")}}
	if err := (printer.Text{}).Print(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := `x\n::error file=README.md::forged\n.md:1:5: warning deprecated: "OBOR\x1b[2J" is deprecated` + "\n" +
		`  | Say OBOR\x1b[2J\u0085 now.` + "\n" +
		`  = use: Belt\u202e and Road` + "\n" +
		"1 finding (0 errors, 1 warning, 0 info) in 1 file\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestGitHubEscapesControls checks that the github format percent-encodes
// line breaks by the runner's rules and writes the other control
// characters as the text format does.
func TestGitHubEscapesControls(t *testing.T) {
	got := printOne(t, printer.GitHub{}, hostile)
	want := "::warning file=x%0A%3A%3Aerror file=README.md%3A%3Aforged%0A.md,line=1,col=5,endLine=1,endColumn=9,title=termlint deprecated::" +
		`"OBOR\x1b[2J" is deprecated (use: Belt\u202e and Road)` + "\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestCheckstyleEscapesControls checks that control characters XML
// cannot hold show as the text format shows them, not as U+FFFD.
func TestCheckstyleEscapesControls(t *testing.T) {
	out := printOne(t, printer.Checkstyle{}, hostile)
	for _, want := range []string{`name="x&#xA;::error file=README.md::forged&#xA;.md"`, `message="&#34;OBOR\x1b[2J&#34; is deprecated (use: Belt\u202e and Road)"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
}
