package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadTable(t *testing.T) {
	const bilingual = "ID,Source,Target,Comment\n" +
		"k1,周边工作,neighborhood work,ok\n" +
		"k2,一带一路,,todo\n"
	for _, tt := range []struct {
		name, table string
		sep         rune
		zh, en      string
		want        string // as poSegments prints them
	}{
		{"detected by header", bilingual, ',', "", "",
			"row 2: \"周边工作\" | \"neighborhood work\"\nrow 3: \"一带一路\" | \"\" untranslated\n"},
		{"named by header, case-insensitive", bilingual, ',', "source", "TARGET",
			"row 2: \"周边工作\" | \"neighborhood work\"\nrow 3: \"一带一路\" | \"\" untranslated\n"},
		{"named by number", bilingual, ',', "2", "4",
			"row 2: \"周边工作\" | \"ok\"\nrow 3: \"一带一路\" | \"todo\"\n"},
		{"named by number, no header", "周边工作\tneighborhood work\n", '\t', "1", "2",
			"row 1: \"周边工作\" | \"neighborhood work\"\n"},
		{"Chinese named, English by header", bilingual, ',', "Source", "",
			"row 2: \"周边工作\" | \"neighborhood work\"\n" + "row 3: \"一带一路\" | \"\" untranslated\n"},
		{"English named, Chinese by script", "en,text\nneighborhood work,周边工作\n", ',', "", "en",
			"row 2: \"周边工作\" | \"neighborhood work\"\n"},
		{"a column named as the other is detected", "中文,译文,英文\n周边,periphery,neighborhood\n", ',', "", "英文",
			"row 2: \"周边\" | \"neighborhood\"\n"},
		{"language tags", "EN-us\tzh_Hans\nneighborhood work\t周边工作\n", '\t', "", "",
			"row 2: \"周边工作\" | \"neighborhood work\"\n"},
		{"by script, the English nearest the Chinese",
			"k1,周边外交,neighborhood diplomacy,neighborhood work is not this\n" +
				"k2,一带一路,the Belt and Road,ok\n", ',', "", "",
			"row 1: \"周边外交\" | \"neighborhood diplomacy\"\nrow 2: \"一带一路\" | \"the Belt and Road\"\n"},
		{"by script, English first",
			"neighborhood diplomacy\t周边外交\nthe Belt and Road\t一带一路\n", '\t', "", "",
			"row 1: \"周边外交\" | \"neighborhood diplomacy\"\nrow 2: \"一带一路\" | \"the Belt and Road\"\n"},
		{"by script, one row", "周边外交,neighborhood diplomacy", ',', "", "",
			"row 1: \"周边外交\" | \"neighborhood diplomacy\"\n"},
		{"by script, a first row not Chinese is a header",
			"key,text,rendering\nk1,周边外交,neighborhood diplomacy\n", ',', "", "",
			"row 2: \"周边外交\" | \"neighborhood diplomacy\"\n"},
		{"multi-line records count as one row",
			"zh,en\n\"周边\n工作\",\"neighborhood\r\nwork\"\n\n一带一路,Belt and Road\n", ',', "", "",
			"row 2: \"周边\\n工作\" | \"neighborhood\\nwork\"\nrow 3: \"一带一路\" | \"Belt and Road\"\n"},
		{"not bilingual", "a,b\n1,2\n", ',', "", "", ""},
		{"monolingual Chinese", "周边工作,周边外交\n一带一路,命运共同体\n", ',', "", "", ""},
		{"empty", "", ',', "zh", "en", ""},
		{"blank lines only", "\n\r\n\n", '\t', "", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			segs, err := readTable([]byte(tt.table), tt.sep, tt.zh, tt.en)
			wantSegments(t, segs, err, tt.want)
		})
	}
}

func TestReadTableColumnErrors(t *testing.T) {
	for _, tt := range []struct {
		name, table, zh, en, want string
	}{
		{"Chinese absent", "原文,译文\n周边,neighborhood\n", "zh", "", `no column named "zh"; the header has 原文, 译文`},
		{"English absent", "原文,译文\n周边,neighborhood\n", "原文", "English", `no column named "English"; the header has 原文, 译文`},
		{"number past the end", "原文,译文\n周边,neighborhood\n", "1", "3", "no column 3: the table has 2 columns"},
		{"number zero", "原文,译文\n", "0", "", "no column 0: the table has 2 columns"},
		{"the same column", "原文,译文\n", "1", "原文", "the Chinese and the English column are both column 1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readTable([]byte(tt.table), ',', tt.zh, tt.en)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got %v, want %s", err, tt.want)
			}
			var se *SyntaxError
			if errors.As(err, &se) {
				t.Errorf("%v is a SyntaxError: it is about the options, not a place in the file", err)
			}
		})
	}
	_, err := ReadWith("t.csv", []byte("a,b\n"), Options{ChineseColumn: "zh"})
	if err == nil || err.Error() != `t.csv: no column named "zh"; the header has a, b` {
		t.Errorf("ReadWith: %v", err)
	}
}

func TestReadTableSyntaxErrors(t *testing.T) {
	for _, tt := range []struct {
		table, at, msg string
	}{
		{"zh,en\n周边,\"neighborhood\n", "\"neighborhood", "quoted cell not closed"},
		{"zh,en\n周边,\"neighbor\"hood\"\n", "\"hood", `stray " in a quoted cell`},
		{"zh,en\n周边,\"neighbor\" \n", "\" \n", `stray " in a quoted cell`},
		{"zh,en\n\"周边\"\r,x\n", "\"\r,", `stray " in a quoted cell`},
	} {
		_, err := readTable([]byte(tt.table), ',', "", "")
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: got %v, want a SyntaxError", tt.table, err)
			continue
		}
		if !strings.HasPrefix(tt.table[se.Offset:], tt.at) || !strings.Contains(se.Msg, tt.msg) {
			t.Errorf("%q: error %q at %q, want %q at %q", tt.table, se.Msg, tt.table[se.Offset:], tt.msg, tt.at)
		}
	}
}

// TestReadTableSpans checks that cells map back into the file, doubled
// quotes and CRLF line breaks inside quoted cells as a whole.
func TestReadTableSpans(t *testing.T) {
	table := "zh,en\r\n\"周边\"\"工作\",\"a \"\"neighborhood\"\"\r\nwork\"\r\n"
	segs, err := readTable([]byte(table), ',', "", "")
	if err != nil || len(segs) != 1 {
		t.Fatalf("got %v, %v", segs, err)
	}
	zh, en := segs[0].Chinese, segs[0].English
	if string(zh.Text) != `周边"工作` || string(en.Text) != "a \"neighborhood\"\nwork" {
		t.Fatalf("got %q / %q", zh.Text, en.Text)
	}
	at := func(s string) int { return strings.Index(table, s) }
	for _, c := range []struct {
		span     *Span
		i, j     int // Text[i:j] is at file[off:end]
		off, end int
	}{
		{&zh, 0, len("周"), at("周"), at("周") + len("周")},
		{&zh, len("周边"), len(`周边"`), at(`""工作`), at(`""工作`) + 2},
		{&zh, len(`周边"`), len(`周边"工`), at("工"), at("工") + len("工")},
		{&en, len("a \"neighborhood\""), len("a \"neighborhood\"\n"), at("\r\nwork"), at("\r\nwork") + 2},
		{&en, len("a \"neighborhood\"\n"), len(en.Text), at("work"), at("work\"") + 4},
	} {
		if got := c.span.Offset(c.i); got != c.off {
			t.Errorf("%q: Offset(%d) = %d, want %d", c.span.Text, c.i, got, c.off)
		}
		if got := c.span.End(c.j); got != c.end {
			t.Errorf("%q: End(%d) = %d, want %d", c.span.Text, c.j, got, c.end)
		}
	}
}

// TestReadTSVCells checks that TSV knows no quoting and keeps empty cells.
func TestReadTSVCells(t *testing.T) {
	rows := tsvRows([]byte("a\t\"b\"\t\r\n\r\n\tc"))
	var got []string
	for _, r := range rows {
		var cells []string
		for _, c := range r.cells {
			cells = append(cells, c.text)
		}
		got = append(got, strings.Join(cells, "|"))
	}
	if strings.Join(got, "/") != `a|"b"|/|c` {
		t.Errorf("got %q", got)
	}
}

// TestReadTableEncodings checks that the table fixtures in other
// encodings are decoded before they are read.
func TestReadTableEncodings(t *testing.T) {
	for _, tt := range []struct{ name, encoding, chinese string }{
		{"gb18030.csv", "gb18030", "周边工作"},
		{"bom.csv", "utf-8-bom", "周边外交"},
	} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "bilingual", "table", tt.name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(tt.name, data)
		if err != nil {
			t.Fatal(err)
		}
		if d.Encoding != tt.encoding || len(d.Segments) == 0 || string(d.Segments[0].Chinese.Text) != tt.chinese {
			t.Errorf("%s: encoding %q, %d segments; want %s, first %s", tt.name, d.Encoding, len(d.Segments), tt.encoding, tt.chinese)
		}
	}
}
