package printer

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/termlint/termlint/checker"
)

// Where SARIF and rdjsonl consumers send people to learn about termlint
// and its rules.
const (
	informationURI = "https://github.com/termlint/termlint"
	rulesURI       = informationURI + "#termlint-check-path"
)

// fingerprintKey names SARIF partial fingerprints computed by termlint;
// the version changes if the recipe does.
const fingerprintKey = "termlint/v1"

// SARIF prints a SARIF 2.1.0 log through go-sarif, for GitHub code
// scanning and other SARIF viewers: one run with every rule described
// (id = rule name), columns in Unicode code points, and per finding its
// region, related locations, a fix when the finding has one, termlint's
// fields as properties, and a partial fingerprint that survives the
// finding moving to another line.
type SARIF struct{}

// Print implements Printer. The log is written around its results, which
// are made and written one at a time, each indented as encoding/json
// indents the whole log, so that the output of a run with many findings
// is never held in memory.
func (SARIF) Print(w io.Writer, r *Report) error {
	log := sarif.NewReport()
	run := newSARIFRun(r)
	log.AddRun(run)
	// The log without results, cut where they go.
	frame := newIndented("")
	var b bytes.Buffer
	if err := frame.encode(&b, log); err != nil {
		return err
	}
	head, tail, ok := bytes.Cut(b.Bytes(), []byte(sarifNoResults))
	if !ok {
		return fmt.Errorf("SARIF log without %q", sarifNoResults)
	}
	bw := bufio.NewWriterSize(w, writeBuffer)
	bw.Write(head)
	bw.WriteString(sarifResultsStart)
	out := r.sorted()
	enc := newIndented(sarifResultIndent)
	fingerprints := newFingerprints()
	for i, f := range out {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n" + sarifResultIndent)
		if err := enc.encode(bw, sarifResult(run, f, fingerprints)); err != nil {
			return err
		}
	}
	if len(out) > 0 {
		bw.WriteString("\n" + sarifResultIndent[:len(sarifResultIndent)-2])
	}
	bw.WriteString("]")
	bw.Write(tail)
	bw.WriteString("\n")
	return bw.Flush()
}

// Where a run's results go in the log as encoding/json indents it: the
// run's "results" member, six spaces in, each result eight.
const (
	sarifNoResults    = `"results": []`
	sarifResultsStart = `"results": [`
	sarifResultIndent = "        "
)

// sarifResult is finding f as a result of run; fingerprints must see the
// findings in output order.
func sarifResult(run *sarif.Run, f checker.Finding, fingerprints *fingerprints) *sarif.Result {
	res := sarif.NewRuleResult(f.Rule).WithRuleIndex(run.GetRuleIndex(f.Rule)).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(message(f))).
		AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(sarif.NewSimpleArtifactLocation(artifactURI(f.File))).
			WithRegion(findingRegion(f).WithSnippet(sarif.NewArtifactContent().WithText(f.Text))))).
		WithPartialFingerprints(map[string]string{fingerprintKey: fingerprints.next(f)})
	for i, rel := range f.Related {
		res.AddRelatedLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(sarif.NewSimpleArtifactLocation(artifactURI(rel.File))).
			WithRegion(sarif.NewRegion().WithStartLine(rel.Line).WithStartColumn(rel.Column))).
			WithID(i + 1).
			WithMessage(sarif.NewTextMessage(rel.Text)))
	}
	if f.Fix != "" {
		res.AddFixe(sarif.NewFix().
			WithDescription(sarif.NewTextMessage("Replace with " + strconv.Quote(f.Fix))).
			AddArtifactChange(sarif.NewArtifactChange().
				WithArtifactLocation(sarif.NewSimpleArtifactLocation(artifactURI(f.File))).
				AddReplacement(sarif.NewReplacement().
					WithDeletedRegion(findingRegion(f)).
					WithInsertedContent(sarif.NewArtifactContent().WithText(f.Fix)))))
	}
	props := sarif.NewPropertyBag().
		Add("concept", f.Concept).
		Add("zh", f.ZH).
		Add("rendering", f.Rendering).
		Add("suggestions", nonNil(f.Suggestions))
	return res.WithProperties(props)
}

func sarifLevel(s checker.Severity) string {
	return severityWord(s, sarif.LevelError, sarif.LevelWarning, sarif.LevelNote)
}

// findingRegion is the span of a finding; SARIF's endColumn, like
// termlint's, is the column after the span.
func findingRegion(f checker.Finding) *sarif.Region {
	return sarif.NewRegion().
		WithStartLine(f.Line).WithStartColumn(f.Column).
		WithEndLine(f.EndLine).WithEndColumn(f.EndColumn)
}

// artifactURI turns a finding's path into a URI reference: a relative
// path stays relative (to the directory check ran in, which in CI is the
// repository's root), an absolute one becomes a file URI, and characters a
// URI cannot hold are percent-encoded. A relative path whose first
// segment has a colon starts with "./", so that co:lon.md is not read as
// a URI of scheme co (RFC 3986, section 4.2).
func artifactURI(path string) string {
	slashed := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // C:/x on Windows
		}
		return (&url.URL{Scheme: "file", Path: slashed}).String()
	}
	return (&url.URL{Path: slashed}).String()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// fingerprints computes partial fingerprints that identify a finding
// without its line or column, so that GitHub code scanning matches an
// alert across runs when lines above it are added or removed: a hash of
// the file, rule, concept and text, and the finding's ordinal among the
// findings sharing that hash, so that repeats stay apart.
type fingerprints struct{ seen map[string]int }

func newFingerprints() *fingerprints { return &fingerprints{seen: make(map[string]int)} }

// next returns the fingerprint of f; findings must come in file order.
func (p *fingerprints) next(f checker.Finding) string {
	sum := sha256.Sum256([]byte(strings.Join([]string{f.File, f.Rule, f.Concept, f.Text}, "\x00")))
	hash := hex.EncodeToString(sum[:16])
	p.seen[hash]++
	return hash + ":" + strconv.Itoa(p.seen[hash])
}

// newSARIFRun returns the run of a report's log without its results: the
// tool, its version and the rules.
func newSARIFRun(r *Report) *sarif.Run {
	run := sarif.NewRunWithInformationURI("termlint", informationURI).WithColumnKind("unicodeCodePoints")
	if r.Version != "" {
		run.Tool.Driver.WithVersion(r.Version)
	}
	for _, rule := range r.rules() {
		run.AddRule(rule.Name).
			WithDescription(rule.Doc).
			WithHelpURI(rulesURI).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(rule.Severity)))
	}
	return run
}
