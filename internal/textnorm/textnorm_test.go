package textnorm

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Community of Common Destiny", "community of common destiny"},
		{"communities of common destiny", "community of common destiny"},
		{"neighbouring countries", "neighboring country"},
		{"Neighbourhood’s", "neighborhood"},
		{"country's", "country"},
		{"countries'", "country"},
		// "people" is the plural of "person" (inflect writes it so), so it
		// folds to "person".
		{"people-to-people  exchanges", "person to person exchange"},
		{"people\u2013to\u2013people\nexchange", "person to person exchange"},
		{"“community with a shared future”", "community with a shared future"},
		{"ＢＲＩ", "bri"},
		{"modernisation", "modernization"},
		{"emphasis", "emphasis"},
		{"emphasised", "emphasized"},
		{"organism", "organism"},
		{"process", "process"},
		{"crisis", "crisis"},
		{"status", "status"},
		{"approaches", "approach"},
		{"risk analyses", "risk analysis"},
		{"assessment criteria", "assessment criterion"},
		{"debt crises", "debt crisis"},
		{"local people", "local person"},
		{"news", "news"},
		{"a series of policies", "a series of policy"},
		{"countries' processes", "country process"},
		{"information", "information"},
		{"our neighbours", "our neighbor"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestChinese(t *testing.T) {
	tests := []struct{ in, want string }{
		{"周边命运共同\n体", "周边命运共同体"},
		{"睦邻、安邻、富邻", "睦邻安邻富邻"},
		{"共建“一带一路”", "共建一带一路"},
		{"ＲＣＥＰ", "rcep"},
	}
	for _, tt := range tests {
		if got := Chinese(tt.in); got != tt.want {
			t.Errorf("Chinese(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPinyin(t *testing.T) {
	for _, in := range []string{"zhōubiān gōngzuò", "Zhoubian Gongzuo", "zhou1bian1 gong1zuo4", "zhoubian-gongzuo"} {
		if got := Pinyin(in); got != "zhoubiangongzuo" {
			t.Errorf("Pinyin(%q) = %q, want zhoubiangongzuo", in, got)
		}
	}
	if got := Pinyin("lǜsè"); got != "luse" {
		t.Errorf("Pinyin(lǜsè) = %q, want luse", got)
	}
}

func TestHasHan(t *testing.T) {
	if !HasHan("the 周边 region") || HasHan("zhoubian") {
		t.Error("HasHan misclassifies")
	}
}

// wordRef is Word as first written with strings, kept as the reference that
// the allocation-free AppendWord must reproduce exactly: it asks
// go-pluralize about every word.
func wordRef(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimRight(w, "'")
	w = strings.TrimSuffix(w, "'s")
	w = strings.ReplaceAll(w, "'", "")
	for _, s := range britishStems {
		if !strings.HasPrefix(w, s.gb) {
			continue
		}
		rest := w[len(s.gb):]
		if strings.HasSuffix(s.gb, "is") && (rest == "" || rest[0] != 'e' && rest[0] != 'a' && rest[0] != 'i') {
			continue
		}
		w = s.us + rest
		break
	}
	// The number: go-pluralize's singular of every word, asked without
	// mayBePlural's shortcut and without the cache, so that a word the
	// shortcut passes over wrongly shows here.
	return numberFold(w)
}

// wordSamples covers every branch of the fold: case, apostrophes,
// possessives, each plural ending, irregular and uncountable nouns, the
// endings mayBePlural looks for, pronouns, each British stem and the -is
// exception, short words, non-ASCII letters and invalid UTF-8.
var wordSamples = []string{
	"analyses", "analysis", "criteria", "criterion", "crises", "theses", "bases", "basis", "oasis",
	"axes", "axis", "phenomena", "data", "datum", "media", "agenda", "China", "area", "alumni", "foci",
	"stimuli", "Xi", "Mali", "people", "person", "men", "women", "chairmen", "children", "oxen", "feet",
	"teeth", "geese", "mice", "lice", "dice", "office", "police", "cherubim", "algae", "bureaux",
	"passersby", "specimen", "specimens", "Yemen", "omen", "lives", "wives", "halves", "leaves",
	"matrices", "indices", "appendices", "statuses", "buses", "gases", "Pakistanis", "news", "new",
	"information", "equipment", "progress", "headquarters", "policies", "policy", "movies", "monies",
	"ourselves", "themselves", "these", "those", "we", "they", "them", "our", "their", "are", "were",
	"have", "this", "his", "yes", "ads",
	"", "a", "I", "is", "us", "its", "BRI", "B&R", "CPC's", "BRIs", "NGOs", "ngos",
	"country", "countries", "country's", "countries'", "countries's", "'s", "'", "''", "s'", "it's'",
	"communities", "Communities", "ties", "lies", "series", "species",
	"processes", "boxes", "approaches", "wishes", "sizes", "glasses", "business", "bus", "status",
	"crisis", "analysis", "emphasis", "emphasise", "emphasised", "emphasising", "Emphasizes",
	"neighbour", "neighbours", "Neighbouring", "neighbourhood's", "favour", "favourable", "honours",
	"labour", "behaviours", "colour", "harbours", "endeavours", "vigour", "centre", "centres",
	"defence", "offences", "programme", "programmes", "catalogue", "dialogue", "dialogues",
	"organise", "organisation", "organisations", "organism", "modernisation", "realise", "recognised",
	"globalisation", "internationalisation", "stabilise", "mobilising", "prioritise", "characterised",
	"institutionalised", "normalisation", "harmonious", "harmonise", "civilisation", "civilisations",
	"standardised", "summarise", "symbolises", "utilisation", "minimise", "maximising", "optimised",
	"revitalisation", "revitalis", "normalis", "o'clock", "rock'n'roll",
	"Ärzte", "ÉCOLES", "Çà", "İstanbul", "ȺȾ", "Straße", "ǅungla", "Ωmega's", "日本s",
	"\xff\xfe", "ab\xc3", "\xed\xa0\x80s", "\uFFFDs", "ＢＲＩ",
}

func TestAppendWordMatchesReference(t *testing.T) {
	for _, w := range wordSamples {
		want := wordRef(w)
		if got := Word(w); got != want {
			t.Errorf("Word(%q) = %q, want %q", w, got, want)
		}
		dst := []byte("prefix")
		if got := string(AppendWord(dst, []byte(w))); got != "prefix"+want {
			t.Errorf("AppendWord(prefix, %q) = %q, want %q", w, got, "prefix"+want)
		}
	}
}

func TestAppendWordDoesNotAllocate(t *testing.T) {
	dst := make([]byte, 0, 64)
	// Plurals are folded once with go-pluralize and then from the cache,
	// which AllocsPerRun's warm-up run fills.
	words := [][]byte{[]byte("Neighbouring"), []byte("communities"), []byte("country's"), []byte("the"),
		[]byte("analyses"), []byte("Criteria"), []byte("people"), []byte("news")}
	allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			dst = AppendWord(dst[:0], w)
		}
	})
	if allocs != 0 {
		t.Errorf("AppendWord allocates %v times per run, want 0", allocs)
	}
}

func FuzzAppendWord(f *testing.F) {
	for _, w := range wordSamples {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		want := wordRef(w)
		if got := string(AppendWord([]byte("x"), []byte(w))); got != "x"+want {
			t.Errorf("AppendWord(%q) = %q, want %q", w, got[1:], want)
		}
	})
}

// TestPluralEndings keeps AppendWord's inline look-up in step with
// mayBePlural: no word mayBePlural says yes to ends in a pair of bytes
// that pluralEndings lacks.
func TestPluralEndings(t *testing.T) {
	prefixes := []string{"", "x", "xxx", "op", "ee", "eet", "ea", "ox", "m", "r", "s"}
	for k := range 1 << 16 {
		pair := []byte{byte(k >> 8), byte(k)}
		if endsLikePlural(pair) {
			continue
		}
		for _, p := range prefixes {
			if b := append([]byte(p), pair...); mayBePlural(b) {
				t.Errorf("mayBePlural(%q), but pluralEndings lacks %q", b, pair)
			}
		}
	}
	for _, w := range wordSamples {
		b := AppendWord(nil, []byte(w))
		if len(b) > 1 && mayBePlural(b) && !endsLikePlural(b) {
			t.Errorf("mayBePlural(%q), but pluralEndings lacks its ending", b)
		}
	}
}

// TestSingularCache: a word's fold is asked of go-pluralize once and
// then found in the cache, and goroutines folding the same words at once
// agree.
func TestSingularCache(t *testing.T) {
	var words [][]byte
	for i := range 200 {
		words = append(words, fmt.Appendf(nil, "w%dthings", i))
	}
	first := make([]*cacheEntry, len(words))
	for i, w := range words {
		first[i] = singularOf(w)
	}
	for i, w := range words {
		if e := singularOf(w); e != first[i] || e.singular != string(w[:len(w)-1]) {
			t.Errorf("singularOf(%q) = %+v, want the entry %+v of the first call", w, e, first[i])
		}
	}

	want := make([]string, len(wordSamples))
	for i, w := range wordSamples {
		want[i] = wordRef(w)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var dst []byte
			for range 20 {
				for i, w := range wordSamples {
					if dst = AppendWord(dst[:0], []byte(w)); string(dst) != want[i] {
						t.Errorf("AppendWord(%q) = %q, want %q", w, dst, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
