package textnorm

import (
	"strings"
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
		{"people-to-people  exchanges", "people to people exchange"},
		{"people\u2013to\u2013people\nexchange", "people to people exchange"},
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
// the allocation-free AppendWord must reproduce exactly.
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
	n := len(w)
	switch {
	case n <= 3:
	case strings.HasSuffix(w, "ies") && n > 4:
		w = w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"),
		strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zes"):
		w = w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:n-1]
	}
	return w
}

// wordSamples covers every branch of the fold: case, apostrophes,
// possessives, each plural ending, each British stem and the -is exception,
// short words, non-ASCII letters and invalid UTF-8.
var wordSamples = []string{
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
	words := [][]byte{[]byte("Neighbouring"), []byte("communities"), []byte("country's"), []byte("the")}
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
