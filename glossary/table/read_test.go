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
	// The leading article is no part of the rendering.
	if r.EN != `"neighborhood" concept` || r.Note != "quoted\tby Excel, with \"quotes\"" {
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

// TestReadCellRenderings checks that a CSV or TSV cell is read as a
// Markdown table's is: split into renderings, without a leading article
// or a bracketed note, the row's status given to its first rendering
// (preferred) or to all (any other), a marker to the rendering it
// follows; and that a date column dates the seen entries.
func TestReadCellRenderings(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       []string // one rendering a line: zh: en [status] {forms} {note} {seen source@date ...}
		warnings   []string
	}{
		{"articles", "zh,en\n一带一路,the Belt and Road\n共同体,a community with a shared future\n",
			[]string{"一带一路: Belt and Road [admitted]", "共同体: community with a shared future [admitted]"}, nil},
		{"several renderings", "zh,en,status\n乡村振兴,\"the rural revitalization, rural vitalization\",preferred\n共同富裕,common prosperity 或 shared prosperity,\n新质生产力,new quality productive forces / new productive forces,deprecated\n双循环,dual circulation; dual-circulation pattern,preferred\n",
			[]string{
				"乡村振兴: rural revitalization [preferred]", "乡村振兴: rural vitalization [admitted]",
				"共同富裕: common prosperity [admitted]", "共同富裕: shared prosperity [admitted]",
				"新质生产力: new quality productive forces [deprecated]", "新质生产力: new productive forces [deprecated]",
				"双循环: dual circulation [preferred]", "双循环: dual-circulation pattern [admitted]",
			}, nil},
		{"slogans and enumerations stay whole", "zh,en\n一带一路,\"One Belt, One Road\"\n亲诚惠容,\"amity, sincerity, mutual benefit and inclusiveness\"\n",
			[]string{"一带一路: One Belt, One Road [admitted]", "亲诚惠容: amity, sincerity, mutual benefit and inclusiveness [admitted]"}, nil},
		{"bracketed notes and markers", "zh,en,note\n新质生产力,new productive forces (Mirror Books),from the 2024 edition\n民主,whole-process democracy（镜像）,\n文明,ecological civilization [note],\n一带一路,Belt and Road Initiative (BRI); One Belt One Road (deprecated),\n",
			[]string{
				"新质生产力: new productive forces [admitted] {note: Mirror Books; from the 2024 edition}",
				"民主: whole-process democracy [admitted] {note: 镜像}",
				"文明: ecological civilization [admitted] {note: note}",
				"一带一路: Belt and Road Initiative [admitted] {forms: BRI}",
				"一带一路: One Belt One Road [deprecated]",
			}, nil},
		{"dates", "zh,en,sources,date\n周边,neighborhood,xinhua,2024-05\n周边,neighborhood,xinhua,2025/3\n周边,neighborhood,cgtn,\n周边,periphery,,2019\n外交,diplomacy,,spring\n",
			[]string{
				"周边: neighborhood [admitted] {seen xinhua@2024-05 xinhua@2025-03 cgtn@}",
				"周边: periphery [admitted] {seen terms-csv@2019}",
				"外交: diplomacy [admitted]",
			},
			[]string{`6:15: date "spring" is not written YYYY, YYYY-MM or YYYY-MM-DD; ignored`}},
		{"an undated entry takes the first date, once", "zh,en,sources,date\n周边,neighborhood,xinhua,\n周边,neighborhood,xinhua,2024-05\n周边,neighborhood,xinhua,\n周边,neighborhood,xinhua,2024-05\n周边,neighborhood,xinhua,2025\n周边,neighborhood,cgtn,2023\n周边,neighborhood,cgtn,\n",
			[]string{"周边: neighborhood [admitted] {seen xinhua@2024-05 xinhua@2025 cgtn@2023}"}, nil},
		{"日期 and year", "中文\t英文\t日期\n周边\tneighborhood\t2023\n", []string{"周边: neighborhood [admitted] {seen terms-csv@2023}"}, nil},
		{"year", "zh,en,year,sources\n周边,neighborhood,2022,xinhua\n", []string{"周边: neighborhood [admitted] {seen xinhua@2022}"}, nil},
		{"placeholder", "zh,en\n周边,N/A\n外交,diplomacy\n", []string{"外交: diplomacy [admitted]"}, []string{"2:4: the row has no en; skipped"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			comma := ','
			if strings.Contains(tc.data, "\t") {
				comma = '\t'
			}
			g, warnings, err := table.Read("terms.csv", []byte(tc.data), comma)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range g.Concepts {
				for _, r := range c.Renderings {
					s := fmt.Sprintf("%s: %s [%s]", c.ZH, r.EN, r.Status)
					if len(r.Forms) > 0 {
						s += " {forms: " + strings.Join(r.Forms, ", ") + "}"
					}
					if r.Note != "" {
						s += " {note: " + r.Note + "}"
					}
					if len(r.Seen) > 0 {
						s += " {seen"
						for _, x := range r.Seen {
							s += " " + x.Source + "@" + x.Date
						}
						s += "}"
					}
					got = append(got, s)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("renderings:\n got: %q\nwant: %q", got, tc.want)
			}
			if got := warningLines(warnings, "terms.csv"); !slices.Equal(got, tc.warnings) {
				t.Errorf("warnings:\n got: %q\nwant: %q", got, tc.warnings)
			}
			mustValidate(t, g)
		})
	}
}

// TestReadMarkdownSourceID checks that the source made from a Markdown
// file's name does not depend on the name's case.
func TestReadMarkdownSourceID(t *testing.T) {
	data := []byte("| 中文 | English |\n|---|---|\n| 周边 | the neighborhood |\n")
	for _, name := range []string{"GLOSSARY.md", "Glossary.md", "glossary.md", "docs/GloSSary.MD"} {
		g, _, err := table.ReadMarkdown(name, data, table.MarkdownOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Sources) != 1 || g.Sources[0].ID != "glossary-md" {
			t.Errorf("%s: sources %+v, want glossary-md", name, g.Sources)
		}
		if r := g.Concepts[0].Renderings[0]; r.EN != "neighborhood" || len(r.Seen) != 1 || r.Seen[0].Source != "glossary-md" {
			t.Errorf("%s: rendering %q seen in %+v", name, r.EN, r.Seen)
		}
	}
}
