package main

import (
	"flag"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/iostreams"
)

var updateREADME = flag.Bool("update", false, "rewrite README.md's console examples with what termlint prints now")

// TestREADMEExamples runs every "$ termlint ..." line of README.md's
// console blocks and compares its output (standard output, then standard
// error) with what the README shows, so the documentation cannot drift from
// the tool. "| head -N", "| tail -N" and a following "$ echo $?" are
// understood. With -update the README's outputs and statuses are rewritten
// instead, for review with git diff.
func TestREADMEExamples(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("../..") // README paths are relative to the repository root
	readme := strings.Split(string(data), "\n")
	examples := parseConsoleExamples(readme)
	if len(examples) < 5 {
		t.Fatalf("found %d console examples in README.md", len(examples))
	}
	for i := len(examples) - 1; i >= 0; i-- { // from the end, so splicing keeps earlier line numbers
		ex := examples[i]
		ios, _, out, errOut := iostreams.Test()
		code := run(ex.args, ios)
		got := out.String() + errOut.String()
		lines := strings.SplitAfter(strings.TrimSuffix(got, "\n"), "\n")
		switch {
		case ex.head > 0:
			got = strings.Join(lines[:min(ex.head, len(lines))], "")
		case ex.tail > 0:
			got = strings.Join(lines[max(0, len(lines)-ex.tail):], "")
		}
		if *updateREADME {
			if ex.codeLine >= 0 {
				readme[ex.codeLine] = strconv.Itoa(code)
			}
			readme = slices.Replace(readme, ex.outStart, ex.outEnd, strings.Split(strings.TrimRight(got, "\n"), "\n")...)
			continue
		}
		if strings.TrimRight(got, "\n") != strings.TrimRight(ex.output, "\n") {
			t.Errorf("README: $ termlint %s\n--- README shows:\n%s\n--- termlint prints:\n%s", strings.Join(ex.args, " "), ex.output, got)
		}
		if ex.code >= 0 && code != ex.code {
			t.Errorf("README: $ termlint %s: exit %d, README says %d", strings.Join(ex.args, " "), code, ex.code)
		}
	}
	if *updateREADME {
		if err := os.WriteFile("README.md", []byte(strings.Join(readme, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type consoleExample struct {
	args       []string
	head, tail int
	output     string
	code       int // -1 when the README does not say
	// outStart and outEnd delimit the output lines in the README, codeLine
	// is the line holding the status (-1 if none), for -update.
	outStart, outEnd, codeLine int
}

var headPipe = regexp.MustCompile(`\s*\|\s*(head|tail) -(?:n\s*)?(\d+)$`)

func parseConsoleExamples(readme []string) []consoleExample {
	var examples []consoleExample
	inBlock, statusNext := false, false
	last := -1 // the example output lines belong to, in this block
	for i, line := range readme {
		switch {
		case line == "```console":
			inBlock, last = true, -1
		case !inBlock:
		case line == "```":
			inBlock = false
		case line == "$ echo $?":
			statusNext = true // the next line is the status of the last example
		case statusNext:
			examples[last].code, _ = strconv.Atoi(line)
			examples[last].codeLine = i
			statusNext = false
		case strings.HasPrefix(line, "$ termlint "):
			cmd := strings.TrimPrefix(line, "$ termlint ")
			ex := consoleExample{code: -1, outStart: i + 1, outEnd: i + 1, codeLine: -1}
			if m := headPipe.FindStringSubmatch(cmd); m != nil {
				n, _ := strconv.Atoi(m[2])
				if m[1] == "head" {
					ex.head = n
				} else {
					ex.tail = n
				}
				cmd = cmd[:len(cmd)-len(m[0])]
			}
			ex.args = splitArgs(cmd)
			examples = append(examples, ex)
			last = len(examples) - 1
		case last >= 0:
			examples[last].output += line + "\n"
			examples[last].outEnd = i + 1
		}
	}
	return examples
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
