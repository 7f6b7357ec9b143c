package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/termlint/termlint/internal/fixture"
)

// recallFinding is a finding of check --format json, as the recall check
// reads it.
type recallFinding struct {
	Rule, Concept, Text, Message string
	Line                         int
}

// key identifies a finding across the clean and the injected file: the
// column and the counts in the message may move when a line is edited.
func (f recallFinding) key() string {
	return fmt.Sprintf("%s|%s|%d|%s", f.Rule, f.Concept, f.Line, f.Text)
}

// recallCheck checks path as seed 000 is read: bilingual, in the literal
// style its translation follows.
func recallCheck(t *testing.T, path string) []recallFinding {
	t.Helper()
	code, out, errOut := runCLI(t, "--no-config", "check", "--format", "json", "--fail-on", "none",
		"--bilingual", "on", "--style", "literal", path)
	if code != 0 {
		t.Fatalf("check %s: exit %d: %s", path, code, errOut)
	}
	var report struct{ Findings []recallFinding }
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("check %s: %v\n%s", path, err, out)
	}
	return report.Findings
}

// quoted matches a phrase a message quotes.
var quoted = regexp.MustCompile(`"([^"]+)"`)

// hanShare is the share of a line's letters that are Chinese.
func hanShare(line string) float64 {
	han, letters := 0, 0
	for _, r := range line {
		if unicode.Is(unicode.Han, r) {
			han++
			letters++
		} else if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(han) / float64(letters)
}

// TestRecallSeed000 is issue 19's done criterion 2, a recall check: seed
// 000, a correct literal translation whose odd lines are English and even
// lines the Chinese original, gets 30 defects of the kinds a reviewer
// must catch (recallDefects), one file each, and termlint must report at
// least 27 of them as new findings at the defect's pair, with the rule
// and concept the defect calls for and a message that quotes what the
// English has: the injected phrase, or of a dropped term the part the
// English keeps. go test -v -run TestRecallSeed000 lists each defect's
// outcome.
func TestRecallSeed000(t *testing.T) {
	seed, data := fixture.SharedFile(t, "seeds/000_*.txt")
	lines := strings.Split(string(data), "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines)%2 != 0 {
		t.Fatalf("%s: %d lines; want English and Chinese lines in pairs", seed, len(lines))
	}
	for i := 0; i < len(lines); i += 2 {
		if hanShare(lines[i]) > 0.2 || hanShare(lines[i+1]) < 0.8 {
			t.Fatalf("%s:%d: not an English line followed by its Chinese", seed, i+1)
		}
	}
	if n := len(recallDefects); n != 30 {
		t.Fatalf("%d defects; the criterion asks for 30", n)
	}

	dir := t.TempDir()
	write := func(name string, lines []string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	clean := map[string]int{}
	for _, f := range recallCheck(t, write("clean.txt", lines)) {
		clean[f.key()]++
	}

	caught := 0
	kinds := map[string][2]int{} // kind -> caught, injected
	for n, d := range recallDefects {
		name := fmt.Sprintf("defect %02d (%s, %s: %q → %q)", n+1, d.kind, d.zh, d.find, d.replace)
		edited, pair, spans := injectDefect(lines, d)
		if pair < 0 {
			t.Errorf("%s: no pair has %s in its Chinese and %q in its English", name, d.zh, d.find)
			continue
		}
		en, zh := pair+1, pair+2 // the pair's line numbers
		seen := maps.Clone(clean)
		var news, hits []recallFinding
		for _, f := range recallCheck(t, write(fmt.Sprintf("defect-%02d.txt", n+1), edited)) {
			if seen[f.key()] > 0 {
				seen[f.key()]--
				continue
			}
			news = append(news, f)
			if (f.Line == en || f.Line == zh) && slices.Contains(d.rules, f.Rule) && slices.Contains(d.concepts, f.Concept) {
				hits = append(hits, f)
			}
		}
		k := kinds[d.kind]
		k[1]++
		why := "not reported"
		var good *recallFinding
		for i, f := range hits {
			if msg := quotesEnglish(f, d, edited[pair], spans); msg != "" {
				why = msg
				continue
			}
			good = &hits[i]
			break
		}
		if good != nil {
			caught++
			k[0]++
			t.Logf("caught   %s at %d: %s: %s", name, good.Line, good.Rule, good.Message)
		} else {
			t.Logf("MISSED   %s at %d/%d: %s", name, en, zh, why)
			for _, f := range news {
				t.Logf("         new finding %d %s %s: %s", f.Line, f.Rule, f.Concept, f.Message)
			}
		}
		kinds[d.kind] = k
	}
	for _, kind := range []string{recallDropped, recallDeprecated, recallSecond, recallGarbled} {
		t.Logf("%-28s %d of %d caught", kind, kinds[kind][0], kinds[kind][1])
	}
	t.Logf("recall: %d of %d defects caught", caught, len(recallDefects))
	if caught < 27 {
		t.Errorf("termlint caught %d of %d defects; the criterion is at least 27", caught, len(recallDefects))
	}
}

// injectDefect returns lines with defect d injected: the first pair (an
// English line and the Chinese line after it) whose Chinese holds d.zh
// and whose English holds d.find, after d.skip such pairs, gets d.replace
// for d.find. It returns the index of the pair's English line (-1 where
// none fits) and the byte spans of the replacements in the edited line.
func injectDefect(lines []string, d recallDefect) ([]string, int, [][2]int) {
	skip := d.skip
	for i := 0; i+1 < len(lines); i += 2 {
		if !strings.Contains(lines[i+1], d.zh) || !strings.Contains(lines[i], d.find) {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		var b strings.Builder
		var spans [][2]int
		rest := lines[i]
		for {
			at := strings.Index(rest, d.find)
			if at < 0 || len(spans) > 0 && !d.all {
				break
			}
			b.WriteString(rest[:at])
			spans = append(spans, [2]int{b.Len(), b.Len() + len(d.replace)})
			b.WriteString(d.replace)
			rest = rest[at+len(d.find):]
		}
		b.WriteString(rest)
		edited := slices.Clone(lines)
		edited[i] = b.String()
		return edited, i, spans
	}
	return nil, -1, nil
}

// quotesEnglish returns "" where finding f's message quotes what the
// English (the edited line english, with the defect's replacements at
// spans) has, else why not. A finding on the English quotes the phrase
// it reports first, which must stand in the English where the defect was
// injected; a missing finding quotes the part of the rendering the
// English kept (defect.kept), or, where the English keeps nothing, names
// no phrase as the English's.
func quotesEnglish(f recallFinding, d recallDefect, english string, spans [][2]int) string {
	var q string // the phrase the message quotes first
	if m := quoted.FindStringSubmatch(f.Message); m != nil {
		q = m[1]
	}
	if d.kind == recallDropped {
		says := strings.Contains(f.Message, " is rendered ") // what the English has instead
		switch {
		case d.kept == "" && says:
			return fmt.Sprintf("names %q, but the English keeps nothing of the term", q)
		case d.kept != "" && !says:
			return fmt.Sprintf("does not quote the %q the English keeps", d.kept)
		case d.kept != "" && q != d.kept:
			return fmt.Sprintf("quotes %q, not the %q the English keeps", q, d.kept)
		}
		return ""
	}
	if q == "" {
		return "quotes nothing"
	}
	for from := 0; ; {
		at := strings.Index(english[from:], q)
		if at < 0 {
			break
		}
		at += from
		for _, s := range spans {
			if at < max(s[1], s[0]+1) && s[0] < at+len(q) {
				return ""
			}
		}
		from = at + 1
	}
	return fmt.Sprintf("quotes %q, which is not where the defect is in the English", q)
}
