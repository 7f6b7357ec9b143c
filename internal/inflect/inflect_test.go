package inflect

import (
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/textnorm"
)

func TestPhrase(t *testing.T) {
	tests := []struct {
		name, text, rendering, replacement, want string
	}{
		// Case.
		{"as written", "community of common destiny", "community of common destiny", "community with a shared future", "community with a shared future"},
		{"sentence start", "Community of common destiny", "community of common destiny", "community with a shared future", "Community with a shared future"},
		{"title case", "Community of Common Destiny", "community of common destiny", "community with a shared future", "Community with a Shared Future"},
		{"title case, two words", "Periphery Diplomacy", "periphery diplomacy", "neighborhood diplomacy", "Neighborhood Diplomacy"},
		{"title case, hyphenated replacement", "Periphery Work", "periphery work", "people-to-people exchanges", "People-to-People Exchanges"},
		{"all capitals", "COMMUNITY OF COMMON DESTINY", "community of common destiny", "community with a shared future", "COMMUNITY WITH A SHARED FUTURE"},
		{"all capitals, proper noun", "ONE BELT, ONE ROAD", "One Belt, One Road", "Belt and Road", "BELT AND ROAD"},
		{"proper noun keeps its case", "One Belt, One Road", "One Belt, One Road", "Belt and Road", "Belt and Road"},
		{"glossary capitals win over a lower-case text", "one belt, one road", "One Belt, One Road", "Belt and Road", "Belt and Road"},
		{"sentence start before a proper noun", "Belt and Road strategy", "Belt and Road strategy", "Belt and Road Initiative", "Belt and Road Initiative"},
		{"title case of a partly capitalised rendering", "Belt and Road Strategy", "Belt and Road strategy", "Belt and Road Initiative", "Belt and Road Initiative"},
		{"sentence start keeps an acronym", "Neighboring diplomacy", "neighboring diplomacy", "CPC diplomacy", "CPC diplomacy"},
		{"acronym in the rendering says nothing", "CCP Central Committee", "CCP Central Committee", "Party Central Committee", "Party Central Committee"},
		{"sentence start, acronym rendering", "CCP Central Committee", "CCP Central Committee", "central committee", "central committee"},
		{"sentence start of a single word", "Periphery", "periphery", "neighborhood", "Neighborhood"},
		{"mixed case is left alone", "periphery Diplomacy policy", "periphery diplomacy policy", "neighborhood diplomacy policy", "neighborhood diplomacy policy"},
		{"capitals of a form", "OBOR", "OBOR", "Belt and Road", "Belt and Road"},
		{"lower case of an acronym form", "obor", "OBOR", "Belt and Road", "Belt and Road"},

		// Number.
		{"plural head, of-phrase", "Communities of common destiny", "community of common destiny", "community with a shared future", "Communities with a shared future"},
		{"plural head, last word", "periphery works", "periphery work", "neighborhood work", "neighborhood works"},
		{"plural head -y", "neighboring diplomacies", "neighboring diplomacy", "neighborhood diplomacy", "neighborhood diplomacies"},
		{"plural head, title case", "Communities Of Common Destiny", "community of common destiny", "community with a shared future", "Communities with a Shared Future"},
		{"plural head, all capitals", "COMMUNITIES OF COMMON DESTINY", "community of common destiny", "community with a shared future", "COMMUNITIES WITH A SHARED FUTURE"},
		{"plural head before related to", "works related to neighboring countries", "work related to neighboring countries", "neighborhood work", "neighborhood works"},
		{"plural replacement head stays", "periphery relationses", "periphery relations", "relations with neighboring countries", "relations with neighboring countries"},
		{"plural rendering, singular text", "neighbor", "neighbors", "countries in the neighborhood", "country in the neighborhood"},
		{"plural rendering, plural text", "neighbors", "neighbors", "countries in the neighborhood", "countries in the neighborhood"},
		{"plural -ch", "periphery approaches", "periphery approach", "neighborhood approach", "neighborhood approaches"},
		{"-ss is not a plural", "periphery process", "periphery process", "neighborhood process", "neighborhood process"},
		{"plural of a plural-looking non-head word is no plural", "surroundings environment", "surrounding environment", "regional environment", "regional environment"},
		{"British plural", "neighbouring diplomacies", "neighboring diplomacy", "neighborhood diplomacy", "neighbourhood diplomacies"},
		{"irregular plural -sis", "risk reviews", "risk review", "risk analysis", "risk analyses"},
		{"irregular plural -on", "Assessment Yardsticks", "assessment yardstick", "assessment criterion", "Assessment Criteria"},
		{"irregular plural, capitals", "DEBT EMERGENCIES", "debt emergency", "debt crisis", "DEBT CRISES"},
		{"irregular plural person", "local residents", "local resident", "local person", "local people"},
		{"irregular singular", "frontier analysis", "frontier analyses", "border analyses", "border analysis"},
		{"uncountable head gains no s", "policy notices", "policy notice", "policy information", "policy information"},
		{"uncountable progress", "reform advances", "reform advance", "reform progress", "reform progress"},
		{"series is its own plural", "policy sequences", "policy sequence", "policy series", "policy series"},
		{"news is no plural", "press bulletins", "press bulletin", "news", "news"},
		// "bases" reads as the plural of "base": a fix in the plural
		// would not be read as "legal basis".
		{"plural the matcher reads as another word", "legal grounds", "legal ground", "legal basis", "legal basis"},
		{"singular text of an uncountable rendering", "policy notice", "policy information", "policy notices", "policy notices"},

		// Possessive.
		{"possessive", "community of common destiny's", "community of common destiny", "community with a shared future", "community with a shared future's"},
		{"curly possessive", "periphery work’s", "periphery work", "neighborhood work", "neighborhood work’s"},
		{"plural possessive", "periphery works'", "periphery work", "neighborhood work", "neighborhood works'"},
		{"possessive onto a plural", "periphery diplomacy's", "periphery diplomacy", "relations with neighboring countries", "relations with neighboring countries'"},
		{"possessive in capitals", "PERIPHERY DIPLOMACY'S", "periphery diplomacy", "neighborhood diplomacy", "NEIGHBORHOOD DIPLOMACY'S"},
		{"possessive rendering", "China's periphery", "China's periphery", "China's neighborhood", "China's neighborhood"},
		{"possessive of a plural not in s", "local residents'", "local resident", "local person", "local people's"},
		{"possessive onto a plural not in s", "local resident's", "local resident", "local people", "local people's"},

		// British spelling.
		{"British spelling", "neighbouring diplomacy", "neighboring diplomacy", "neighborhood diplomacy", "neighbourhood diplomacy"},
		{"British spelling, -ise", "organisation of periphery work", "organization of periphery work", "organization of neighborhood work", "organisation of neighbourhood work"},
		{"American text stays American", "neighboring diplomacy", "neighboring diplomacy", "neighborhood diplomacy", "neighborhood diplomacy"},
		{"British whole words only", "defence centre", "defense center", "centered defense", "centered defence"},

		// Forms of text the matcher sees through.
		{"line break in the text", "community of\ncommon destiny", "community of common destiny", "community with a shared future", "community with a shared future"},
		{"hyphen in the text", "good-neighborly friendship", "good neighborly friendship", "good-neighborly relations", "good-neighborly relations"},
		{"emphasis in the text", "Periphery** work", "periphery work", "neighborhood work", "Neighborhood work"},
		{"unaligned text: abbreviation of a longer rendering", "BRI", "Belt and Road Initiative", "Belt and Road", "Belt and Road"},
		{"empty text", "", "periphery work", "neighborhood work", "neighborhood work"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Phrase(tt.text, tt.rendering, tt.replacement); got != tt.want {
				t.Errorf("Phrase(%q, %q, %q) = %q, want %q", tt.text, tt.rendering, tt.replacement, got, tt.want)
			}
		})
	}
}

// TestPhraseFoldsToReplacement: whatever Phrase writes, the matcher reads
// as the replacement, so a fixed text is found to use the replacement.
func TestPhraseFoldsToReplacement(t *testing.T) {
	renderings := []string{
		"community of common destiny", "community with a shared future", "periphery work",
		"neighborhood work", "work related to neighboring countries", "Belt and Road Initiative",
		"countries in our periphery", "relations with neighboring countries", "neighbors",
		"Central Conference on Work Related to Neighboring Countries", "periphery affairs",
		"amity, sincerity, mutual benefit and inclusiveness", "21st-Century Maritime Silk Road",
	}
	texts := func(r string) []string {
		w := split(r)
		h := head(w)
		out := []string{r, strings.ToUpper(r), strings.ToUpper(r[:1]) + r[1:]}
		if h >= 0 && !plural(w[h].text) {
			out = append(out, join(r, w, replaceAt(w, h, pluralize(w[h].text))))
		}
		return append(out, r+"'s", toBritishAll(r))
	}
	for _, from := range renderings {
		for _, text := range texts(from) {
			for _, to := range renderings {
				got := Phrase(text, from, to)
				if textnorm.Key(got) != textnorm.Key(to) {
					t.Errorf("Phrase(%q, %q, %q) = %q, which the matcher does not read as %q", text, from, to, got, to)
				}
			}
		}
	}
}

func replaceAt(ws []word, i int, s string) []string {
	out := make([]string, len(ws))
	for j, w := range ws {
		out[j] = w.text
	}
	out[i] = s
	return out
}

func toBritishAll(s string) string {
	ws := split(s)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = toBritish(w.text)
	}
	return join(s, ws, out)
}

// TestSpellingsFoldAlike keeps the British spellings in step with the
// ones textnorm folds: each British form, with the endings it takes, folds
// to its American form.
func TestSpellingsFoldAlike(t *testing.T) {
	for _, s := range spellings {
		endings := []string{"", "s"}
		if !s.whole {
			endings = []string{"e", "ed", "ing", "ation", "ing"}
			if strings.HasSuffix(s.us, "or") {
				endings = []string{"", "s", "ing", "ed", "able", "hood"}
			}
		}
		for _, e := range endings {
			us, gb := s.us+e, s.gb+e
			if got := toBritish(us); got != gb {
				t.Errorf("toBritish(%q) = %q, want %q", us, got, gb)
			}
			if textnorm.Word(gb) != textnorm.Word(us) {
				t.Errorf("textnorm folds %q to %q but %q to %q", gb, textnorm.Word(gb), us, textnorm.Word(us))
			}
		}
	}
	for _, w := range []string{"centered", "programmer", "Neighbor", "NEIGHBOR", "four", "promise"} {
		want := map[string]string{"Neighbor": "Neighbour", "NEIGHBOR": "NEIGHBOUR"}[w]
		if want == "" {
			want = w
		}
		if got := toBritish(w); got != want {
			t.Errorf("toBritish(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestPluralize: plurals come from go-pluralize (through package noun),
// irregular ones included, in the word's case; uncountable nouns and
// words that only look plural stay as they are; and the matcher folds
// each plural as its singular.
func TestPluralize(t *testing.T) {
	for _, tt := range []struct{ singular, plural string }{
		{"community", "communities"}, {"work", "works"}, {"day", "days"}, {"approach", "approaches"},
		{"box", "boxes"}, {"class", "classes"}, {"COMMUNITY", "COMMUNITIES"}, {"Bush", "Bushes"},
		{"analysis", "analyses"}, {"Analysis", "Analyses"}, {"criterion", "criteria"}, {"CRITERION", "CRITERIA"},
		{"crisis", "crises"}, {"axis", "axes"}, {"phenomenon", "phenomena"},
		{"policy", "policies"}, {"country", "countries"}, {"process", "processes"}, {"status", "statuses"},
		{"person", "people"}, {"Person", "People"}, {"child", "children"}, {"woman", "women"},
		{"life", "lives"}, {"index", "indices"}, {"specimen", "specimens"}, {"iPhone", "iPhones"},
	} {
		if got := pluralize(tt.singular); got != tt.plural {
			t.Errorf("pluralize(%q) = %q, want %q", tt.singular, got, tt.plural)
		}
		if got := singularize(tt.plural); got != tt.singular {
			t.Errorf("singularize(%q) = %q, want %q", tt.plural, got, tt.singular)
		}
		if !plural(tt.plural) || plural(tt.singular) {
			t.Errorf("plural(%q) = %v, plural(%q) = %v", tt.plural, plural(tt.plural), tt.singular, plural(tt.singular))
		}
		if textnorm.Word(tt.plural) != textnorm.Word(tt.singular) {
			t.Errorf("textnorm folds %q and %q apart", tt.plural, tt.singular)
		}
	}
	// No plural of its own: uncountable, or a plural already.
	for _, w := range []string{"information", "equipment", "progress", "cooperation", "news", "series", "people", "criteria"} {
		if got := pluralize(w); got != w {
			t.Errorf("pluralize(%q) = %q, want it unchanged", w, got)
		}
		if w != "people" && w != "criteria" && plural(w) {
			t.Errorf("plural(%q) = true, want false", w)
		}
	}
}
