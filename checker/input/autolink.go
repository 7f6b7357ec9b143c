package input

import (
	"bytes"
	"cmp"
	"iter"
	"slices"
)

// bareLinks returns the spans of the bare URLs and e-mail addresses in a
// Markdown source, as GitHub Flavored Markdown's extended autolinks have
// them: "www." or http://, https:// or ftp:// followed by a domain and a
// path, and local@domain.tld, each at the start of a line or after white
// space or one of * _ ~ (. Trailing punctuation is not part of the link, nor
// is a closing parenthesis without its opening one.
//
// goldmark's Linkify extension finds the same links while parsing, but it
// costs a tenth of a whole check: it is tried at every space and every
// "h", "w" and "@" of the prose. Looking for "://", "www." and "@" in the
// raw bytes first is a few vectorised scans, and the masker hides what is
// found, wherever goldmark would show it as text.
func bareLinks(src []byte) []span {
	var links []span
	add := func(s span) {
		if s.end > s.start {
			links = append(links, s)
		}
	}
	for j := range occurrences(src, "://") {
		for _, scheme := range []string{"https", "http", "ftp"} {
			start := j - len(scheme)
			if start >= 0 && bytes.EqualFold(src[start:j], []byte(scheme)) && linkMayStart(src, start) {
				if end, ok := domainEnd(src, j+3); ok {
					add(span{start, linkEnd(src, start, end)})
				}
				break
			}
		}
	}
	for j := range occurrences(src, "www.") {
		if !linkMayStart(src, j) {
			continue
		}
		if end, ok := domainEnd(src, j+4); ok {
			add(span{j, linkEnd(src, j, end)})
		}
	}
	for j := range occurrences(src, "@") {
		if s, ok := email(src, j); ok {
			add(s)
		}
	}
	if len(links) < 2 {
		return links
	}
	// The three scans find overlapping links ("https://www.x.org"): sort
	// and merge them.
	slices.SortFunc(links, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	merged := links[:1]
	for _, s := range links[1:] {
		last := &merged[len(merged)-1]
		if s.start <= last.end {
			last.end = max(last.end, s.end)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// occurrences yields the offset of every occurrence of sep in src.
func occurrences(src []byte, sep string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; ; {
			j := bytes.Index(src[i:], []byte(sep))
			if j < 0 || !yield(i+j) {
				return
			}
			i += j + len(sep)
		}
	}
}

// linkMayStart reports whether an extended autolink may start at src[i].
func linkMayStart(src []byte, i int) bool {
	if i == 0 {
		return true
	}
	switch src[i-1] {
	case ' ', '\t', '\n', '\r', '*', '_', '~', '(':
		return true
	}
	return false
}

// domainEnd returns the end of the valid domain at src[i:]: segments of
// letters, digits, "_" and "-" separated by periods, with no underscore in
// the last two.
func domainEnd(src []byte, i int) (int, bool) {
	j := i
	underscore := [2]bool{} // in the last two segments
	segments := 0
	for j < len(src) {
		start := j
		seen := false
		for j < len(src) && (isAlnum(src[j]) || src[j] == '-' || src[j] == '_' || src[j] >= 0x80) {
			seen = seen || src[j] == '_'
			j++
		}
		if j == start {
			break
		}
		segments++
		underscore[0], underscore[1] = underscore[1], seen
		if j+1 < len(src) && src[j] == '.' && (isAlnum(src[j+1]) || src[j+1] == '-' || src[j+1] == '_' || src[j+1] >= 0x80) {
			j++
			continue
		}
		break
	}
	return j, segments > 0 && !underscore[0] && !underscore[1]
}

// linkEnd extends a link from the end of its domain to the next white
// space or "<", then drops trailing punctuation, unbalanced closing
// parentheses and a trailing entity reference, as GFM does.
func linkEnd(src []byte, start, end int) int {
	for end < len(src) && !isSpaceByte(src[end]) && src[end] != '<' {
		end++
	}
	for end > start {
		switch c := src[end-1]; c {
		case '?', '!', '.', ',', ':', '*', '_', '~', '\'', '"':
			end--
			continue
		case ')':
			if bytes.Count(src[start:end], []byte("(")) < bytes.Count(src[start:end], []byte(")")) {
				end--
				continue
			}
		case ';':
			k := end - 2
			for k > start && isAlnum(src[k]) {
				k--
			}
			if k < end-2 && src[k] == '&' {
				end = k
				continue
			}
		}
		break
	}
	return end
}

// email returns the span of the e-mail address whose "@" is src[at].
func email(src []byte, at int) (span, bool) {
	start := at
	for start > 0 && (isAlnum(src[start-1]) || bytes.IndexByte([]byte(".+-_"), src[start-1]) >= 0) {
		start--
	}
	if start == at || !linkMayStart(src, start) {
		return span{}, false
	}
	end, dots := at+1, 0
	for end < len(src) && (isAlnum(src[end]) || src[end] == '.' || src[end] == '-' || src[end] == '_') {
		if src[end] == '.' {
			dots++
		}
		end++
	}
	for end > at+1 && src[end-1] == '.' {
		end--
		dots--
	}
	if dots == 0 || src[end-1] == '-' || src[end-1] == '_' {
		return span{}, false
	}
	return span{start, end}, true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isSpaceByte(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}
