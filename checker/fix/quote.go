package fix

import (
	"errors"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"
)

// A fix replaces words, never punctuation, so it must leave every
// quotation of the text as it was: an edit whose span holds a quotation
// mark would drop it (or cross a quotation's edge, which is the same),
// and a replacement with one would add one; either leaves a quotation
// unpaired. An edit can also change what the mark beside it is: in "the
// countries' views" the apostrophe after the span "countries" is a
// possessive, but written after "neighborhood work" it reads as the end of
// a quotation that never began.
//
// The straight and the right single quotation mark (' ’) are also the
// apostrophe of possessives and contractions ("Committee's",
// "countries’", "don't"), so they are told apart by where they stand:
// between two letters, an apostrophe; after a word that ends in s, a
// plural's possessive unless a single quotation is open in the paragraph
// (then it closes it); anywhere else, a quotation mark. The guess errs
// towards a quotation mark, which costs at most a fix left alone.

// role is what a character is to the quotations of a text.
type role uint8

const (
	// other is a character that is neither a quotation mark nor an
	// apostrophe.
	other role = iota
	// apostrophe is an apostrophe: of a possessive, or in a contraction.
	apostrophe
	// quotation is a mark that opens or closes a quotation.
	quotation
)

// quoteState is what telling an apostrophe from a quotation mark needs to
// know of the text before it.
type quoteState struct {
	// open counts the single quotations opened and not yet closed in the
	// paragraph so far; a quotation does not run on past a blank line.
	open int
	// breaks counts the line breaks since the last character that is not
	// white space, so that a blank line (two of them) ends a paragraph.
	breaks int
}

// roleOf returns the role of r, which stands between prev and next
// (utf8.RuneError at the text's edges), and moves the state past it.
func (st *quoteState) roleOf(prev, r, next rune) role {
	switch r {
	case '\n':
		if st.breaks++; st.breaks >= 2 {
			st.open = 0
		}
		return other
	case ' ', '\t', '\r':
		return other
	}
	st.breaks = 0
	switch r {
	case '\'', '’':
		wordBefore, wordAfter := isWordRune(prev), isWordRune(next)
		switch {
		case wordBefore && wordAfter:
			return apostrophe // "don't", "Committee's", "Committee’s"
		case wordBefore && (prev == 's' || prev == 'S') && st.open == 0:
			return apostrophe // "countries’ views"
		case wordBefore:
			st.open = max(st.open-1, 0)
		case wordAfter:
			st.open++
		}
		return quotation
	case '‘', '‚', '‛':
		st.open++
		return quotation
	case 'ʼ': // U+02BC, the modifier letter apostrophe, is never a quotation mark
		return apostrophe
	}
	if isQuotationMark(r) {
		return quotation
	}
	return other
}

// isQuotationMark reports whether r is a quotation mark and nothing else:
// double quotation marks, guillemets and CJK corner brackets of any kind.
func isQuotationMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '‹', '›', '「', '」', '『', '』', '﹁', '﹂', '﹃', '﹄', '＂', '｢', '｣', '〝', '〞', '〟':
		return true
	}
	return false
}

// isWordRune reports whether r is part of a word, for an apostrophe
// between two of them ("don't", "1990's").
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// mark is a character of a text that the text's quotations depend on.
type mark struct {
	r    rune
	role role
}

// quotationMarks lists the quotation marks of text in order, each with
// the role it has there: what a fixed text must keep (see Check).
func quotationMarks(text []byte) []mark {
	var st quoteState
	var marks []mark
	prev := utf8.RuneError
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		next, _ := utf8.DecodeRune(text[i+size:])
		if st.roleOf(prev, r, next) == quotation {
			marks = append(marks, mark{r, quotation})
		}
		prev = r
		i += size
	}
	return marks
}

// errQuotesChanged says that the fixed text's quotation marks are not the
// original's, which the edits one by one did not show.
var errQuotesChanged = errors.New("the fixes together would leave a quotation mark unpaired")

// checkQuotes returns, for each edit, why it would leave a quotation of
// text unpaired, or nil: the replaced span holds a quotation mark, the
// replacement holds one, or the character on either side of the span
// would change its role (an apostrophe become a quotation mark, or the
// other way round). The edits must be sorted and must not overlap, as
// Plan returns them.
func checkQuotes(text []byte, edits []Edit) []error {
	errs := make([]error, len(edits))
	var st quoteState
	pos, prev := 0, utf8.RuneError // st is the state at pos; prev is the rune before pos
	for k, e := range edits {
		if e.Start < pos || e.End > len(text) || e.Start > e.End {
			errs[k] = fmt.Errorf("the span %d-%d is out of order or outside the file", e.Start, e.End)
			continue
		}
		if !runeStart(text, e.Start) || !runeStart(text, e.End) || !utf8.ValidString(e.New) {
			// Else a replacement could join the bytes around it into
			// another character.
			errs[k] = fmt.Errorf("the span %d-%d cuts a character, or its replacement is not UTF-8", e.Start, e.End)
			continue
		}
		// The window is the span and one character each side of it: only
		// those can change their role, since the state before the window
		// is the same either way; and the state after it must be the same
		// too, for the marks after it to keep theirs.
		from := e.Start
		if from > 0 {
			_, size := utf8.DecodeLastRune(text[:from])
			from -= size
		}
		for pos < from {
			r, size := utf8.DecodeRune(text[pos:])
			next, _ := utf8.DecodeRune(text[pos+size:])
			st.roleOf(prev, r, next)
			prev, pos = r, pos+size
		}
		to := e.End
		if to < len(text) {
			_, size := utf8.DecodeRune(text[to:])
			to += size
		}
		before := text[from:to]
		after := slices.Concat(text[from:e.Start], []byte(e.New), text[e.End:to])
		rest := text[to:]
		nb, stb := windowRoles(st, prev, before, rest)
		na, sta := windowRoles(st, prev, after, rest)
		head, tail := e.Start-from, to-e.End // the bytes of the neighbours
		errs[k] = compareWindows(nb, na, head, len(before)-tail, head, len(after)-tail)
		if errs[k] == nil && stb != sta {
			// Each mark kept its role, but one opens a quotation now
			// where it stood alone before, or the other way round: the
			// marks after the window would pair up otherwise.
			errs[k] = errors.New("it would change which quotation marks pair up")
		}
	}
	return errs
}

// runeStart reports whether offset i of text is where a character starts
// (or the end of the text).
func runeStart(text []byte, i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }

// windowMark is a character of a window with its offset in the window.
type windowMark struct {
	at int
	mark
}

// windowRoles returns the characters of window that are quotation marks
// or apostrophes, with their roles, for a scanner in state st whose last
// character was prev and with rest after the window, and the scanner's
// state after the window.
func windowRoles(st quoteState, prev rune, window, rest []byte) ([]windowMark, quoteState) {
	var out []windowMark
	for i := 0; i < len(window); {
		r, size := utf8.DecodeRune(window[i:])
		var next rune
		if i+size < len(window) {
			next, _ = utf8.DecodeRune(window[i+size:])
		} else {
			next, _ = utf8.DecodeRune(rest)
		}
		if ro := st.roleOf(prev, r, next); ro != other {
			out = append(out, windowMark{i, mark{r, ro}})
		}
		prev = r
		i += size
	}
	return out, st
}

// compareWindows says why an edit breaks a quotation, from the marks of
// its window before (nb; the span is [spanStart, spanEnd)) and after it
// (na; the replacement is [newStart, newEnd)), or returns nil.
func compareWindows(nb, na []windowMark, spanStart, spanEnd, newStart, newEnd int) error {
	for _, m := range nb {
		if m.role == quotation && m.at >= spanStart && m.at < spanEnd {
			return fmt.Errorf("the text to replace holds a quotation mark (%c)", m.r)
		}
	}
	for _, m := range na {
		if m.role == quotation && m.at >= newStart && m.at < newEnd {
			return fmt.Errorf("the replacement holds a quotation mark (%c)", m.r)
		}
	}
	side := func(ms []windowMark, inSide func(int) bool) (mark, bool) {
		for _, m := range ms {
			if inSide(m.at) {
				return m.mark, true
			}
		}
		return mark{}, false
	}
	// The characters on either side are the same before and after; only
	// their roles can differ.
	for _, s := range []struct {
		where         string
		before, after func(int) bool
	}{
		{"before", func(at int) bool { return at < spanStart }, func(at int) bool { return at < newStart }},
		{"after", func(at int) bool { return at >= spanEnd }, func(at int) bool { return at >= newEnd }},
	} {
		was, _ := side(nb, s.before)
		is, _ := side(na, s.after)
		if was != is {
			return fmt.Errorf("the %c %s it would then read as %s, not as %s", was.r, s.where, roleName(is.role), roleName(was.role))
		}
	}
	return nil
}

// roleName names a role in a reason.
func roleName(r role) string {
	switch r {
	case apostrophe:
		return "an apostrophe"
	case quotation:
		return "a quotation mark"
	}
	return "neither"
}
