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
	"regexp"
	"strconv"
	"strings"

	"github.com/termlint/termlint/checker"
)

// Where SARIF and rdjsonl consumers send people to learn about termlint
// and its rules.
const (
	informationURI = "https://github.com/termlint/termlint"
	rulesURI       = informationURI + "/blob/main/docs/check.md#rules"
)

// fingerprintKey names SARIF partial fingerprints computed by termlint;
// the version changes if the recipe does.
const fingerprintKey = "termlint/v1"

// srcRoot is the base id of artifact locations inside Report.SourceRoot,
// the name GitHub code scanning and other viewers know for a checkout.
const srcRoot = "%SRCROOT%"

// SARIF prints a SARIF 2.1.0 log, for GitHub code scanning and other
// SARIF viewers: one run with every rule described (id = rule name, with
// help on what it reports and how to fix or suppress it), columns in
// Unicode code points, files relative to %SRCROOT%, and per finding its
// region, related locations, a fix when the finding has one, termlint's
// fields as properties, and a partial fingerprint that survives the
// finding moving to another line. Properties SARIF lets a log leave out
// are left out when termlint has nothing to say in them.
type SARIF struct{}

// Print implements Printer. The log is written around its results, which
// are made and written one at a time, each indented as encoding/json
// indents the whole log, so that the output of a run with many findings
// is never held in memory.
func (SARIF) Print(w io.Writer, r *Report) error {
	run := newSARIFRun(r)
	// The log without results, cut where they go.
	frame := newIndented("")
	var b bytes.Buffer
	if err := frame.encode(&b, newSARIFLog(run)); err != nil {
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
		if err := enc.encode(bw, newSARIFResult(run, r, f, fingerprints)); err != nil {
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

// newSARIFLog is the log of one run.
func newSARIFLog(run *sarifRun) *sarifLog {
	return &sarifLog{
		Schema:  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
		Version: "2.1.0",
		Runs:    []*sarifRun{run},
	}
}

// newSARIFRun returns the run of a report's log without its results: the
// tool, its version, the rules and the source root.
func newSARIFRun(r *Report) *sarifRun {
	driver := sarifDriver{
		Name:            "termlint",
		Version:         r.Version,
		SemanticVersion: semanticVersion(r.Version),
		InformationURI:  informationURI,
	}
	for _, rule := range r.rules() {
		driver.Rules = append(driver.Rules, newSARIFRule(rule))
	}
	run := &sarifRun{Tool: sarifTool{Driver: driver}, ColumnKind: "unicodeCodePoints", Results: []*sarifResult{}}
	if r.SourceRoot != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{srcRoot: {URI: dirURI(r.SourceRoot)}}
	}
	return run
}

// newSARIFRule describes rule: its doc as short description, the first
// paragraph of its help as full description, and its help with how to
// suppress it, as Markdown and as plain text.
func newSARIFRule(rule *checker.Rule) sarifRule {
	help := rule.Help
	if help == "" {
		help = rule.Doc + "."
	}
	help += "\n\n" + suppressHelp(rule.Name)
	first, _, _ := strings.Cut(help, "\n\n")
	return sarifRule{
		ID:                   rule.Name,
		ShortDescription:     sarifMessage{Text: rule.Doc},
		FullDescription:      sarifMessage{Text: plainText(first)},
		Help:                 sarifMessage{Text: plainText(help), Markdown: help},
		HelpURI:              rulesURI,
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(rule.Severity)},
	}
}

// suppressHelp says, in Markdown, how to keep a rule's findings quiet:
// the same for every rule but for its name.
func suppressHelp(name string) string {
	return fmt.Sprintf("To suppress one finding, write `termlint:ignore %[1]s` on its line, "+
		"or `<!-- termlint-disable-next-line %[1]s -->` on the line before it in Markdown and HTML; "+
		"to accept the findings a repository has today and report only new ones, "+
		"record them with `termlint check --write-baseline FILE` and check with `--baseline FILE`. "+
		"To turn the rule off, pass `--rule %[1]s=off` or write `rules: {%[1]s: off}` in `.termlint.yaml`.", name)
}

// plainText is help Markdown as plain text: backquotes, its only markup,
// come off.
func plainText(markdown string) string { return strings.ReplaceAll(markdown, "`", "") }

// semverPattern is the regular expression semver.org gives for a
// version, without the leading "v" Go's module versions have.
var semverPattern = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// semanticVersion is version as SARIF's semanticVersion wants it
// ("1.2.0" for "v1.2.0", pseudo-versions included), or "" when version
// is no semantic version, such as a bare VCS revision.
func semanticVersion(version string) string {
	v := strings.TrimPrefix(version, "v")
	if !semverPattern.MatchString(v) {
		return ""
	}
	return v
}

// newSARIFResult is finding f as a result of run; fingerprints must see
// the findings in output order.
func newSARIFResult(run *sarifRun, r *Report, f checker.Finding, fingerprints *fingerprints) *sarifResult {
	at := r.artifact(f.File)
	res := &sarifResult{
		RuleID:  f.Rule,
		Level:   sarifLevel(f.Severity),
		Message: sarifMessage{Text: message(f)},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: at,
			Region:           findingRegion(f).withSnippet(f.Text),
		}}},
		PartialFingerprints: map[string]string{fingerprintKey: fingerprints.next(f, r.fingerprintPath(f.File))},
	}
	if props := (sarifProperties{Concept: f.Concept, ZH: f.ZH, Rendering: f.Rendering, Suggestions: f.Suggestions}); !props.empty() {
		res.Properties = &props
	}
	if i := run.ruleIndex(f.Rule); i >= 0 {
		res.RuleIndex = &i
	}
	for i, rel := range f.Related {
		loc := sarifLocation{ID: i + 1, PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: r.artifact(rel.File),
			Region:           sarifRegion{StartLine: rel.Line, StartColumn: rel.Column},
		}}
		if rel.Text != "" {
			loc.Message = &sarifMessage{Text: rel.Text}
		}
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}
	if f.Fix != "" {
		res.Fixes = []sarifFix{{
			Description: sarifMessage{Text: "Replace with " + strconv.Quote(f.Fix)},
			ArtifactChanges: []sarifArtifactChange{{
				ArtifactLocation: at,
				Replacements: []sarifReplacement{{
					DeletedRegion:   findingRegion(f),
					InsertedContent: sarifContent{Text: f.Fix},
				}},
			}},
		}}
	}
	return res
}

func sarifLevel(s checker.Severity) string {
	return severityWord(s, "error", "warning", "note")
}

// findingRegion is the span of a finding; SARIF's endColumn, like
// termlint's, is the column after the span.
func findingRegion(f checker.Finding) sarifRegion {
	return sarifRegion{StartLine: f.Line, StartColumn: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn}
}

// artifact locates the file at path, as a finding names it: inside the
// report's SourceRoot, relative to %SRCROOT%; elsewhere, or without a
// root, as artifactURI writes path.
func (r *Report) artifact(path string) sarifArtifactLocation {
	if rel, ok := r.rootRelative(path); ok {
		return sarifArtifactLocation{URI: artifactURI(rel), URIBaseID: srcRoot}
	}
	if r.SourceRoot != "" && !filepath.IsAbs(path) {
		path = filepath.Join(r.workDir(), path)
	}
	return sarifArtifactLocation{URI: artifactURI(path)}
}

// rootRelative is path relative to the report's SourceRoot, and whether
// it is inside it.
func (r *Report) rootRelative(path string) (string, bool) {
	if r.SourceRoot == "" {
		return "", false
	}
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(r.workDir(), path)
	}
	rel, err := filepath.Rel(r.SourceRoot, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// workDir is the directory relative finding paths start from.
func (r *Report) workDir() string {
	if r.WorkDir == "" {
		return r.SourceRoot
	}
	return r.WorkDir
}

// artifactURI turns a finding's path into a URI reference: a relative
// path stays relative, an absolute one becomes a file URI, and
// characters a URI cannot hold are percent-encoded. A relative path
// whose first segment has a colon starts with "./", so that co:lon.md is
// not read as a URI of scheme co (RFC 3986, section 4.2).
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

// dirURI is the file URI of the absolute directory dir, ending in a
// slash as SARIF wants a base URI to (section 3.14.14).
func dirURI(dir string) string {
	u := artifactURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// fingerprintPath is the path a finding's fingerprint hashes: relative to
// the source root, slash-separated, so that a run from a subfolder
// matches a run from the top; else the path as the finding names it.
func (r *Report) fingerprintPath(path string) string {
	if rel, ok := r.rootRelative(path); ok {
		return filepath.ToSlash(rel)
	}
	return path
}

// fingerprints computes partial fingerprints that identify a finding
// without its line or column, so that GitHub code scanning matches an
// alert across runs when lines above it are added or removed: a hash of
// the file, rule, concept and text, and the finding's ordinal among the
// findings sharing that hash, so that repeats stay apart.
type fingerprints struct{ seen map[string]int }

func newFingerprints() *fingerprints { return &fingerprints{seen: make(map[string]int)} }

// next returns the fingerprint of f in the file at path; findings must
// come in file order.
func (p *fingerprints) next(f checker.Finding, path string) string {
	sum := sha256.Sum256([]byte(strings.Join([]string{path, f.Rule, f.Concept, f.Text}, "\x00")))
	hash := hex.EncodeToString(sum[:16])
	p.seen[hash]++
	return hash + ":" + strconv.Itoa(p.seen[hash])
}
