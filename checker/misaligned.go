package checker

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/termlint/termlint/internal/lenratio"
)

// Real bilingual files hold pairs whose two sides do not correspond: a
// file shifted by one paragraph, a scraped page footer under many
// paragraphs. Checking such a pair reports every term of its Chinese as
// missing, which is noise; the editor needs one note that the pairs are
// off. So a file's segments are measured against the file itself: the
// length ratio of each pair against the others', and the same English
// under different Chinese.

// minMeasuredHan is the least Chinese a segment needs for its length
// ratio to count.
const minMeasuredHan = 20

// boilerplateRepeats is how many different Chinese paragraphs the same
// English must stand under to be boilerplate.
const boilerplateRepeats = 3

// markMisaligned marks the segments of a bilingual file whose pairing is
// off, with the reason.
func markMisaligned(segs []*Segment) {
	type measured struct {
		seg   *Segment
		ratio float64
	}
	var ms []measured
	underChinese := make(map[string]map[string]bool) // English -> the Chinese it stands under
	for _, s := range segs {
		if s.Untranslated {
			continue
		}
		zh, en := hanCount(s.Chinese.Text), letterCount(s.English.Text)
		if zh == 0 || en == 0 {
			continue
		}
		key := strings.Join(strings.Fields(string(s.English.Text)), " ")
		if underChinese[key] == nil {
			underChinese[key] = make(map[string]bool)
		}
		underChinese[key][string(s.Chinese.Text)] = true
		// A heading or a short line ("带伞！", "Take an Umbrella with
		// You!") has a ratio of chance, not of pairing.
		if r, _ := lenratio.Log(en, zh); zh >= minMeasuredHan {
			ms = append(ms, measured{s, r})
		}
	}
	for _, s := range segs {
		key := strings.Join(strings.Fields(string(s.English.Text)), " ")
		if n := len(underChinese[key]); n >= boilerplateRepeats && !s.Untranslated {
			s.misaligned = fmt.Sprintf("the same English stands under %d different Chinese paragraphs", n)
		}
	}
	ratios := make([]float64, len(ms))
	for i, m := range ms {
		ratios[i] = m.ratio
	}
	median, limit, ok := lenratio.Fence(ratios)
	if !ok {
		return
	}
	for _, m := range ms {
		if d := m.ratio - median; math.Abs(d) > limit && m.seg.misaligned == "" {
			m.seg.misaligned = fmt.Sprintf("its English is %.1f times as long, for its Chinese, as the file's pairs usually are", math.Exp(d))
		}
	}
}

func hanCount(text []byte) int {
	n := 0
	for _, r := range string(text) {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

func letterCount(text []byte) int {
	n := 0
	for _, r := range string(text) {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// Misaligned reports, in a bilingual file, each run of segments whose
// Chinese and English do not correspond: once per run, with the reason of
// its first segment, and the terms of those segments are not reported
// missing or variant.
var Misaligned = &Rule{
	Name:     "misaligned",
	Doc:      "in a bilingual file, reports a run of segments whose Chinese and English do not correspond",
	Severity: SeverityWarning,
	Run: func(p *Pass) {
		segs := p.File.Segments
		for i := 0; i < len(segs); i++ {
			if segs[i].misaligned == "" {
				continue
			}
			j := i
			for j+1 < len(segs) && segs[j+1].misaligned != "" {
				j++
			}
			what := "this segment looks misaligned"
			if j > i {
				what = fmt.Sprintf("these %d segments look misaligned", j-i+1)
			}
			first := segs[i]
			start, end := first.English.Start(), first.English.Stop()
			end = start + min(end-start, len(firstWords(p.File.Text[start:end], 6)))
			fd := Finding{Message: fmt.Sprintf("%s: %s; its terms are not checked", what, first.misaligned)}
			p.digest.found = append(p.digest.found, p.place(fd, p.File.Path, p.File.lines, p.File.Text, start, end))
			i = j
		}
	},
}

// firstWords is the start of text up to its n-th word, for a finding's
// text.
func firstWords(text []byte, n int) []byte {
	words := 0
	in := false
	for i, r := range string(text) {
		switch {
		case unicode.IsSpace(r) && in:
			in = false
			if words++; words == n {
				return text[:i]
			}
		case !unicode.IsSpace(r):
			in = true
		}
	}
	return text
}
