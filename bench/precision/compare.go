package main

import (
	"fmt"
	"slices"
)

// outcome is the judged list held against the findings of one review.
type outcome struct {
	List  *judgedList
	Runs  []*setRun
	Modes []string
	// Tallies count each run's findings by verdict, in the runs' order.
	Tallies []tally
	// judgedBy is the entry that judges each finding, nil when none does.
	judgedBy map[*finding]*entry
	// produced counts the findings each entry judges.
	produced map[*entry]int
	// reviewed are the sets that were run: entries of other sets (whose
	// material is missing) are neither produced nor stale.
	reviewed map[string]bool
}

// tally counts the findings of one run, or of every run of a mode.
type tally struct {
	Set, Mode                               string
	Findings, Right, Wrong, Noise, Unjudged int
}

// judged is how many of the findings an entry judges.
func (t tally) judged() int { return t.Right + t.Wrong + t.Noise }

// count adds one finding judged by e (nil: unjudged).
func (t *tally) count(e *entry) {
	t.Findings++
	if e == nil {
		t.Unjudged++
		return
	}
	switch e.Verdict {
	case verdictRight:
		t.Right++
	case verdictWrong:
		t.Wrong++
	case verdictNoise:
		t.Noise++
	}
}

// plus returns the sum of two tallies, keeping t's names.
func (t tally) plus(u tally) tally {
	t.Findings += u.Findings
	t.Right += u.Right
	t.Wrong += u.Wrong
	t.Noise += u.Noise
	t.Unjudged += u.Unjudged
	return t
}

// compare judges every finding of runs by the list. When rules are given,
// the tallies count only those rules' findings (a view of the table);
// what is produced and judged is always every finding.
func compare(list *judgedList, runs []*setRun, modes []string, rules ...string) *outcome {
	o := &outcome{
		List: list, Runs: runs, Modes: modes,
		judgedBy: map[*finding]*entry{},
		produced: map[*entry]int{},
		reviewed: map[string]bool{},
	}
	for _, r := range runs {
		o.reviewed[r.Set] = true
		t := tally{Set: r.Set, Mode: r.Mode}
		for _, f := range r.Findings {
			e := list.lookup(f.key())
			if len(rules) == 0 || slices.Contains(rules, f.Rule) {
				t.count(e)
			}
			if e != nil {
				o.judgedBy[f] = e
				o.produced[e]++
			}
		}
		o.Tallies = append(o.Tallies, t)
	}
	return o
}

// modeTotal sums the tallies of mode.
func (o *outcome) modeTotal(mode string) tally {
	total := tally{Set: "total", Mode: mode}
	for _, t := range o.Tallies {
		if t.Mode == mode {
			total = total.plus(t)
		}
	}
	return total
}

// problemKind says how an entry disagrees with the findings.
type problemKind int

// The ways an entry can disagree with the findings.
const (
	// recallDropped: a finding judged right is no longer produced.
	recallDropped problemKind = iota
	// cameBack: a finding judged wrong or noise, and gone, is produced again.
	cameBack
	// staleOpen: a wrong or noise finding the list expects is no longer
	// produced (good news, but the list must say so).
	staleOpen
	// staleGone: a right finding the list says is gone is produced again.
	staleGone
)

// problem is an entry that disagrees with the findings.
type problem struct {
	Kind  problemKind
	Entry *entry
	// List is the judged list's file name, for the message.
	List string
}

// updateHint tells a person how to record a change that is intended.
const updateHint = "run go run ./bench/precision --update after judging"

// String names the entry and says what is wrong and what to do.
func (p problem) String() string {
	e := p.Entry
	what := fmt.Sprintf("%s:%d: %s (judged %s: %s)", p.List, e.SrcLine, describe(e.key), e.Verdict, e.Reason)
	switch p.Kind {
	case recallDropped:
		return "recall dropped: no longer produced: " + what + "; if that is intended, " + updateHint
	case cameBack:
		return "came back: produced again: " + what + "; fix termlint, or if the finding is now right, judge it again and " + updateHint
	case staleOpen:
		return "stale: state open but no longer produced: " + what + "; " + updateHint
	default:
		return "stale: state gone but produced again: " + what + "; " + updateHint
	}
}

// problems lists the entries that disagree with the findings, in the
// list's order.
func (o *outcome) problems() []problem {
	var ps []problem
	for _, e := range o.List.Entries {
		if !o.reviewed[e.Set] {
			continue
		}
		produced := o.produced[e] > 0
		right := e.Verdict == verdictRight
		switch {
		case !e.Gone && !produced && right:
			ps = append(ps, problem{recallDropped, e, o.List.Name})
		case !e.Gone && !produced:
			ps = append(ps, problem{staleOpen, e, o.List.Name})
		case e.Gone && produced && !right:
			ps = append(ps, problem{cameBack, e, o.List.Name})
		case e.Gone && produced:
			ps = append(ps, problem{staleGone, e, o.List.Name})
		}
	}
	return ps
}

// unjudgedFinding is a finding no entry judges, with how many identical
// ones (same key) there are.
type unjudgedFinding struct {
	*finding
	Count int
}

// unjudged lists the findings no entry judges, one per key, sorted.
func (o *outcome) unjudged() []unjudgedFinding {
	byKey := map[key]*unjudgedFinding{}
	for _, r := range o.Runs {
		for _, f := range r.Findings {
			if o.judgedBy[f] != nil {
				continue
			}
			if u := byKey[f.key()]; u != nil {
				u.Count++
			} else {
				byKey[f.key()] = &unjudgedFinding{f, 1}
			}
		}
	}
	out := make([]unjudgedFinding, 0, len(byKey))
	for _, u := range byKey {
		out = append(out, *u)
	}
	slices.SortFunc(out, func(a, b unjudgedFinding) int { return compareKeys(a.key(), b.key()) })
	return out
}

// describe names a finding or entry for a person.
func describe(k key) string {
	s := fmt.Sprintf("%s %s %s:%d %s %q", k.Set, k.Mode, k.File, k.Line, k.Rule, k.Text)
	if k.Fix != "" {
		s += fmt.Sprintf(" -> %q", k.Fix)
	}
	return s
}
