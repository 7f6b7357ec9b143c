package glossary

import (
	"unicode/utf8"

	"github.com/termlint/termlint/internal/textnorm"
)

// renderingKey folds an English rendering for comparison (textnorm.Key):
// two renderings with one key are the same rendering.
//
// A large glossary folds every rendering, and textnorm.Key normalises the
// text (NFKC), decodes it rune by rune and builds each word as a string
// before folding it. ASCII text, which nearly every rendering is, needs
// none of that: NFKC leaves it as it is, and its words are the runs of
// letters and digits (with apostrophes after the first character), each
// folded by textnorm.AppendWord, which Key's words go through too.
func renderingKey(en string) string {
	var buf [64]byte
	return string(appendRenderingKey(buf[:0], en))
}

// appendRenderingKey appends renderingKey(en) to key.
func appendRenderingKey(key []byte, en string) []byte {
	for i := 0; i < len(en); i++ {
		if en[i] >= utf8.RuneSelf {
			return append(key, textnorm.Key(en)...)
		}
	}
	var wordBuf [64]byte
	word := wordBuf[:0]
	words := 0
	for i := 0; i <= len(en); i++ {
		if i < len(en) {
			c := en[i]
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' && len(word) > 0 {
				word = append(word, c)
				continue
			}
		}
		if len(word) > 0 {
			if words > 0 {
				key = append(key, ' ')
			}
			key = textnorm.AppendWord(key, word)
			words++
			word = word[:0]
		}
	}
	return key
}

// chineseKey folds a Chinese term for comparison (textnorm.Chinese). A
// term of CJK Unified Ideographs alone (U+4E00 to U+9FFF), as most are,
// is its own key: NFKC leaves those characters as they are, and none is
// a space, punctuation, a symbol or a capital.
func chineseKey(zh string) string {
	for i := 0; i < len(zh); {
		r, size := utf8.DecodeRuneInString(zh[i:])
		if r < 0x4E00 || r > 0x9FFF {
			return textnorm.Chinese(zh)
		}
		i += size
	}
	return zh
}
