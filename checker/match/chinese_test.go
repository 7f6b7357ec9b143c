package match

import (
	"fmt"
	"strings"
	"testing"
)

// chineseTerms is a small glossary's Chinese side, with IDs by position.
var chineseTerms = []string{"周边", "周边工作", "命运共同体", "周边命运共同体", "一带一路", "高质量共建一带一路", "睦邻、安邻、富邻", "RCEP", "周邊", "共建一带一路", "一带一路倡议"}

// compileChineseTerms compiles chineseTerms, each term's ID its index.
func compileChineseTerms() *ChineseMatcher {
	var patterns []Pattern
	for i, term := range chineseTerms {
		patterns = append(patterns, Pattern{Text: term, ID: i})
	}
	return CompileChinese(patterns)
}

// showChinese renders matches as "text[nested...]" with their IDs' terms.
func showChinese(text string, ms []Match) string {
	var parts []string
	for _, m := range ms {
		s := fmt.Sprintf("%q", text[m.Start:m.End])
		for _, id := range m.IDs {
			s += "=" + chineseTerms[id]
		}
		if len(m.Nested) > 0 {
			s += showChinese(text, m.Nested)
		}
		if len(m.Overlaps) > 0 {
			s += "~" + showChinese(text, m.Overlaps)
		}
		parts = append(parts, s)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestChineseMatcher(t *testing.T) {
	m := compileChineseTerms()
	tests := []struct{ name, text, want string }{
		{"longest wins", "做好周边工作。", `["周边工作"=周边工作["周边"=周边]]`},
		{"nested both parts", "构建周边命运共同体", `["周边命运共同体"=周边命运共同体["周边"=周边 "命运共同体"=命运共同体]]`},
		{"line break inside a term", "构建周边命运共同\n体，", `["周边命运共同\n体"=周边命运共同体["周边"=周边 "命运共同\n体"=命运共同体]]`},
		{"spaces and CRLF", "周 边\r\n工作", `["周 边\r\n工作"=周边工作["周 边"=周边]]`},
		{"quotation marks", "推动高质量共建“一带一路”发展", `["高质量共建“一带一路"=高质量共建一带一路["共建“一带一路"=共建一带一路["一带一路"=一带一路]]]`},
		{"quotes around are not part", "“周边”", `["周边"=周边]`},
		{"a 0 byte breaks", "周边\x00\x00工作", `["周边"=周边]`},
		{"enumeration comma and comma", "坚持睦邻,安邻，富邻", `["睦邻,安邻，富邻"=睦邻、安邻、富邻]`},
		{"full-width Latin", "加入ＲＣＥＰ和rcep", `["ＲＣＥＰ"=RCEP "rcep"=RCEP]`},
		{"traditional variant listed", "周邊工作", `["周邊"=周邊]`},
		{"punctuation breaks a term", "周边。工作", `["周边"=周边]`},
		{"overlapping cut", "共建“一带一路”倡议", `["共建“一带一路"=共建一带一路["一带一路"=一带一路]~["一带一路”倡议"=一带一路倡议]]`},
		{"nothing", "今天天气很好", `[]`},
		{"empty", "", `[]`},
		{"invalid UTF-8", "周\xff边周边", `["周边"=周边]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := showChinese(tt.text, m.Find([]byte(tt.text))); got != tt.want {
				t.Errorf("Find(%q)\n got  %s\n want %s", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzChineseFind checks that matches lie inside the text, in order, each
// nested match strictly inside its parent, and that the matched text folds
// to the term.
func FuzzChineseFind(f *testing.F) {
	for _, s := range []string{"构建周边命运共同\n体", "高质量共建“一带一路”", "周\xff边", "睦邻、安邻，富邻", "ＲＣＥＰ", "\x00周边\x00"} {
		f.Add([]byte(s))
	}
	m := compileChineseTerms()
	var check func(t *testing.T, text []byte, ms []Match, from, to int, nested bool)
	check = func(t *testing.T, text []byte, ms []Match, from, to int, nested bool) {
		prev := from
		for _, x := range ms {
			if x.Start < prev || x.End <= x.Start || x.End > to || nested && x.Start == from && x.End == to {
				t.Fatalf("match [%d,%d) out of order or outside [%d,%d)", x.Start, x.End, from, to)
			}
			if len(x.IDs) == 0 {
				t.Fatalf("match [%d,%d) without IDs", x.Start, x.End)
			}
			if got, want := chineseKey(string(text[x.Start:x.End])), chineseKey(chineseTerms[x.IDs[0]]); got != want {
				t.Fatalf("match %q folds to %q, term %q to %q", text[x.Start:x.End], got, chineseTerms[x.IDs[0]], want)
			}
			check(t, text, x.Nested, x.Start, x.End, true)
			prev = x.End
		}
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		check(t, text, m.Find(text), 0, len(text), false)
	})
}

func chineseKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if f, skip := foldChinese(r); !skip {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// BenchmarkChineseFind measures the Chinese matcher over English text
// (an English-only file scanned for the brief) and over Chinese.
func BenchmarkChineseFind(b *testing.B) {
	m := compileChineseTerms()
	for _, bb := range []struct{ name, sentence string }{
		{"English", "We will do neighborhood work well and build a community with a shared future. "},
		{"Chinese", "我们要做好周边工作，推动构建周边命运共同体，高质量共建“一带一路”。"},
	} {
		text := []byte(strings.Repeat(bb.sentence, 10000))
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				m.Find(text)
			}
		})
	}
}
