package printer_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker/printer"
)

// reviewdogModule pins the reviewdog release the consumer test runs, in
// its go.mod (the one place its version is kept) and go.sum.
const reviewdogModule = "testdata/reviewdog"

// buildReviewdog builds the pinned reviewdog into dir. The first build
// downloads reviewdog's modules through the module proxy; later ones come
// from the build cache.
func buildReviewdog(t *testing.T, dir string) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the reviewdog test needs the go command: %v", err)
	}
	mod, err := filepath.Abs(reviewdogModule)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "reviewdog")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command(goTool, "build", "-o", bin, "github.com/reviewdog/reviewdog/cmd/reviewdog")
	build.Dir = mod
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly -buildvcs=false")
	if out, err := build.CombinedOutput(); err != nil {
		// No skip: a CI without the module proxy must not pass this test
		// unseen. go test -short skips it.
		t.Fatalf("cannot build reviewdog from %s (the module proxy must be reachable the first time; go test -short skips this test): %v\n%s", reviewdogModule, err, out)
	}
	version, err := exec.Command(goTool, "-C", mod, "list", "-m", "-f", "{{.Version}}", "github.com/reviewdog/reviewdog").Output()
	if err == nil {
		t.Logf("reviewdog %s", bytes.TrimSpace(version))
	}
	return bin
}

// TestReviewdog feeds the fixtures' findings in sarif, rdjsonl and
// checkstyle to a real consumer, reviewdog, as a project with one runner
// per format, and checks that with -reporter=local it reports every
// finding at its path, line and column with its message: the column in
// code points for SARIF (columnKind unicodeCodePoints) and Checkstyle, in
// UTF-8 bytes for rdjsonl, whose unit that is.
func TestReviewdog(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not building reviewdog to read termlint's sarif, rdjsonl and checkstyle output")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the reviewdog project's runners are sh commands")
	}
	dir := t.TempDir()
	bin := buildReviewdog(t, t.TempDir())
	report := fixtureReport(t)
	// reviewdog resolves SARIF's paths against %SRCROOT% and prints them
	// relative to its working directory, dir, as it would a checkout's.
	report.SourceRoot = dir
	runners := []struct {
		name, file string
		p          printer.Printer
		// byteColumns is whether the format counts columns in bytes.
		byteColumns bool
	}{
		{"termlint-sarif", "termlint.sarif", printer.SARIF{}, false},
		{"termlint-rdjsonl", "termlint.rdjsonl", printer.RDJSONL{}, true},
		{"termlint-checkstyle", "termlint.xml", printer.Checkstyle{}, false},
	}
	format := map[string]string{"termlint-sarif": "sarif", "termlint-rdjsonl": "rdjsonl", "termlint-checkstyle": "checkstyle"}
	var conf strings.Builder
	conf.WriteString("runner:\n")
	for _, r := range runners {
		var buf bytes.Buffer
		if err := r.p.Print(&buf, report); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, r.file), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&conf, "  %s:\n    cmd: cat %s\n    format: %s\n", r.name, r.file, format[r.name])
	}
	if err := os.WriteFile(filepath.Join(dir, ".reviewdog.yml"), []byte(conf.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	// Without -diff, the local reporter compares with no diff and so
	// filters nothing; nofilter says so. No git repository is needed: the
	// SARIF reader resolves relative URIs against the working directory
	// when git finds no repository.
	stdout := runReviewdog(t, bin, dir, "-reporter=local")
	var want []string
	shifted := 0 // findings whose byte and code point columns differ
	for _, r := range runners {
		for _, f := range report.Findings {
			col := f.Column
			if r.byteColumns {
				col = byteColumn(t, report.Texts[f.File], f.Line, f.Column)
				if col != f.Column {
					shifted++
				}
			}
			msg := f.Message
			if len(f.Suggestions) > 0 {
				msg += " (use: " + strings.Join(f.Suggestions, " or ") + ")"
			}
			want = append(want, fmt.Sprintf("%s:%d:%d: [%s] %s", f.File, f.Line, col, r.name, msg))
		}
	}
	if shifted == 0 {
		t.Fatal("no finding of the fixtures has Chinese before it on its line, so columns are not put to the test")
	}
	got := strings.Split(strings.TrimSpace(stdout), "\n")
	slices.Sort(got) // the runners run concurrently
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("reviewdog reports:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The fixes reach reviewdog as suggestions, from SARIF's fixes and
	// from rdjsonl's suggestions (Checkstyle has none): reviewdog's
	// rdjsonl reporter shows what it read. Its runners write concurrently,
	// so two objects may share a line: decode the stream, not lines.
	type position struct{ Line, Column int }
	var suggested []string
	dec := json.NewDecoder(strings.NewReader(runReviewdog(t, bin, dir, "-reporter=rdjsonl")))
	for dec.More() {
		var d struct {
			Suggestions []struct {
				Range struct{ Start, End position }
				Text  string
			}
			OriginalOutput string `json:"original_output"`
		}
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("reviewdog -reporter=rdjsonl: %v", err)
		}
		// Source names the tool, termlint, in both formats; what
		// reviewdog read tells them apart.
		from := "rdjsonl"
		if strings.Contains(d.OriginalOutput, `"ruleId"`) {
			from = "sarif"
		}
		for _, s := range d.Suggestions {
			suggested = append(suggested, fmt.Sprintf("%s %d:%d-%d:%d %s", from, s.Range.Start.Line, s.Range.Start.Column, s.Range.End.Line, s.Range.End.Column, s.Text))
		}
	}
	slices.Sort(suggested)
	var wantSuggested []string
	for _, f := range report.Findings {
		if f.Fix == "" {
			continue
		}
		// SARIF's columns are code points and reviewdog keeps them;
		// rdjsonl's are bytes.
		text := report.Texts[f.File]
		wantSuggested = append(wantSuggested,
			fmt.Sprintf("sarif %d:%d-%d:%d %s", f.Line, f.Column, f.EndLine, f.EndColumn, f.Fix),
			fmt.Sprintf("rdjsonl %d:%d-%d:%d %s", f.Line, byteColumn(t, text, f.Line, f.Column), f.EndLine, byteColumn(t, text, f.EndLine, f.EndColumn), f.Fix))
	}
	slices.Sort(wantSuggested)
	if len(wantSuggested) == 0 {
		t.Fatal("no finding of the fixtures has a fix")
	}
	if !slices.Equal(suggested, wantSuggested) {
		t.Errorf("reviewdog read the suggestions\n%s\nwant\n%s", strings.Join(suggested, "\n"), strings.Join(wantSuggested, "\n"))
	}
}

// runReviewdog runs reviewdog over the project in dir with a reporter and
// returns its standard output.
func runReviewdog(t *testing.T, bin, dir, reporter string) string {
	t.Helper()
	cmd := exec.Command(bin, "-conf", ".reviewdog.yml", reporter, "-filter-mode=nofilter")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("reviewdog %s: %v\n%s%s", reporter, err, stdout.String(), stderr.String())
	}
	t.Logf("reviewdog %s:\n%s", reporter, stdout.String())
	return stdout.String()
}

// byteColumn is the 1-based UTF-8 byte column of code point column col on
// line of text, counted here independently of the printer.
func byteColumn(t *testing.T, text []byte, line, col int) int {
	t.Helper()
	lines := strings.Split(string(text), "\n")
	if line > len(lines) {
		t.Fatalf("no line %d", line)
	}
	runes := []rune(lines[line-1])
	if col-1 > len(runes) {
		t.Fatalf("no column %d on line %d", col, line)
	}
	return len(string(runes[:col-1])) + 1
}
