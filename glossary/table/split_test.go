package table

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// pieceString writes a piece as en [status] {forms: ...} {note: ...}.
func pieceString(p piece) string {
	s := p.en
	if p.status != "" {
		s += " [" + string(p.status) + "]"
	}
	if len(p.forms) > 0 {
		s += " {forms: " + strings.Join(p.forms, ", ") + "}"
	}
	if p.note != "" {
		s += " {note: " + p.note + "}"
	}
	return s
}

func TestSplitEnglish(t *testing.T) {
	const s, e = string(struckOpen), string(struckClose)
	for _, tc := range []struct {
		cell string
		want []string
	}{
		// Strong separators.
		{"neighborhood; periphery", []string{"neighborhood", "periphery"}},
		{"neighborhood；periphery", []string{"neighborhood", "periphery"}},
		{"neighborhood / periphery", []string{"neighborhood", "periphery"}},
		{"neighborhood/periphery", []string{"neighborhood", "periphery"}},
		{"neighborhood 或 periphery", []string{"neighborhood", "periphery"}},
		{"neighborhood或者periphery", []string{"neighborhood", "periphery"}},
		{"neighborhood、periphery", []string{"neighborhood", "periphery"}},
		{"neighborhood\nperiphery", []string{"neighborhood", "periphery"}},
		{"neighborhood | periphery", []string{"neighborhood", "periphery"}},
		{"trade and/or investment", []string{"trade and/or investment"}},
		{"see https://example.org/terms", []string{"see https://example.org/terms"}},
		// Commas part alternatives...
		{"neighborhood, periphery, surrounding areas", []string{"neighborhood", "periphery", "surrounding areas"}},
		{"neighborhood，periphery", []string{"neighborhood", "periphery"}},
		{"Belt and Road, One Belt and One Road", []string{"Belt and Road", "One Belt and One Road"}},
		// ... but not an enumeration, prose or a numbered slogan.
		{"friendship, sincerity, mutual benefit and inclusiveness", []string{"friendship, sincerity, mutual benefit and inclusiveness"}},
		{"amity, sincerity, mutual benefit, and inclusiveness", []string{"amity, sincerity, mutual benefit, and inclusiveness"}},
		{"peace, development or cooperation", []string{"peace, development or cooperation"}},
		{"neighborhood, as Xinhua writes it", []string{"neighborhood, as Xinhua writes it"}},
		{"periphery, e.g. in scholarly texts", []string{"periphery, e.g. in scholarly texts"}},
		{"neighborhood, periphery, etc.", []string{"neighborhood, periphery, etc"}},
		{"One Belt, One Road", []string{"One Belt, One Road"}},
		{"One Country, Two Systems", []string{"One Country, Two Systems"}},
		{"policy of One Country, Two Systems", []string{"policy of One Country, Two Systems"}},
		{"policy of One Country, Two Systems, principle of one country", []string{"policy of One Country, Two Systems", "principle of one country"}},
		{"1,000 Talents Plan", []string{"1,000 Talents Plan"}},
		// Nothing splits inside brackets or quotes.
		{`"neighborhood, periphery"`, []string{"neighborhood, periphery"}},
		{"“One Belt, One Road” (deprecated); Belt and Road", []string{"One Belt, One Road [deprecated]", "Belt and Road"}},
		{"community (shared future; common destiny)", []string{"community {note: shared future; common destiny}"}},
		// " or " parts single words or whole phrases alike.
		{"neighborhood or periphery", []string{"neighborhood", "periphery"}},
		{"community of common destiny or community with a shared future", []string{"community of common destiny", "community with a shared future"}},
		{"bilateral or multilateral cooperation", []string{"bilateral or multilateral cooperation"}},
		{"one or more countries", []string{"one or more countries"}},
		{"either neighborhood or periphery", []string{"either neighborhood or periphery"}},
		// Trailing parentheticals.
		{"Belt and Road Initiative (BRI)", []string{"Belt and Road Initiative {forms: BRI}"}},
		{"Belt and Road Initiative (BRI, B&R)", []string{"Belt and Road Initiative {forms: BRI, B&R}"}},
		{"Belt and Road Initiative（简称 BRI）", []string{"Belt and Road Initiative {forms: BRI}"}},
		{"Group of Twenty (G20)", []string{"Group of Twenty {forms: G20}"}},
		{"periphery (avoid)", []string{"periphery [deprecated]"}},
		{"periphery（旧译）", []string{"periphery [deprecated]"}},
		{"periphery (弃用), neighborhood", []string{"periphery [deprecated]", "neighborhood"}},
		{"periphery [不推荐]", []string{"periphery [deprecated]"}},
		{"One Belt One Road (OBOR) (superseded)", []string{"One Belt One Road [superseded] {forms: OBOR}"}},
		{"community with a shared future (for mankind)", []string{"community with a shared future {note: for mankind}"}},
		{"neighborhood (official), periphery (scholarly)", []string{"neighborhood {note: official}", "periphery {note: scholarly}"}},
		{"(the) neighborhood", []string{"(the) neighborhood"}},
		// A leading article is no part of the rendering; one inside is,
		// and an article alone stays.
		{"the Belt and Road Initiative", []string{"Belt and Road Initiative"}},
		{"The Belt and Road Initiative (BRI)", []string{"Belt and Road Initiative {forms: BRI}"}},
		{"a community with a shared future", []string{"community with a shared future"}},
		{"An open world economy; A new type of international relations", []string{"open world economy", "new type of international relations"}},
		{"“the two sessions”", []string{"two sessions"}},
		{"A", []string{"A"}},
		{"the", []string{"the"}},
		{"theory of the three represents", []string{"theory of the three represents"}},
		{"A-share market", []string{"A-share market"}},
		// Each separator the issue names, with articles.
		{"the rural revitalization, rural vitalization", []string{"rural revitalization", "rural vitalization"}},
		{"common prosperity 或 a shared prosperity", []string{"common prosperity", "shared prosperity"}},
		{"new quality productive forces / the new productive forces", []string{"new quality productive forces", "new productive forces"}},
		{"ecological civilization; an eco-civilization", []string{"ecological civilization", "eco-civilization"}},
		{"dual circulation or a dual-circulation pattern", []string{"dual circulation", "dual-circulation pattern"}},
		// A slogan among alternatives stays whole; an enumeration whose
		// items are pairs is one rendering.
		{"Belt and Road Initiative, One Belt, One Road (deprecated)", []string{"Belt and Road Initiative", "One Belt, One Road [deprecated]"}},
		{"One Belt, One Road, Belt and Road", []string{"One Belt, One Road", "Belt and Road"}},
		{"peaceful, safe and secure, prosperous, beautiful and amicable home", []string{"peaceful, safe and secure, prosperous, beautiful and amicable home"}},
		// Bracketed notes at the end, in any bracket.
		{"new productive forces (Mirror Books)", []string{"new productive forces {note: Mirror Books}"}},
		{"whole-process democracy（镜像）", []string{"whole-process democracy {note: 镜像}"}},
		{"ecological civilization [note]", []string{"ecological civilization {note: note}"}},
		{"eco-civilization【旧稿】", []string{"eco-civilization {note: 旧稿}"}},
		{"the Silk Road Fund (SRF) (Xinhua)", []string{"Silk Road Fund {forms: SRF} {note: Xinhua}"}},
		// Strikethrough, also across separators.
		{s + "periphery" + e + ", neighborhood", []string{"periphery [deprecated]", "neighborhood"}},
		{s + "periphery, surroundings" + e + "; neighborhood", []string{"periphery [deprecated]", "surroundings [deprecated]", "neighborhood"}},
		// Cleaning, and cells with nothing English.
		{"  neighborhood.  ", []string{"neighborhood"}},
		{"neighborhood; ; ", []string{"neighborhood"}},
		{"N/A", nil},
		{"—", nil},
		{"周边; neighborhood", []string{"neighborhood"}},
	} {
		var got []string
		for _, p := range splitEnglish(tc.cell) {
			got = append(got, pieceString(p))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("splitEnglish(%q)\n got: %q\nwant: %q", tc.cell, got, tc.want)
		}
	}
}

func TestSplitChinese(t *testing.T) {
	for _, tc := range []struct{ cell, want string }{
		{"周边", "周边 [] () "},
		{"周边/週邊", "周边 [週邊] () "},
		{"周边、周边地区，周边国家", "周边 [周边地区 周边国家] () "},
		{"周边 (zhōubiān)", "周边 [] (zhōubiān) "},
		{"周边（zhou1 bian1）", "周边 [] (zhou1 bian1) "},
		{"周边 (neighborhood)", "周边 [] () neighborhood"},
		{"周边（名词）/ 週邊 (zhōubiān)", "周边 [週邊] (zhōubiān) 名词"},
		{"", " [] () "},
	} {
		c := splitChinese(tc.cell)
		if got := fmt.Sprintf("%s %v (%s) %s", c.zh, c.variants, c.pinyin, c.note); got != tc.want {
			t.Errorf("splitChinese(%q) = %q, want %q", tc.cell, got, tc.want)
		}
	}
}

func TestDropArticle(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"the Belt and Road", "Belt and Road"},
		{"THE Belt and Road", "Belt and Road"},
		{"a shared future", "shared future"},
		{"an open economy", "open economy"},
		{"An", "An"},
		{"the", "the"},
		{"theme park", "theme park"},
		{"another way", "another way"},
		{"community with a shared future", "community with a shared future"},
		{"", ""},
	} {
		if got := dropArticle(tc.in); got != tc.want {
			t.Errorf("dropArticle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFileSource checks the source id made from a file name: a slug,
// whatever the name's case, as docs/glossary-commands.md says (GLOSSARY.md: glossary-md).
func TestFileSource(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"GLOSSARY.md", "glossary-md"},
		{"Glossary.md", "glossary-md"},
		{"glossary.md", "glossary-md"},
		{"GLOSSARY.MD", "glossary-md"},
		{"team_glossary.md", "team-glossary-md"},
		{"terms.2024.csv", "terms-2024-csv"},
		{"术语表.md", "shuyubiao-md"},
		{"-", "markdown"},
	} {
		if got := fileSource(tc.name, "markdown"); got != tc.want {
			t.Errorf("fileSource(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSeenDate(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"2024", "2024", true},
		{"2024-05", "2024-05", true},
		{"2024-05-01", "2024-05-01", true},
		{"2024/5/1", "2024-05-01", true},
		{"2024.05", "2024-05", true},
		{"2024年5月", "2024-05", true},
		{"2024年5月1日", "2024-05-01", true},
		{"2024-05-01 00:00:00", "2024-05-01", true},
		{"2024-05-01T08:00:00Z", "2024-05-01", true},
		{"2024-13", "", false},
		{"05/01/2024", "", false},
		{"spring 2024", "", false},
		{"", "", false},
	} {
		got, ok := seenDate(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("seenDate(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestSlugOf(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"GLOSSARY.md", "glossary-md"},
		{"house", "house"},
		{"House Style", "house-style"},
		{"术语表.md", "shuyubiao-md"},
		{"官方style", "guanfang-style"},
		{"…", "style"},
	} {
		if got := slugOf(tc.name, "style"); got != tc.want {
			t.Errorf("slugOf(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
