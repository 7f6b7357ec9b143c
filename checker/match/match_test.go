package match

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// hit is an expected match: the text it covers, the IDs it reports and the
// matches nested in it.
type hit struct {
	text   string
	ids    []int
	nested []hit
}

// h is an expected match of text reporting ids.
func h(text string, ids ...int) hit { return hit{text: text, ids: ids} }

// in gives h the matches nested inside it.
func (x hit) in(nested ...hit) hit { x.nested = nested; return x }

// show prints matches one per line, nested ones indented, so that a failing
// case shows the whole tree.
func show(hs []hit, indent string) string {
	var b strings.Builder
	for _, x := range hs {
		fmt.Fprintf(&b, "%s%q %v\n", indent, x.text, x.ids)
		b.WriteString(show(x.nested, indent+"  "))
	}
	return b.String()
}

// hits turns Find's matches into hits, checking on the way that every
// offset lies in the text.
func hits(t *testing.T, text []byte, ms []Match) []hit {
	t.Helper()
	var hs []hit
	for _, m := range ms {
		if m.Start < 0 || m.Start >= m.End || m.End > len(text) {
			t.Fatalf("match [%d:%d] out of range for %d bytes", m.Start, m.End, len(text))
		}
		hs = append(hs, hit{text: string(text[m.Start:m.End]), ids: m.IDs, nested: hits(t, text, m.Nested)})
	}
	return hs
}

// compile compiles patterns with IDs 1, 2, 3, ... in order.
func compile(patterns ...string) *Matcher {
	ps := make([]Pattern, len(patterns))
	for i, p := range patterns {
		ps[i] = Pattern{Text: p, ID: i + 1}
	}
	return Compile(ps)
}

// The cases follow the matching rules one by one. Pattern IDs are 1, 2, 3,
// ... in the order the patterns are listed.
var findTests = []struct {
	name     string
	patterns []string
	text     string
	want     []hit
}{
	// Whole words only.
	{
		name:     "whole words: a pattern word never matches inside a longer word",
		patterns: []string{"road", "BRI"},
		text:     "The railroad and the BRICS summit were on the same road, said a BRI envoy.",
		want:     []hit{h("road", 1), h("BRI", 2)},
	},
	{
		name:     "whole words: a phrase must start and end on word boundaries",
		patterns: []string{"shared future"},
		text:     "Unshared futures are not shared futuresque plans; a shared future is.",
		want:     []hit{h("shared future", 1)},
	},

	// Word tokens.
	{
		name:     "word token: an apostrophe inside a word belongs to it",
		patterns: []string{"country", "s"},
		text:     "Each country’s delegates and the countries' envoys",
		want:     []hit{h("country’s", 1), h("countries", 1)},
	},
	{
		name:     "word token: & between letters is part of the word",
		patterns: []string{"B&R", "B", "R", "R&D"},
		text:     "B&R projects need R&D, not R & D budgets or B& R.",
		want:     []hit{h("B&R", 1), h("R&D", 4), h("R", 3), h("B", 2), h("R", 3)},
	},
	{
		name:     "word token: letters with accents and combining marks are word characters",
		patterns: []string{"résumé", "cafe", "café"},
		text:     "Her résumé lists a café and a cafe\u0301 in Zürich.",
		want:     []hit{h("résumé", 1), h("café", 3), h("cafe\u0301", 3)},
	},
	{
		name:     "word token: Han characters break a phrase and are not part of a word",
		patterns: []string{"neighboring countries", "countries"},
		text:     "neighboring周边countries; 周边neighboring countries国家",
		want:     []hit{h("countries", 2), h("neighboring countries", 1).in(h("countries", 2))},
	},
	{
		name:     "word token: kana and hangul break a phrase too",
		patterns: []string{"trade partner"},
		text:     "trade の partner, trade 와 partner, trade partner",
		want:     []hit{h("trade partner", 1)},
	},

	// Folding.
	{
		name:     "folding: case is ignored",
		patterns: []string{"Global Development Initiative"},
		text:     "the global development initiative and the GLOBAL DEVELOPMENT INITIATIVE",
		want:     []hit{h("global development initiative", 1), h("GLOBAL DEVELOPMENT INITIATIVE", 1)},
	},
	{
		name:     "folding: plurals match the singular and the other way round",
		patterns: []string{"community of common destiny", "free trade zones", "process"},
		text:     "two communities of common destiny, a free trade zone, the processes",
		want:     []hit{h("communities of common destiny", 1), h("free trade zone", 2), h("processes", 3)},
	},
	{
		name:     "folding: possessives match the bare word",
		patterns: []string{"neighboring country", "Party"},
		text:     "a neighboring country's border, neighboring countries' ports, the Party’s line",
		want:     []hit{h("neighboring country's", 1), h("neighboring countries", 1), h("Party’s", 2)},
	},
	{
		name:     "folding: British spellings match American ones",
		patterns: []string{"neighborhood diplomacy", "modernization", "defense programs"},
		text:     "Neighbourhood diplomacy, modernisation and defence programmes.",
		want:     []hit{h("Neighbourhood diplomacy", 1), h("modernisation", 2), h("defence programmes", 3)},
	},
	{
		name:     "folding: full-width letters and apostrophes fold like ASCII",
		patterns: []string{"BRI", "China's"},
		text:     "ＢＲＩ and Ｃｈｉｎａ＇ｓ",
		want:     []hit{h("ＢＲＩ", 1), h("Ｃｈｉｎａ＇ｓ", 2)},
	},

	// Acronyms.
	{
		name:     "acronyms: a pattern word in capitals matches only capitals",
		patterns: []string{"BRI", "SCO", "B&R"},
		text:     "The Bri or bri in prose; Sco and sco; b&r; then BRI, SCO and B&R.",
		want:     []hit{h("BRI", 1), h("SCO", 2), h("B&R", 3)},
	},
	{
		name:     "acronyms: a possessive or plural s does not hide the capitals",
		patterns: []string{"BRI", "NGO"},
		text:     "the BRI's reach, BRI’s funds, two NGOs and NGO’s staff, but Ngos",
		want:     []hit{h("BRI's", 1), h("BRI’s", 1), h("NGOs", 2), h("NGO’s", 2)},
	},
	{
		name:     "acronyms: only the capitalized words of a phrase are strict",
		patterns: []string{"CPC Central Committee"},
		text:     "the CPC central committee, the Cpc Central Committee, the CPC CENTRAL COMMITTEE",
		want:     []hit{h("CPC central committee", 1), h("CPC CENTRAL COMMITTEE", 1)},
	},
	{
		name:     "acronyms: a pattern in small letters matches any case",
		patterns: []string{"asean"},
		text:     "ASEAN, Asean and asean",
		want:     []hit{h("ASEAN", 1), h("Asean", 1), h("asean", 1)},
	},
	{
		name:     "acronyms: one capital letter is not an acronym",
		patterns: []string{"Plan B", "G20"},
		text:     "plan b at the g20",
		want:     []hit{h("plan b", 1), h("g20", 2)},
	},

	// Transparent between words.
	{
		name:     "transparent: runs of whitespace, line breaks and tabs",
		patterns: []string{"high-quality development"},
		text:     "high quality  development, high\nquality\r\n\tdevelopment, high-\nquality development",
		want:     []hit{h("high quality  development", 1), h("high\nquality\r\n\tdevelopment", 1), h("high-\nquality development", 1)},
	},
	{
		name:     "transparent: NBSP and other Unicode spaces",
		patterns: []string{"Silk Road"},
		text:     "Silk\u00a0Road, Silk\u2003Road, Silk\u3000Road, Silk\u202fRoad, Silk\u200bRoad",
		want: []hit{h("Silk\u00a0Road", 1), h("Silk\u2003Road", 1), h("Silk\u3000Road", 1),
			h("Silk\u202fRoad", 1), h("Silk\u200bRoad", 1)},
	},
	{
		name:     "transparent: hyphens and dashes",
		patterns: []string{"people to people", "Chinese-style"},
		text: "people-to-people, people\u2010to\u2011people, people\u2012to\u2013people, " +
			"people\u2014to\u2015people, people\u2212to\u00adpeople, people — to — people, Chinese style",
		want: []hit{h("people-to-people", 1), h("people\u2010to\u2011people", 1), h("people\u2012to\u2013people", 1),
			h("people\u2014to\u2015people", 1), h("people\u2212to\u00adpeople", 1), h("people — to — people", 1),
			h("Chinese style", 2)},
	},
	{
		name:     "transparent: quotation marks that are not apostrophes",
		patterns: []string{"Belt and Road Initiative"},
		text: `the "Belt and Road" Initiative; the “Belt and Road” Initiative; „Belt and Road“ Initiative; ` +
			`«Belt and Road» Initiative; ‹Belt and Road› Initiative; the 'Belt and Road' Initiative; ‘Belt and Road’ Initiative`,
		want: []hit{h(`Belt and Road" Initiative`, 1), h("Belt and Road” Initiative", 1), h("Belt and Road“ Initiative", 1),
			h("Belt and Road» Initiative", 1), h("Belt and Road› Initiative", 1), h("Belt and Road' Initiative", 1),
			h("Belt and Road’ Initiative", 1)},
	},
	{
		name:     "transparent: Markdown emphasis and code marks",
		patterns: []string{"Belt and Road Initiative", "community with a shared future"},
		text:     "*Belt and Road* Initiative, **Belt** and _Road_ Initiative, `community with a` ~~shared~~ future",
		want:     []hit{h("Belt and Road* Initiative", 1), h("Belt** and _Road_ Initiative", 1), h("community with a` ~~shared~~ future", 2)},
	},
	{
		name:     "transparent: the pattern's own hyphens and quotes do not matter either",
		patterns: []string{"“win–win” cooperation"},
		text:     "win-win cooperation and win win cooperation",
		want:     []hit{h("win-win cooperation", 1), h("win win cooperation", 1)},
	},

	// Commas.
	{
		name:     "commas: a pattern with commas needs them in the text",
		patterns: []string{"amity, sincerity, mutual benefit and inclusiveness"},
		text:     "amity sincerity mutual benefit and inclusiveness; amity, sincerity, mutual benefit and inclusiveness",
		want:     []hit{h("amity, sincerity, mutual benefit and inclusiveness", 1)},
	},
	{
		name:     "commas: a comma in the text breaks a pattern that has none",
		patterns: []string{"neighboring countries"},
		text:     "neighboring, countries and neighboring countries",
		want:     []hit{h("neighboring countries", 1)},
	},
	{
		name:     "commas: the serial comma is optional in the text",
		patterns: []string{"amity, sincerity, mutual benefit and inclusiveness"},
		text:     "They named amity, sincerity, mutual benefit, and inclusiveness.",
		want:     []hit{h("amity, sincerity, mutual benefit, and inclusiveness", 1)},
	},
	{
		name:     "commas: the serial comma is optional in the pattern",
		patterns: []string{"friendship, sincerity, benefit, and inclusiveness", "peace, or war"},
		text:     "friendship, sincerity, benefit and inclusiveness; peace or war",
		want:     []hit{h("friendship, sincerity, benefit and inclusiveness", 1), h("peace or war", 2)},
	},
	{
		name:     "commas: a comma before and/or is dropped wherever it stands",
		patterns: []string{"peace and development"},
		text:     "peace, and development; peace, “and” development; peace,, and development",
		want:     []hit{h("peace, and development", 1), h("peace, “and” development", 1)},
	},
	{
		name:     "commas: a full-width comma is a comma",
		patterns: []string{"amity, sincerity"},
		text:     "amity，sincerity",
		want:     []hit{h("amity，sincerity", 1)},
	},

	// Other punctuation breaks a phrase.
	{
		name:     "breaks: a full stop ends the phrase",
		patterns: []string{"neighboring countries work", "neighboring countries"},
		text:     "We help neighboring countries. Work goes on.",
		want:     []hit{h("neighboring countries", 2)},
	},
	{
		name:     "breaks: ASCII punctuation and symbols",
		patterns: []string{"shared future"},
		text: "shared; future shared: future shared! future shared? future shared(future) [shared]future " +
			"{shared}future shared/future shared\\future shared+future shared%future shared@future shared#future shared|future",
		want: nil,
	},
	{
		name:     "breaks: CJK punctuation",
		patterns: []string{"shared future"},
		text:     "shared。future shared、future shared「future」 shared《future》 shared：future",
		want:     nil,
	},
	{
		name:     "breaks: zero bytes (code a reader masked out) break a phrase",
		patterns: []string{"shared future"},
		text:     "shared\x00\x00\x00 future and shared \x00future, but shared future",
		want:     []hit{h("shared future", 1)},
	},
	{
		name:     "breaks: a mark the pattern has must be in the text",
		patterns: []string{"U.S. dollar", "Belt and Road Initiative (BRI)"},
		text:     "the U.S. dollar, not the US dollar; the Belt and Road Initiative (BRI) and Belt and Road Initiative BRI",
		want:     []hit{h("U.S. dollar", 1), h("Belt and Road Initiative (BRI)", 2)},
	},

	// Leftmost-longest, with nested matches.
	{
		name: "leftmost-longest: the longest phrase wins and holds the shorter ones",
		patterns: []string{
			"neighboring countries",
			"work related to neighboring countries",
			"Central Conference on Work Related to Neighboring Countries",
			"central conference",
		},
		text: "At the Central Conference on Work Related to Neighbouring Countries, the work related to neighbouring countries came first.",
		want: []hit{
			h("Central Conference on Work Related to Neighbouring Countries", 3).in(
				h("Central Conference", 4),
				h("Work Related to Neighbouring Countries", 2).in(
					h("Neighbouring Countries", 1))),
			h("work related to neighbouring countries", 2).in(
				h("neighbouring countries", 1)),
		},
	},
	{
		name:     "leftmost-longest: an earlier start beats a longer match starting later",
		patterns: []string{"trade and investment", "investment cooperation framework"},
		text:     "trade and investment cooperation framework",
		want:     []hit{h("trade and investment", 1)},
	},
	{
		name:     "leftmost-longest: nested matches are leftmost-longest among themselves",
		patterns: []string{"a b c d", "a b", "b c d", "c d", "d"},
		text:     "a b c d",
		want:     []hit{h("a b c d", 1).in(h("a b", 2), h("c d", 4).in(h("d", 5)))},
	},
	{
		name:     "leftmost-longest: a failed long prefix does not hide a match inside it",
		patterns: []string{"community with a shared future for mankind", "shared future"},
		text:     "a community with a shared future for all",
		want:     []hit{h("shared future", 2)},
	},

	// Keys and IDs.
	{
		name:     "merging: patterns with the same key report all their IDs",
		patterns: []string{"community of common destiny", "Communities of Common Destiny", "community of common destiny", "community-of-common-destiny"},
		text:     "a community of common destiny",
		want:     []hit{h("community of common destiny", 1, 2, 3, 4)},
	},
	{
		name:     "merging: an acronym and its small-letter form are two keys, both met by capitals",
		patterns: []string{"BRI", "bri"},
		text:     "BRI and bri",
		want:     []hit{h("BRI", 1, 2), h("bri", 2)},
	},
	{
		name:     "empty text",
		patterns: []string{"shared future"},
		text:     "",
		want:     nil,
	},
	{
		name:     "no matches",
		patterns: []string{"shared future", "BRI"},
		text:     "Nothing in this sentence is a glossary term.",
		want:     nil,
	},
	{
		name:     "no patterns",
		patterns: nil,
		text:     "shared future",
		want:     nil,
	},
	{
		name:     "a pattern with Han characters matches them literally",
		patterns: []string{"zhoubian (周边)"},
		text:     "the word zhoubian (周边) means periphery",
		want:     []hit{h("zhoubian (周边)", 1)},
	},
}

func TestFind(t *testing.T) {
	for _, tt := range findTests {
		t.Run(tt.name, func(t *testing.T) {
			m := compile(tt.patterns...)
			text := []byte(tt.text)
			got := show(hits(t, text, m.Find(text)), "")
			if want := show(tt.want, ""); got != want {
				t.Errorf("Find(%q)\ngot:\n%swant:\n%s", tt.text, got, want)
			}
		})
	}
}

func TestFindOffsets(t *testing.T) {
	m := compile("community with a shared future", "BRI")
	// Curly quotes, CJK, NBSP and CRLF around and inside the phrases.
	text := []byte("“构建 community\u00a0with a\r\nshared future”（BRI）")
	got := m.Find(text)
	want := []Match{
		{Start: 10, End: 42, IDs: []int{1}},
		{Start: 48, End: 51, IDs: []int{2}},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("Find = %v, want %v", got, want)
	}
	if s := string(text[got[0].Start:got[0].End]); s != "community\u00a0with a\r\nshared future" {
		t.Errorf("first match covers %q", s)
	}
	if s := string(text[got[1].Start:got[1].End]); s != "BRI" {
		t.Errorf("second match covers %q", s)
	}
}

func TestSkipped(t *testing.T) {
	m := Compile([]Pattern{
		{Text: "", ID: 7},
		{Text: "shared future", ID: 8},
		{Text: " — “” ", ID: 9},
		{Text: "...", ID: 10},
		{Text: "周边", ID: 11},
	})
	if got, want := m.Skipped(), []int{7, 9, 10, 11}; !slices.Equal(got, want) {
		t.Errorf("Skipped() = %v, want %v", got, want)
	}
	text := []byte("... “” 周边 shared future")
	if got := m.Find(text); len(got) != 1 || !slices.Equal(got[0].IDs, []int{8}) {
		t.Errorf("Find = %v, want only the shared future", got)
	}
}

func TestFindIsSafeForConcurrentUse(t *testing.T) {
	m := Compile(benchPatterns(300))
	texts := [][]byte{benchText(20_000), []byte("Neighbourhood diplomacy, the BRI."), benchText(5_000), nil}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = fmt.Sprint(m.Find(text))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 20 {
				i := (g + k) % len(texts)
				if got := fmt.Sprint(m.Find(texts[i])); got != want[i] {
					t.Errorf("goroutine %d: Find(text %d) differs from a sequential run", g, i)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestFindDoesNotAllocatePerWord(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector")
	}
	m := compile("community with a shared future", "neighborhood diplomacy", "BRI")
	// Many words, some known to the patterns, none matching.
	text := []byte(strings.Repeat("The community with a future and shared diplomacy of neighboring states, as planned. ", 200))
	m.Find(text) // warm the pool
	if allocs := testing.AllocsPerRun(20, func() { m.Find(text) }); allocs != 0 {
		t.Errorf("Find allocates %v times on a text without matches, want 0", allocs)
	}
}

func TestSkippedPatternsLeaveNoTrace(t *testing.T) {
	// A skipped pattern of Chinese and punctuation must not make Han
	// characters or full stops symbols of the matcher.
	m := Compile([]Pattern{{Text: "周边 ...", ID: 1}, {Text: "shared future", ID: 2}})
	if m.wide || m.marks['.'] != 0 {
		t.Errorf("skipped pattern left symbols behind: wide %v, '.' %d", m.wide, m.marks['.'])
	}
}
