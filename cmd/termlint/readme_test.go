package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/termlint/termlint/internal/iostreams"
)

var updateREADME = flag.Bool("update", false, "rewrite the console examples of README.md and docs/*.md with what termlint prints now")

// TestREADMEExamples runs every "$ termlint ..." line of the console blocks
// of README.md and docs/*.md and compares what a terminal would show with
// what the documentation shows, so that the documentation cannot drift
// from the tool. With -update the files' outputs and statuses are
// rewritten instead, for review with git diff.
func TestREADMEExamples(t *testing.T) {
	t.Chdir("../..") // documentation paths are relative to the repository root
	files := docFiles(t)
	total := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc := strings.Split(string(data), "\n")
		examples, problems := parseConsoleExamples(doc)
		for _, p := range problems {
			t.Errorf("%s:%s", name, p)
		}
		total += len(examples)
		for i := len(examples) - 1; i >= 0; i-- { // from the end, so splicing keeps earlier line numbers
			ex := examples[i]
			shown, code := ex.run()
			if *updateREADME {
				if ex.codeLine >= 0 {
					doc[ex.codeLine] = strconv.Itoa(code)
				}
				doc = slices.Replace(doc, ex.outStart, ex.outEnd, strings.Split(strings.TrimRight(shown, "\n"), "\n")...)
				continue
			}
			for _, problem := range ex.compare(shown, code) {
				t.Errorf("%s:%d: %s", name, ex.outStart, problem)
			}
		}
		if *updateREADME {
			if err := os.WriteFile(name, []byte(strings.Join(doc, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if total < 50 {
		t.Errorf("found %d console examples in %s; the documentation has more", total, strings.Join(files, ", "))
	}
}

// docFiles returns README.md and every docs/*.md, the files whose console
// examples are checked.
func docFiles(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob("docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{"README.md"}, docs...)
}

// consoleExample is one "$ termlint ..." line of a console block with the
// output and status the documentation shows for it.
type consoleExample struct {
	args []string
	// pipe is "head" or "tail" when the example pipes standard output
	// through head -N or tail -N, with N in pipeN.
	pipe  string
	pipeN int
	// output is what the documentation shows after the command.
	output string
	code   int // -1 when the documentation does not say
	// outStart and outEnd delimit the output lines in the file, codeLine
	// is the line holding the status (-1 if none), for -update.
	outStart, outEnd, codeLine int
}

var pipeSuffix = regexp.MustCompile(`\s*\|\s*(head|tail) -(?:n\s*)?(\d+)$`)

// parseConsoleExamples finds the examples of the ```console blocks of a
// Markdown file. A "$ echo $?" line gives the status of the example before
// it; after a pipe it would print the status of head or tail, not of
// termlint, so it is a problem there. Problems start with a line number.
func parseConsoleExamples(doc []string) (examples []consoleExample, problems []string) {
	problem := func(i int, format string, a ...any) {
		problems = append(problems, fmt.Sprintf("%d: ", i+1)+fmt.Sprintf(format, a...))
	}
	inBlock, statusNext := false, false
	last := -1 // the example output lines belong to, in this block
	for i, line := range doc {
		switch {
		case line == "```console":
			inBlock, last = true, -1
		case !inBlock:
		case line == "```":
			inBlock = false
		case line == "$ echo $?":
			switch {
			case last < 0:
				problem(i, "echo $? without a termlint command before it")
			case examples[last].pipe != "":
				problem(i, "echo $? after a pipe prints the status of %s, not of termlint; show termlint's status without the pipe", examples[last].pipe)
			default:
				statusNext = true // the next line is the status of the last example
			}
		case statusNext:
			code, err := strconv.Atoi(line)
			if err != nil {
				problem(i, "%q after echo $? is not a status", line)
			}
			examples[last].code, examples[last].codeLine = code, i
			statusNext = false
			last = -1 // output after the status belongs to no example
		case strings.HasPrefix(line, "$ termlint "):
			ex := consoleExample{code: -1, outStart: i + 1, outEnd: i + 1, codeLine: -1}
			cmd := strings.TrimPrefix(line, "$ termlint ")
			if m := pipeSuffix.FindStringSubmatch(cmd); m != nil {
				ex.pipe = m[1]
				ex.pipeN, _ = strconv.Atoi(m[2])
				cmd = cmd[:len(cmd)-len(m[0])]
			}
			if strings.ContainsAny(cmd, "|<>;&") {
				problem(i, "the test understands only | head -N and | tail -N: %s", line)
			}
			ex.args = splitArgs(cmd)
			examples = append(examples, ex)
			last = len(examples) - 1
		case strings.HasPrefix(line, "$ "):
			problem(i, "the test runs only termlint and echo $?: %s", line)
		case last >= 0:
			examples[last].output += line + "\n"
			examples[last].outEnd = i + 1
		default:
			problem(i, "output that belongs to no command: %q", line)
		}
	}
	return examples, problems
}

// run runs the example's command in this process and returns what a
// terminal would show and termlint's exit status.
func (ex consoleExample) run() (shown string, code int) {
	var log streamLog
	ios, _, _, _ := iostreams.Test()
	ios.Out, ios.ErrOut = log.writer(false), log.writer(true)
	code = run(ex.args, ios)
	return log.terminal(ex.pipe, ex.pipeN), code
}

// compare returns how the documentation's output and status differ from
// those shown and returned.
func (ex consoleExample) compare(shown string, code int) []string {
	var problems []string
	cmd := "$ termlint " + strings.Join(ex.args, " ")
	if ex.pipe != "" {
		cmd += fmt.Sprintf(" | %s -%d", ex.pipe, ex.pipeN)
	}
	if strings.TrimRight(shown, "\n") != strings.TrimRight(ex.output, "\n") {
		problems = append(problems, fmt.Sprintf("%s\n--- the documentation shows:\n%s\n--- a terminal shows:\n%s", cmd, ex.output, shown))
	}
	if ex.code >= 0 && code != ex.code {
		problems = append(problems, fmt.Sprintf("%s: exit %d, the documentation says %d", cmd, code, ex.code))
	}
	return problems
}

// streamLog records what a command writes to standard output and standard
// error in the order it writes it, as one pipe or a terminal receives it.
type streamLog struct {
	mu     sync.Mutex
	chunks []chunk
}

// chunk is one write to one of the two streams.
type chunk struct {
	stderr bool
	data   []byte
}

func (l *streamLog) writer(stderr bool) *streamWriter {
	return &streamWriter{log: l, stderr: stderr}
}

// streamWriter is one stream of a streamLog.
type streamWriter struct {
	log    *streamLog
	stderr bool
}

func (w *streamWriter) Write(p []byte) (int, error) {
	w.log.mu.Lock()
	defer w.log.mu.Unlock()
	w.log.chunks = append(w.log.chunks, chunk{w.stderr, bytes.Clone(p)})
	return len(p), nil
}

// terminal returns what a terminal shows when standard output goes through
// pipe ("", "head" or "tail") with n lines and standard error goes to the
// terminal directly: head passes the first n lines of standard output on
// as they come; tail prints the last n once termlint has exited, after
// everything termlint wrote to standard error.
func (l *streamLog) terminal(pipe string, n int) string {
	var shown, stdout strings.Builder
	passed := 0 // lines head has passed on
	for _, c := range l.chunks {
		switch {
		case c.stderr || pipe == "":
			shown.Write(c.data)
		case pipe == "head":
			for line := range strings.Lines(string(c.data)) {
				if passed < n {
					shown.WriteString(line)
				}
				if strings.HasSuffix(line, "\n") {
					passed++
				}
			}
		default:
			stdout.Write(c.data)
		}
	}
	if pipe == "tail" {
		lines := strings.SplitAfter(strings.TrimSuffix(stdout.String(), "\n"), "\n")
		if stdout.Len() == 0 {
			lines = nil
		}
		shown.WriteString(strings.Join(lines[max(0, len(lines)-n):], ""))
		if stdout.Len() > 0 {
			shown.WriteString("\n")
		}
	}
	return shown.String()
}

// splitArgs splits a command line at spaces, keeping double-quoted words
// together.
func splitArgs(s string) []string {
	var args []string
	var b strings.Builder
	quoted, started := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
			started = true
		case r == ' ' && !quoted:
			if started {
				args = append(args, b.String())
				b.Reset()
				started = false
			}
		default:
			b.WriteRune(r)
			started = true
		}
	}
	if started {
		args = append(args, b.String())
	}
	return args
}

// TestConsoleExamplesAsATerminalShowsThem is a test of TestREADMEExamples:
// a documented output with standard error in the wrong place, without it,
// or an "echo $?" after a pipe is a difference; the output as a terminal
// shows it is not.
func TestConsoleExamplesAsATerminalShowsThem(t *testing.T) {
	t.Chdir("../..")
	const (
		notice  = `termlint: testdata/examples/sheet.csv: no column named "原文"; the header has id, source text, target text`
		summary = "0 findings (0 errors, 0 warnings, 0 info) in 0 files"
		command = "$ termlint check --zh-column 原文 testdata/examples/sheet.csv"
	)
	for _, tc := range []struct {
		name, doc string
		wantDiff  bool
	}{
		{"as written", command + "\n" + notice + "\n" + summary + "\n$ echo $?\n2", false},
		{"stderr last", command + "\n" + summary + "\n" + notice + "\n$ echo $?\n2", true},
		{"stderr left out", command + "\n" + summary + "\n$ echo $?\n2", true},
		{"wrong status", command + "\n" + notice + "\n" + summary + "\n$ echo $?\n0", true},
		{"tail shows stderr first", command + " | tail -1\n" + notice + "\n" + summary, false},
		{"tail without stderr", command + " | tail -1\n" + summary, true},
		{"head passes stdout as it comes", command + " | head -1\n" + notice + "\n" + summary, false},
		{"status of the pipe", command + " | tail -1\n" + notice + "\n" + summary + "\n$ echo $?\n2", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Split("```console\n"+tc.doc+"\n```", "\n")
			examples, problems := parseConsoleExamples(doc)
			for _, ex := range examples {
				shown, code := ex.run()
				problems = append(problems, ex.compare(shown, code)...)
			}
			if len(examples) != 1 {
				t.Fatalf("%d examples, want 1", len(examples))
			}
			if got := len(problems) > 0; got != tc.wantDiff {
				t.Errorf("problems %q, want a difference: %v", problems, tc.wantDiff)
			}
		})
	}
}

// TestDocsLinks checks the links of README.md and docs/*.md that stay in
// the repository: the file linked to exists, and an anchor is a heading
// of that file (as GitHub makes anchors of headings) or an explicit
// <a id>, so that moving a section cannot leave a link behind.
func TestDocsLinks(t *testing.T) {
	t.Chdir("../..")
	anchors := map[string]map[string]bool{} // file -> its anchors
	for _, name := range docFiles(t) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range markdownLinks(string(data)) {
			target, fragment, _ := strings.Cut(l.target, "#")
			path := name
			if target != "" {
				path = filepath.Join(filepath.Dir(name), target)
			}
			if _, err := os.Stat(path); err != nil {
				t.Errorf("%s:%d: link to %s: %v", name, l.line, l.target, err)
				continue
			}
			if fragment == "" {
				continue
			}
			if anchors[path] == nil {
				anchors[path] = markdownAnchors(t, path)
			}
			if !anchors[path][fragment] {
				t.Errorf("%s:%d: link to %s: %s has no heading or <a id> %q", name, l.line, l.target, path, fragment)
			}
		}
	}
}

// docLink is a Markdown link's target and the line it is on.
type docLink struct {
	target string
	line   int
}

var (
	linkTarget = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	explicitID = regexp.MustCompile(`<a id="([^"]+)">`)
)

// markdownLinks returns the links of a Markdown text outside code blocks,
// except those to other sites.
func markdownLinks(markdown string) []docLink {
	var links []docLink
	fenced := false
	for i, line := range strings.Split(markdown, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if fenced {
			continue
		}
		for _, m := range linkTarget.FindAllStringSubmatch(line, -1) {
			if !strings.Contains(m[1], "://") && !strings.HasPrefix(m[1], "mailto:") {
				links = append(links, docLink{m[1], i + 1})
			}
		}
	}
	return links
}

// markdownAnchors returns the anchors of a Markdown file: its headings as
// GitHub makes anchors of them, and its <a id="..."> elements.
func markdownAnchors(t *testing.T, path string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	fenced := false
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if fenced {
			continue
		}
		for _, m := range explicitID.FindAllStringSubmatch(line, -1) {
			anchors[m[1]] = true
		}
		if heading := strings.TrimLeft(line, "#"); heading != line && strings.HasPrefix(heading, " ") {
			anchors[headingAnchor(heading)] = true
		}
	}
	return anchors
}

// headingAnchor is the anchor GitHub gives a heading: lower case, spaces
// as hyphens, punctuation other than hyphens and underscores dropped.
func headingAnchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
