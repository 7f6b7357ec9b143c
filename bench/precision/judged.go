package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// key identifies a finding for judging. It leaves out the column and the
// message so that a judgement survives edits elsewhere on the line and
// rewordings of termlint's messages.
type key struct {
	Set, Mode, File string
	Line            int
	Rule, Text, Fix string
}

// anyMode is the mode of an entry that covers a finding in every mode
// without an entry of its own.
const anyMode = "*"

// compareKeys orders keys for the judged list: by set, mode, file, line,
// rule, text and fix, so that a file's findings read top to bottom.
func compareKeys(a, b key) int {
	return cmp.Or(
		strings.Compare(a.Set, b.Set),
		strings.Compare(a.Mode, b.Mode),
		strings.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		strings.Compare(a.Rule, b.Rule),
		strings.Compare(a.Text, b.Text),
		strings.Compare(a.Fix, b.Fix),
	)
}

// verdict is what an editor said of a finding.
type verdict string

// The verdicts a judged entry may carry.
const (
	verdictRight verdict = "right" // an editor agrees
	verdictWrong verdict = "wrong" // an editor disagrees, or the fix breaks the sentence
	verdictNoise verdict = "noise" // true, but not worth an editor's time
)

// verdictUnjudged marks the lines --unjudged writes, for a person to
// replace; the parser refuses it so that none is appended by mistake.
const verdictUnjudged = "?"

// entry is one judged line of the list.
type entry struct {
	key
	Verdict verdict
	Reason  string
	// Gone says the finding was produced and judged once but is no longer
	// produced; otherwise it is expected to be produced now.
	Gone bool
	// SrcLine is the entry's line number in the list, for messages.
	SrcLine int
}

// judgedList is the judged list: its comment lines and its entries.
type judgedList struct {
	// Name is the file the list was read from, for messages.
	Name     string
	Comments []string
	Entries  []*entry
	// byKey finds an entry by its key, mode "*" included.
	byKey map[key]*entry
}

// headerFields are the columns of the list; a tenth, state, is optional.
var headerFields = []string{"set", "mode", "file", "line", "rule", "text", "fix", "verdict", "reason"}

// stateField names the optional tenth column.
const stateField = "state"

// The states an entry may be in; empty reads as stateOpen.
const (
	stateOpen = "open"
	stateGone = "gone"
)

// lineError is a problem with one line of the list.
type lineError struct {
	Name string
	Line int
	Err  error
}

func (e *lineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err) }

func (e *lineError) Unwrap() error { return e.Err }

// parseJudged parses a judged list; name is what errors call it. Blank
// lines are skipped, lines starting with # are comments, the first other
// line must be the header.
func parseJudged(r io.Reader, name string) (*judgedList, error) {
	l := &judgedList{Name: name, byKey: map[key]*entry{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	header := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "#"):
			l.Comments = append(l.Comments, line)
			continue
		case !header:
			if err := checkHeader(line); err != nil {
				return nil, &lineError{name, n, err}
			}
			header = true
			continue
		}
		e, err := parseEntry(line)
		if err == nil {
			e.SrcLine = n
			err = l.add(e)
		}
		if err != nil {
			return nil, &lineError{name, n, err}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: no header line %q", name, strings.Join(headerFields, "\t"))
	}
	return l, nil
}

// checkHeader accepts the header line, with or without the state column.
func checkHeader(line string) error {
	fields := strings.Split(line, "\t")
	if slices.Equal(fields, headerFields) || slices.Equal(fields, append(slices.Clip(headerFields), stateField)) {
		return nil
	}
	return fmt.Errorf("want the header line %q first, got %q", strings.Join(headerFields, "\t"), line)
}

// parseEntry parses one entry line.
func parseEntry(line string) (*entry, error) {
	f := strings.Split(line, "\t")
	if len(f) != len(headerFields) && len(f) != len(headerFields)+1 {
		return nil, fmt.Errorf("want %d tab-separated fields (or %d with state), got %d", len(headerFields), len(headerFields)+1, len(f))
	}
	e := &entry{key: key{Set: f[0], Mode: f[1], Rule: f[4]}, Verdict: verdict(f[7]), Reason: strings.TrimSpace(f[8])}
	var err error
	if e.File, err = unescapeField("file", f[2]); err != nil {
		return nil, err
	}
	if e.Text, err = unescapeField("text", f[5]); err != nil {
		return nil, err
	}
	if e.Fix, err = unescapeField("fix", f[6]); err != nil {
		return nil, err
	}
	if e.Line, err = strconv.Atoi(f[3]); err != nil || e.Line < 0 {
		return nil, fmt.Errorf("line %q: want a line number", f[3])
	}
	if len(f) > len(headerFields) {
		if e.Gone, err = parseState(f[9]); err != nil {
			return nil, err
		}
	}
	return e, checkEntry(e)
}

// checkEntry reports the first field of e that cannot be right.
func checkEntry(e *entry) error {
	switch {
	case findSet(e.Set) == nil:
		return fmt.Errorf("set %q: want one of %s", e.Set, strings.Join(setNames(), ", "))
	case e.Mode == "" || strings.ContainsAny(e.Mode, " \\"):
		return fmt.Errorf("mode %q: want default, a style or *", e.Mode)
	case e.File == "":
		return errors.New("empty file")
	case e.Rule == "" || strings.ContainsAny(e.Rule, " \\"):
		return fmt.Errorf("rule %q: want a rule name", e.Rule)
	case e.Text == "":
		return errors.New("empty text")
	case e.Verdict == verdictUnjudged:
		return errors.New("verdict ? is not judged yet: want right, wrong or noise")
	case e.Verdict != verdictRight && e.Verdict != verdictWrong && e.Verdict != verdictNoise:
		return fmt.Errorf("verdict %q: want right, wrong or noise", e.Verdict)
	case e.Reason == "":
		return errors.New("empty reason: say in a few words why")
	}
	return nil
}

// parseState reads the state column: whether the entry is gone.
func parseState(s string) (gone bool, err error) {
	switch s {
	case "", stateOpen:
		return false, nil
	case stateGone:
		return true, nil
	}
	return false, fmt.Errorf("state %q: want open, gone or nothing", s)
}

// add adds e to the list, refusing a second entry for the same key.
func (l *judgedList) add(e *entry) error {
	if prev := l.byKey[e.key]; prev != nil {
		return fmt.Errorf("same finding as line %d", prev.SrcLine)
	}
	if l.byKey == nil {
		l.byKey = map[key]*entry{}
	}
	l.byKey[e.key] = e
	l.Entries = append(l.Entries, e)
	return nil
}

// lookup returns the entry that judges a finding with key k: the one for
// its mode, else the one for any mode, else nil.
func (l *judgedList) lookup(k key) *entry {
	if e := l.byKey[k]; e != nil {
		return e
	}
	return l.byKey[anyModeKey(k)]
}

// checkModes reports the first entry whose mode is not one reviewed, so
// that a misspelt mode is not taken for a finding no longer produced.
func (l *judgedList) checkModes(modes []string) error {
	for _, e := range l.Entries {
		if e.Mode != anyMode && !slices.Contains(modes, e.Mode) {
			return &lineError{l.Name, e.SrcLine, fmt.Errorf("mode %q: want * or one of %s", e.Mode, strings.Join(modes, ", "))}
		}
	}
	return nil
}

// sortEntries puts the entries in the list's stable order.
func (l *judgedList) sortEntries() {
	slices.SortFunc(l.Entries, func(a, b *entry) int { return compareKeys(a.key, b.key) })
}

// write writes the list: its comments, the header and every entry with
// its state.
func (l *judgedList) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, c := range l.Comments {
		bw.WriteString(c + "\n")
	}
	bw.WriteString(strings.Join(headerFields, "\t") + "\n")
	for _, e := range l.Entries {
		state := stateOpen
		if e.Gone {
			state = stateGone
		}
		bw.WriteString(formatLine(e.key, string(e.Verdict), e.Reason, state) + "\n")
	}
	return bw.Flush()
}

// formatLine formats one line of the list; state may be empty.
func formatLine(k key, v, reason, state string) string {
	fields := []string{k.Set, k.Mode, escapeField(k.File), strconv.Itoa(k.Line), k.Rule,
		escapeField(k.Text), escapeField(k.Fix), v, cleanReason(reason)}
	if state != "" {
		fields = append(fields, state)
	}
	return strings.Join(fields, "\t")
}

// fieldEscaper writes the characters that would break a TSV line.
var fieldEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

// escapeField escapes a file, text or fix for the list.
func escapeField(s string) string { return fieldEscaper.Replace(s) }

// unescapeField undoes escapeField; name is the column, for errors.
func unescapeField(name, s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i++; i == len(s) {
			return "", fmt.Errorf("%s %q: ends in a lone backslash (write \\\\)", name, s)
		}
		switch s[i] {
		case '\\':
			b.WriteByte('\\')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			return "", fmt.Errorf("%s %q: unknown escape \\%c (want \\t, \\n, \\r or \\\\)", name, s, s[i])
		}
	}
	return b.String(), nil
}

// cleanReason keeps a reason on one field: it is prose, not escaped, so
// tabs and line breaks become spaces.
func cleanReason(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
