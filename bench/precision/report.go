package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// printTable prints the findings of each set by verdict, mode by mode,
// each mode ending with its total. Numbers are right-aligned; the mode and
// set columns are padded by hand so that they read left-aligned.
func printTable(w io.Writer, o *outcome) error {
	modeWidth, setWidth := len("mode"), len("total")
	for _, t := range o.Tallies {
		modeWidth, setWidth = max(modeWidth, len(t.Mode)), max(setWidth, len(t.Set))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 0, ' ', tabwriter.AlignRight)
	printCells(tw, pad("mode", modeWidth), pad("set", setWidth),
		"findings", "judged", "right", "wrong", "noise", "unjudged", "wrong %", "noise %")
	for _, mode := range o.Modes {
		for _, t := range o.Tallies {
			if t.Mode == mode {
				printRow(tw, t, modeWidth, setWidth)
			}
		}
		printRow(tw, o.modeTotal(mode), modeWidth, setWidth)
	}
	return tw.Flush()
}

// printRow prints one line of the table.
func printRow(w io.Writer, t tally, modeWidth, setWidth int) {
	printCells(w, pad(t.Mode, modeWidth), pad(t.Set, setWidth),
		strconv.Itoa(t.Findings), strconv.Itoa(t.judged()), strconv.Itoa(t.Right), strconv.Itoa(t.Wrong),
		strconv.Itoa(t.Noise), strconv.Itoa(t.Unjudged), share(t.Wrong, t.judged()), share(t.Noise, t.judged()))
}

// printCells prints one line of a right-aligning tabwriter, every cell
// but the first after a gap, so that the first is not indented.
func printCells(w io.Writer, cells ...string) {
	io.WriteString(w, strings.Join(cells, "\t  ")+"\t\n")
}

// pad pads s with spaces to width, so that it reads left-aligned in a
// right-aligned table.
func pad(s string, width int) string { return fmt.Sprintf("%-*s", width, s) }

// share is n as a percentage of judged, or "-" when nothing is judged.
func share(n, judged int) string {
	if judged == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", 100*float64(n)/float64(judged))
}

// printFindings prints every finding with its verdict and reason, or ?
// and termlint's message when unjudged, for a person reviewing them.
func printFindings(w io.Writer, o *outcome) error {
	bw := bufio.NewWriter(w)
	for _, r := range o.Runs {
		for _, f := range r.Findings {
			v, why := verdictUnjudged, f.Message
			if e := o.judgedBy[f]; e != nil {
				v, why = string(e.Verdict), e.Reason
			}
			fmt.Fprintf(bw, "%-5s %s: %s\n", v, describeAt(f), why)
		}
	}
	return bw.Flush()
}

// describeAt names a finding with its column too.
func describeAt(f *finding) string {
	s := fmt.Sprintf("%s %s %s:%d:%d %s %q", f.Set, f.Mode, f.File, f.Line, f.Column, f.Rule, f.Text)
	if f.Fix != "" {
		s += fmt.Sprintf(" -> %q", f.Fix)
	}
	return s
}

// maxReason is how much of termlint's message an unjudged line carries.
const maxReason = 200

// writeUnjudged writes every unjudged finding as a line of the judged
// list with verdict ? and termlint's message as the reason, for a person
// to judge and append, in the list's order. A finding unjudged in every
// mode is written once, with mode *. It returns the number of lines.
func writeUnjudged(w io.Writer, o *outcome) (int, error) {
	lines := unjudgedLines(o)
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.WriteString(formatLine(l.key, verdictUnjudged, shorten(l.Message, maxReason), "") + "\n")
	}
	return len(lines), bw.Flush()
}

// unjudgedLine is a line --unjudged writes: a key, whose mode may be *,
// and termlint's message.
type unjudgedLine struct {
	key
	Message string
}

// unjudgedLines are the lines --unjudged writes, sorted.
func unjudgedLines(o *outcome) []unjudgedLine {
	unjudged := o.unjudged()
	inModes := map[key]int{} // by key with mode *: in how many modes unjudged
	for _, u := range unjudged {
		inModes[anyModeKey(u.key())]++
	}
	written := map[key]bool{}
	var lines []unjudgedLine
	for _, u := range unjudged {
		k := u.key()
		if all := anyModeKey(k); inModes[all] == len(o.Modes) {
			if written[all] {
				continue
			}
			written[all], k = true, all
		}
		lines = append(lines, unjudgedLine{k, u.Message})
	}
	slices.SortFunc(lines, func(a, b unjudgedLine) int { return compareKeys(a.key, b.key) })
	return lines
}

// anyModeKey is k with mode *.
func anyModeKey(k key) key {
	k.Mode = anyMode
	return k
}

// shorten cuts s to at most n characters, on one line, marking a cut
// with an ellipsis.
func shorten(s string, n int) string {
	s = cleanReason(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return strings.TrimSpace(string(runes[:n-1])) + "…"
}
