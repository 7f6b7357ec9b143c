package table_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary/table"
)

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		comma      rune
		want       string
	}{
		{"empty", "", ',',
			`x.csv: the file is empty; it needs a header row naming a zh and an en column`},
		{"blank lines only", "\n \n,,\n", ',',
			`x.csv: the file is empty; it needs a header row naming a zh and an en column`},
		{"no en column", "zh,notes\n周边,x\n", ',',
			`x.csv:1: no en column in the header "zh,notes"; name it en, English, 英文, target or translation`},
		{"no zh column after blank lines", "\n\nEnglish\tNote\nneighborhood\t\n", '\t',
			"x.csv:3: no zh column in the header \"English\\tNote\"; name it zh, Chinese, 中文, source or term"},
		{"unknown status", "zh,en,status\n周边,neighborhood,prefered\n", ',',
			`x.csv:2:17: unknown status "prefered"; it must be one of preferred, admitted, deprecated, superseded`},
		{"two preferred in one style", "zh,en,status,styles\n周边,neighborhood,preferred,official\n周边,periphery,preferred,official; literal\n", ',',
			`x.csv:3:14: 周边 has two preferred renderings in style "official": "neighborhood" (line 2) and "periphery"`},
		{"two preferred with no style", "en,zh,status\nneighborhood,周边,preferred\nperiphery,周边,Preferred\n", ',',
			`x.csv:3:14: 周边 has two preferred renderings with no style: "neighborhood" (line 2) and "periphery"`},
		{"every error, one per line", "zh,en,status\n周边,neighborhood,good\n周边,periphery,bad\n", ',',
			"x.csv:2:17: unknown status \"good\"; it must be one of preferred, admitted, deprecated, superseded\n" +
				"x.csv:3:14: unknown status \"bad\"; it must be one of preferred, admitted, deprecated, superseded"},
		{"bare quote in CSV", "zh,en\n周边,neigh\"bor\n", ',',
			`x.csv:2:9: bare " in non-quoted-field`},
		{"unterminated quote", "zh,en\n周边,\"neighborhood\n合作,cooperation\n", ',',
			`x.csv:3:16: extraneous or missing " in quoted-field (in the row starting at line 2)`},
		{"no complete row", "zh,en\n周边,\n,\n", ',',
			`x.csv: no row has both a zh and an en`},
		{"unknown status of a style", "zh,en,styles\n桥,bridge,formal; plain=favoured\n", ',',
			`x.csv:2:10: unknown status "favoured" of style "plain"; it must be one of preferred, admitted, deprecated, superseded`},
		{"two preferred in one style by status_in", "zh,en,status,styles\n桥,bridge,preferred,formal\n桥,crossing,admitted,formal=preferred\n", ',',
			`x.csv:3:21: 桥 has two preferred renderings in style "formal": "bridge" (line 2) and "crossing"`},
		{"unknown phrase type", "zh,en,phrase\n桥,bridging,gerund\n", ',',
			`x.csv:2:12: unknown phrase type "gerund"; it must be one of noun, verb, adjective, adverbial, clause`},
		{"context pattern that is none", "zh,en,context_exclude\n桥,bridge,_ club; river\n", ',',
			`x.csv:2:10: context pattern "river": it has no _ standing for the rendering`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, warnings, err := table.Read("x.csv", []byte(tc.data), tc.comma)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error\n got: %v\nwant: %s", err, tc.want)
			}
			if g != nil || warnings != nil {
				t.Errorf("got a glossary or warnings with the error: %v, %v", g, warnings)
			}
		})
	}
}

func TestReadTSVLenientQuotes(t *testing.T) {
	data := "zh\ten\tnote\n周边\tthe \"neighborhood\" concept\t\"quoted\tby Excel, with \"\"quotes\"\"\"\n"
	g, warnings, err := table.Read("x.tsv", []byte(data), '\t')
	if err != nil {
		t.Fatal(err)
	}
	got := warningLines(warnings, "x.tsv")
	want := []string{`2:8: quotes do not follow CSV rules (bare " in non-quoted-field); reading quotes leniently`}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n got: %q\nwant: %q", got, want)
	}
	r := g.Concepts[0].Renderings[0]
	if r.EN != `the "neighborhood" concept` || r.Note != "quoted\tby Excel, with \"quotes\"" {
		t.Errorf("got en %q, note %q", r.EN, r.Note)
	}
	// CSV keeps to the rules.
	if _, _, err := table.Read("x.csv", []byte("zh,en\n周边,the \"neighborhood\" concept\n"), ','); err == nil {
		t.Error("a bare quote in CSV is not an error")
	}
}

func TestReadMarkdownErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		opts       table.MarkdownOptions
		want       string
	}{
		{"no table", "# Glossary\n\n周边: neighborhood\n", table.MarkdownOptions{},
			`terms.md: no table with a Chinese and an English column`},
		{"no glossary table", "| Version | Date |\n|---|---|\n| 1.0 | 2024 |\n", table.MarkdownOptions{},
			`terms.md: no table with a Chinese and an English column`},
		{"no complete row", "| 中文 | English |\n|---|---|\n| 周边 | |\n", table.MarkdownOptions{},
			`terms.md: no table row has both Chinese and English`},
		{"style not a slug", "| 中文 | English |\n|---|---|\n| 周边 | neighborhood |\n", table.MarkdownOptions{Style: "House"},
			`style id "House" must be a lowercase slug of letters, digits and hyphens, such as "house"`},
		{"source not a slug", "| 中文 | English |\n|---|---|\n| 周边 | neighborhood |\n", table.MarkdownOptions{Source: "my source"},
			`source id "my source" must be a lowercase slug of letters, digits and hyphens, such as "house"`},
		{"pathological Markdown", "| 中文 | English |\n|---|---|\n| 周边 | neighborhood |\n\n" + strings.Repeat("[a](", 3000) + "\n", table.MarkdownOptions{},
			`terms.md:5:1: too hard to read as Markdown: a paragraph with more than 2000 brackets`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, warnings, err := table.ReadMarkdown("terms.md", []byte(tc.data), tc.opts)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error\n got: %v\nwant: %s", err, tc.want)
			}
			if g != nil || warnings != nil {
				t.Errorf("got a glossary or warnings with the error: %v, %v", g, warnings)
			}
		})
	}
}

// Without a style the first rendering of a row is preferred with no
// style; the source is the one named, and a BOM is no part of the header.
func TestReadMarkdownOptions(t *testing.T) {
	data := "\uFEFF| English | 中文 |\n|---|---|\n| neighborhood, periphery | 周边 |\n| surroundings; neighborhood | 周边 |\n"
	g, warnings, err := table.ReadMarkdown("docs/术语.md", []byte(data), table.MarkdownOptions{Source: "team-wiki"})
	if err != nil {
		t.Fatal(err)
	}
	got := dump(g.Concepts[0], true)
	want := "zhoubian: 周边 = neighborhood [preferred] {seen: team-wiki} | periphery {seen: team-wiki} | surroundings {seen: team-wiki}"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	wantWarnings := []string{`4:3: 周边 already has the preferred rendering "neighborhood" with no style (line 3); "surroundings" is admitted`}
	if got := warningLines(warnings, "docs/术语.md"); !slices.Equal(got, wantWarnings) {
		t.Errorf("warnings:\n got: %q\nwant: %q", got, wantWarnings)
	}
	if len(g.Styles) != 0 || len(g.Sources) != 1 || g.Sources[0].ID != "team-wiki" || g.Sources[0].Title != "术语.md" {
		t.Errorf("styles %v, sources %+v", g.Styles, g.Sources[0])
	}
	mustValidate(t, g)
}

// TestReadStylesAndContext reads what Write writes of a rendering's status
// per style, phrase type and context, as spreadsheet users write it too:
// any case, spaces around "=", headers with spaces. A style given with a
// status of its own and plainly is the rendering's with its own status; a
// row repeating a rendering adds to its patterns.
func TestReadStylesAndContext(t *testing.T) {
	data := "zh,en,status,styles,Phrase Type,Context Require,context_exclude\n" +
		"桥,bridge,superseded,formal; plain = Preferred; plain,,the _ over,_ club\n" +
		"桥,bridge,,casual=admitted,,* _ toll; the _ over,\n" +
		"桥,cross,,,Verb,,\n"
	g, warnings, err := table.Read("x.csv", []byte(data), ',')
	if err != nil || len(warnings) > 0 {
		t.Fatal(err, warnings)
	}
	var got []string
	for _, r := range g.Concepts[0].Renderings {
		line := fmt.Sprintf("%s %s %v %v %q", r.EN, r.Status, r.Styles, r.StatusIn, r.Phrase)
		if r.Context != nil {
			line += fmt.Sprintf(" %q %q", r.Context.Require, r.Context.Exclude)
		}
		got = append(got, line)
	}
	want := []string{
		`bridge superseded [formal] map[casual:admitted plain:preferred] "" ["the _ over" "* _ toll"] ["_ club"]`,
		`cross admitted [] map[] "verb"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var styles []string
	for _, s := range g.Styles {
		styles = append(styles, s.ID)
	}
	if !slices.Equal(styles, []string{"formal", "plain", "casual"}) {
		t.Errorf("styles %v", styles)
	}
}
