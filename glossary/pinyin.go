package glossary

import (
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"

	"github.com/termlint/termlint/internal/textnorm"
)

// GeneratePinyin returns tone-marked pinyin for a Chinese term, syllables
// separated by spaces ("zhōu biān gōng zuò"); letters and digits in the term
// are kept as words of their own. Each character takes its most common
// reading, so a curated glossary should still write pinyin by hand where a
// character has several.
func GeneratePinyin(zh string) string {
	args := pinyin.NewArgs()
	args.Style = pinyin.Tone
	var words []string
	var other strings.Builder
	flush := func() {
		if other.Len() > 0 {
			words = append(words, other.String())
			other.Reset()
		}
	}
	for _, r := range zh {
		switch {
		case unicode.Is(unicode.Han, r):
			flush()
			if py := pinyin.SinglePinyin(r, args); len(py) > 0 {
				words = append(words, py[0])
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			other.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return strings.Join(words, " ")
}

var (
	syllablesOnce sync.Once
	syllables     map[string]bool
	longestSyl    int
)

// pinyinSyllables is the set of toneless pinyin syllables, taken from the
// readings in go-pinyin's dictionary rather than written out again here.
func pinyinSyllables() map[string]bool {
	syllablesOnce.Do(func() {
		syllables = map[string]bool{}
		for _, readings := range pinyin.PinyinDict {
			for _, r := range strings.Split(readings, ",") {
				s := textnorm.Pinyin(r)
				if s != "" {
					syllables[s] = true
					longestSyl = max(longestSyl, len(s))
				}
			}
		}
	})
	return syllables
}

// isPinyin reports whether a folded key (textnorm.Pinyin) splits into
// pinyin syllables, so that an English query such as "periphery" is not
// also searched for as pinyin.
func isPinyin(key string) bool {
	if key == "" {
		return false
	}
	syl := pinyinSyllables()
	// ok[i]: key[:i] splits into syllables.
	ok := make([]bool, len(key)+1)
	ok[0] = true
	for i := 1; i <= len(key); i++ {
		for j := max(0, i-longestSyl); j < i && !ok[i]; j++ {
			ok[i] = ok[j] && syl[key[j:i]]
		}
	}
	return ok[len(key)]
}
