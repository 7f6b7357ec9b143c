package glossary_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// keyTexts are English renderings that exercise the ASCII shortcut of
// the rendering key: apostrophes, plurals, British spellings, case,
// punctuation and digits.
var keyTexts = []string{
	"", " ", "---", "Belt and Road", "Belt and Road Initiative", "people-to-people exchanges",
	"country's", "countries'", "'quoted'", "rock'n'roll", "o'", "'s", "s'", "B&R", "  spaced   out  ",
	"UPPER Case", "colours", "analyses", "Neighbourhood Diplomacy", "x1 2y", "COVID-19", "a/b, c.d; e:f",
	"the EU's", "policies", "bus", "boss's", "z", "centre", "defence", "programmes", "1990s", "ABCs",
	"community of common destiny", "Chinese modernization", "\t tab", "new\nline",
	"naïve café", "community’s", "ｆｕｌｌｗｉｄｔｈ",
}

func TestRenderingKeyMatchesTextnorm(t *testing.T) {
	texts := append([]string{}, keyTexts...)
	def, problems := termlint.LoadDefault()
	if def == nil {
		t.Fatal(problems)
	}
	syn, problems := glossary.Load([]glossary.Input{{Name: "s.yaml", Data: corpus.Synthetic(2000, 7, def)}}, glossary.ValidateOptions{})
	if syn == nil {
		t.Fatal(problems)
	}
	for _, g := range []*glossary.Glossary{def, syn} {
		for _, c := range g.Concepts {
			for _, r := range c.Renderings {
				texts = append(texts, r.EN, strings.ToUpper(r.EN), r.EN+"s", r.EN+"'s")
				texts = append(texts, r.Forms...)
			}
		}
	}
	for _, s := range texts {
		if got, want := glossary.RenderingKey(s), textnorm.Key(s); got != want {
			t.Errorf("renderingKey(%q) = %q, textnorm.Key %q", s, got, want)
		}
	}
}

// TestChineseKeyMatchesTextnorm checks every CJK Unified Ideograph, which
// the shortcut takes as its own key, and terms mixing them with others.
func TestChineseKeyMatchesTextnorm(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if s := string(r); glossary.ChineseKey(s) != textnorm.Chinese(s) {
			t.Fatalf("chineseKey(%q) = %q, textnorm.Chinese %q", s, glossary.ChineseKey(s), textnorm.Chinese(s))
		}
	}
	for _, s := range []string{"", "周边", "命运 共同体", "命運共同體", "一带一路（倡议）", "G20峰会", "丝路基金", "\u3400", "\uF900", "周边\u200b"} {
		if got, want := glossary.ChineseKey(s), textnorm.Chinese(s); got != want {
			t.Errorf("chineseKey(%q) = %q, textnorm.Chinese %q", s, got, want)
		}
	}
}

// FuzzRenderingKey checks the rendering key against textnorm.Key.
func FuzzRenderingKey(f *testing.F) {
	for _, s := range keyTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := glossary.RenderingKey(s), textnorm.Key(s); got != want {
			t.Errorf("renderingKey(%q) = %q, textnorm.Key %q", s, got, want)
		}
		if !utf8.ValidString(s) {
			return
		}
		if got, want := glossary.ChineseKey(s), textnorm.Chinese(s); got != want {
			t.Errorf("chineseKey(%q) = %q, textnorm.Chinese %q", s, got, want)
		}
	})
}
