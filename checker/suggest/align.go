package suggest

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/lenratio"
)

// A segment of a bilingual file is often a whole paragraph, and a
// paragraph of policy prose has as many words as a short article: counted
// by paragraph, most words occur beside most terms, and association says
// little. So a segment whose two sides each have several sentences is
// split into aligned sentence pairs, by length, as Gale and Church align
// sentences ("A program for aligning sentences in bilingual corpora",
// 1993): a sentence and its translation have lengths in a near constant
// ratio, so dynamic programming over one-to-one, one-to-two, two-to-one
// and two-to-two groupings finds the likeliest pairing. The ratio is the
// segment's own, which makes the costs independent of how terse either
// side is.

// bead is one aligned group: sentences zh[0]..zh[1]-1 and en[0]..en[1]-1.
type bead struct{ zh, en [2]int }

// beadKinds are the groupings tried, with the cost of their prior
// probability (Gale and Church's, -ln p): 1-1 0.89, 1-0 and 0-1 0.0099,
// 2-1 and 1-2 0.089, 2-2 0.011.
var beadKinds = []struct {
	zh, en int
	cost   float64
}{
	{1, 1, -math.Log(0.89)},
	{1, 0, -math.Log(0.0099 / 2)},
	{0, 1, -math.Log(0.0099 / 2)},
	{2, 1, -math.Log(0.089 / 2)},
	{1, 2, -math.Log(0.089 / 2)},
	{2, 2, -math.Log(0.011)},
}

// alignSentences pairs sentences by length: zh and en are the lengths of
// each side's sentences, in characters. It returns the beads in order.
func alignSentences(zh, en []int) []bead {
	total := func(ls []int) (n int) {
		for _, l := range ls {
			n += l
		}
		return n
	}
	tz, te := total(zh), total(en)
	if tz == 0 || te == 0 {
		return []bead{{[2]int{0, len(zh)}, [2]int{0, len(en)}}}
	}
	ratio := float64(te) / float64(tz)
	// Gale and Church's variance is 6.8 characters per character of
	// source for languages with a ratio of one; it grows with the ratio.
	variance := 6.8 * ratio
	lengthCost := func(lz, le int) float64 {
		mean := (float64(lz) + float64(le)/ratio) / 2
		if mean == 0 {
			return 0
		}
		delta := (float64(le) - float64(lz)*ratio) / math.Sqrt(mean*variance)
		p := math.Erfc(math.Abs(delta) / math.Sqrt2) // two-tailed
		return -math.Log(max(p, 1e-300))
	}
	// The table is computed in a band around the path of constant
	// ratio, as Gale and Church's own program did: a full table of two
	// 16,000-sentence sides is 4 GB. Where the best path runs along the
	// band's edge, the band may have cut off a better one: it is widened
	// and the table computed again, up to maxBand.
	var beads []bead
	for band := minBand; ; band *= 2 {
		var clipped bool
		beads, clipped = alignBand(zh, en, band, lengthCost)
		if !clipped || band >= maxBand {
			break
		}
	}
	slices.Reverse(beads)
	// A sentence left without a translation (1-0, 0-1) joins the bead
	// before it, or after it at the start: it is evidence all the same.
	var out []bead
	for _, b := range beads {
		empty := b.zh[0] == b.zh[1] || b.en[0] == b.en[1]
		switch {
		case empty && len(out) > 0:
			last := &out[len(out)-1]
			last.zh[1], last.en[1] = b.zh[1], b.en[1]
		case len(out) > 0 && (out[len(out)-1].zh[0] == out[len(out)-1].zh[1] || out[len(out)-1].en[0] == out[len(out)-1].en[1]):
			last := &out[len(out)-1]
			last.zh[1], last.en[1] = b.zh[1], b.en[1]
		default:
			out = append(out, b)
		}
	}
	return out
}

// minBand and maxBand bound the half-width of alignSentences' band, in
// sentences: the band starts at minBand, and is widened no further than
// maxBand, so that the table stays linear in the sentences.
const (
	minBand = 32
	maxBand = 256
)

// bandTable is a dynamic programme's table over the cells of a band:
// row i holds columns lo[i] to lo[i]+width(i)-1, stored from at[i].
type bandTable struct {
	lo, at []int
	cost   []float64
	from   []int8 // index into beadKinds
}

// cell returns the index of (i, j) in cost and from, or -1 outside the
// band.
func (t *bandTable) cell(i, j int) int {
	if i < 0 || j < t.lo[i] || j >= t.lo[i]+t.at[i+1]-t.at[i] {
		return -1
	}
	return t.at[i] + j - t.lo[i]
}

// alignBand runs alignSentences' dynamic programme over the cells within
// band sentences of the path of constant ratio, in either direction, and
// returns the beads of the best path, in reverse order, and whether it
// touches the band's edge (other than the table's own). A band as wide as
// the table is the full table.
func alignBand(zh, en []int, band int, lengthCost func(lz, le int) float64) (beads []bead, clipped bool) {
	nz, ne := len(zh), len(en)
	total := func(ls []int) (n int) {
		for _, l := range ls {
			n += l
		}
		return n
	}
	// Row i holds the columns within band of the line j = i·ne/nz for
	// some row within band of i.
	t := &bandTable{lo: make([]int, nz+1), at: make([]int, nz+2)}
	for i := 0; i <= nz; i++ {
		lo := max(0, (max(0, i-band)*ne)/nz-band)
		hi := min(ne, (min(nz, i+band)*ne+nz-1)/nz+band)
		t.lo[i], t.at[i+1] = lo, t.at[i]+hi-lo+1
	}
	cells := t.at[nz+1]
	t.cost = slices.Repeat([]float64{math.Inf(1)}, cells)
	t.from = make([]int8, cells)
	t.cost[t.cell(0, 0)] = 0
	for i := 0; i <= nz; i++ {
		lo, hi := t.lo[i], t.lo[i]+t.at[i+1]-t.at[i]
		for j := lo; j < hi; j++ {
			if i == 0 && j == 0 {
				continue
			}
			here := t.cell(i, j)
			for k, b := range beadKinds {
				pi, pj := i-b.zh, j-b.en
				if pi < 0 || pj < 0 {
					continue
				}
				prev := t.cell(pi, pj)
				if prev < 0 || math.IsInf(t.cost[prev], 1) {
					continue
				}
				c := t.cost[prev] + b.cost
				if c >= t.cost[here] {
					continue // a length cost is never negative
				}
				c += lengthCost(total(zh[pi:i]), total(en[pj:j]))
				if c < t.cost[here] {
					t.cost[here], t.from[here] = c, int8(k)
				}
			}
		}
	}
	for i, j := nz, ne; i > 0 || j > 0; {
		lo, hi := t.lo[i], t.lo[i]+t.at[i+1]-t.at[i]-1
		if j == lo && lo > 0 || j == hi && hi < ne {
			clipped = true
		}
		b := beadKinds[t.from[t.cell(i, j)]]
		beads = append(beads, bead{[2]int{i - b.zh, i}, [2]int{j - b.en, j}})
		i, j = i-b.zh, j-b.en
	}
	return beads, clipped
}

// zhSentences returns the byte ranges of the sentences of Chinese text:
// each ends after 。！？ (or ! and ?, which texts use alike) and any
// closing quotation marks or brackets after it.
func zhSentences(text []byte) [][2]int {
	return sentences(text, func(r rune, _ []byte) bool {
		switch r {
		case '。', '！', '？', '!', '?':
			return true
		}
		return false
	})
}

// enSentences returns the byte ranges of the sentences of English text:
// each ends after . ! or ? (and closing quotation marks or brackets) that
// white space and then a capital letter, a digit or an opening quotation
// mark follow; a period after a single capital (U.S.) or a common
// abbreviation ends none.
func enSentences(text []byte) [][2]int {
	return sentences(text, func(r rune, before []byte) bool {
		switch r {
		case '!', '?':
			return true
		case '.':
			return !abbreviation(before)
		}
		return false
	})
}

// abbreviation reports whether the word before a period is one, so that
// the period ends no sentence.
func abbreviation(before []byte) bool {
	i := len(before)
	for i > 0 {
		r, n := utf8.DecodeLastRune(before[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	w := string(before[i:])
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper(firstRune([]byte(w))) {
		return true
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Prof", "No", "Nos", "Vol", "vs", "etc", "e", "i", "eg", "ie", "al", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Art", "Fig", "Gen", "Rev", "Inc", "Ltd", "Co":
		return true
	}
	return false
}

// sentences cuts text after each rune ends reports true for, when what
// follows (after closing marks) starts a sentence: for English, white
// space and then a capital, digit or opening mark; for Chinese, anything.
func sentences(text []byte, ends func(r rune, before []byte) bool) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if !ends(r, text[start:i]) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRune(text[j:])
			if !isClosing(r) {
				break
			}
			j += n
		}
		if r < utf8.RuneSelf && !startsSentence(text[j:]) {
			i = j
			continue
		}
		out = append(out, [2]int{start, j})
		start, i = j, j
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	// Trailing white space alone is no sentence.
	if n := len(out); n > 1 && isBlank(text[out[n-1][0]:out[n-1][1]]) {
		out[n-2][1] = out[n-1][1]
		out = out[:n-1]
	}
	return out
}

// startsSentence reports whether text (after an English sentence's last
// mark) is white space and then a capital, a digit or an opening mark, or
// the end.
func startsSentence(text []byte) bool {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRune(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i == len(text) {
		return true
	}
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpening(r) || unicode.Is(unicode.Han, r)
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '」', '』', ')', '）', ']', '】', '》':
		return true
	}
	return false
}

func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '「', '『', '（', '《':
		return true
	}
	return false
}

// isBlank reports whether b is only white space.
func isBlank(b []byte) bool {
	for _, r := range string(b) {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// charCount is the length of a sentence for alignment: its characters
// other than white space.
func charCount(text []byte) int {
	n := 0
	for _, r := range string(text) {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// dropMisaligned leaves out the units of a file whose two sides' lengths
// are out of all proportion with the file's others, and returns the rest
// and how many it left out. A pair whose English is not the translation of
// its Chinese (a line shifted in a table, a paragraph merged with the
// next) puts every word beside every term of the wrong sentence and
// poisons the candidates of both. Its telltale is its length ratio (see
// lenratio), of English to Chinese characters other than space. A side
// with no characters has no ratio; with the other side's, it is left out
// too.
func dropMisaligned(units []*unit) ([]*unit, int) {
	var ratios []float64
	for _, u := range units {
		if r, ok := lenratio.Log(u.enChars, u.zhChars); ok {
			ratios = append(ratios, r)
		}
	}
	median, limit, ok := lenratio.Fence(ratios)
	if !ok {
		return units, 0
	}
	kept := units[:0:0]
	for _, u := range units {
		r, ok := lenratio.Log(u.enChars, u.zhChars)
		if !ok && u.enChars+u.zhChars > 0 || ok && math.Abs(r-median) > limit {
			continue
		}
		kept = append(kept, u)
	}
	return kept, len(units) - len(kept)
}
