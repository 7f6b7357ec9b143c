package input

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// read reads src in format f and checks the invariants every Document
// holds.
func read(t *testing.T, f Format, src string) *Document {
	t.Helper()
	d, err := ReadAs("test", []byte(src), f)
	if err != nil {
		t.Fatalf("ReadAs: %v", err)
	}
	checkInvariants(t, []byte(src), d)
	return d
}

// shown returns the masked copy with each run of masked bytes written as
// one "·", so that tests can say what stays checkable at a glance.
func shown(d *Document) string {
	var b strings.Builder
	for i, c := range d.Masked {
		switch {
		case c != 0:
			b.WriteByte(c)
		case i == 0 || d.Masked[i-1] != 0:
			b.WriteString("·")
		}
	}
	return b.String()
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{
		"a.md": Markdown, "dir/B.MD": Markdown, "c.markdown": Markdown, "d.mdx": Markdown,
		"e.html": HTML, "f.HTM": HTML, "g.xhtml": HTML,
		"h.txt": PlainText, "i": PlainText, "-": PlainText, "j.md.txt": PlainText, "k.po": PO, "l.XLF": XLIFF, "m.tmx": TMX, "n.tsv": TSV, "o.csv": CSV, "p.xml": PlainText, `win\dir.md\x.txt`: PlainText,
	} {
		if got := FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestReadPlainText(t *testing.T) {
	src := "The Belt and Road\u2028Initiative, `code` <b>and</b> https://example.org\r\n"
	d := read(t, PlainText, src)
	if string(d.Masked) != src {
		t.Errorf("Masked = %q, want the text itself", d.Masked)
	}
	d, err := Read("notes.txt", nil)
	if err != nil || d.Masked == nil || len(d.Masked) != 0 || d.Format != PlainText {
		t.Errorf("Read(empty) = %+v, %v", d, err)
	}
}

func TestReadMarkdown(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"soft line break joins a phrase", "The Belt and\nRoad Initiative.\n", "The Belt and\nRoad Initiative.\n"},
		{"CRLF", "The Belt and\r\nRoad *Initiative*\r\n", "The Belt and\r\nRoad *Initiative·\r\n"},
		{"list continuation", "- The Belt and\n  Road Initiative\n", "·The Belt and\n  Road Initiative\n"},
		// The matcher cannot see through '>' (kept or masked): a phrase
		// over a block quote's lines is broken.
		{"block quote markers", "> The Belt and\n> Road\n", "·The Belt and\n· Road\n"},
		{"hard break with spaces", "ends here  \nnext\n", "ends here  \nnext\n"},
		{"hard break with a backslash", "ends here\\\nnext\n", "ends here·\nnext\n"},
		{"escape", `a \*literal\* star`, `a \*literal\* star`},
		{"entity", "Belt&nbsp;and Road", "Belt&nbsp;and Road"},
		{"link destination", "[Belt and Road](u) Initiative", "·Belt and Road· Initiative"},
		{"emphasis in a link", "[*Belt* and Road](u)", "·Belt* and Road·"},
		{"code span breaks", "Belt `x` and Road", "Belt · and Road"},
		{"code span of emphasis marks", "a `**` b", "a · b"},
		{"inline HTML breaks", "Belt <b>and</b> Road", "Belt ·and· Road"},
		{"YAML front matter with BOM", "\uFEFF---\ntitle: x\n---\nBody\n", "·\n·\n·\nBody\n"},
		{"empty front matter", "---\n---\nBody\n", "·\n·\nBody\n"},
		{"TOML front matter", "+++\na = 1\n+++\n\nBody\n", "·\n·\n·\n\nBody\n"},
		{"front matter closed by ...", "---\na: 1\n...\nBody\n", "·\n·\n·\nBody\n"},
		{"unclosed front matter is Markdown", "---\ntitle: x\n", "·\ntitle: x\n"},
		{"mismatched delimiters", "+++\na: 1\n---\n", "+++\na: 1\n·\n"},
		{"front matter only at the top", "Body\n---\nb: 2\n---\n", "Body\n·\nb: 2\n·\n"},
		{"HTML block with prose", "<div>\nBelt and Road\n</div>\n", "·\nBelt and Road\n·\n"},
		{"unclosed HTML comment", "Text\n\n<!-- Belt and Road\n", "Text\n\n·\n"},
		{"link reference definition", "[a]: http://x 'Belt'\n\n[a]\n", "·\n\n·a·\n"},
		{"footnote", "Text[^1]\n\n[^1]: Note text.\n", "Text·\n\n·Note text.\n"},
		{"setext heading", "Title text\n---\n", "Title text\n·\n"},
		{"fenced code in a list", "- item\n\n  ```\n  code\n  ```\n", "·item\n\n·\n·\n·\n"},
		{"bare URL", "see https://example.org/belt-and-road now", "see · now"},
		{"bare www link", "www.example.org/belt and road", "· and road"},
		{"e-mail address", "mail belt.road@example.org.", "mail ·."},
		{"URL cut by underscores", "at HTTPS://x.org/belt_and_road_x end", "at · end"},
		{"punctuation after a URL", "(https://x.org/a), more", "(·), more"},
		{"URL as a destination before text", "[Belt](https://x.org/a)and Road", "·Belt·and Road"},
		{"URL inside a word", "xhttps://x.org", "xhttps://x.org"},
		{"no domain", "http:// and www. and a@b", "http:// and www. and a@b"},
		{"underscore in the domain's last segments", "www.x_y.z and", "www.x_y.z and"},
		{"entity after a URL", "www.x.org&amp; and", "·&amp; and"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shown(read(t, Markdown, tt.src)); got != tt.want {
				t.Errorf("Read(%q) shows\n  %q\nwant\n  %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestReadHTML(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"text and tags", "<p class=x>Belt and <i>Road</i></p>", "·Belt and ·Road·"},
		{"entities stay as written", "<p>Belt&nbsp;and Road &amp; more</p>", "·Belt&nbsp;and Road &amp; more·"},
		{"unclosed pre masks the rest", "<p>a</p><pre>code\nmore", "·a·\n·"},
		{"unclosed script", "a<script>if (a < b) {", "a·"},
		{"upper-case tags", "<PRE>code</PRE>after", "·after"},
		{"self-closing code opens nothing", "<code/>text", "·text"},
		{"stray end tag", "</code>text", "·text"},
		{"nested code", "<pre><pre>a</pre>b</pre>c", "·c"},
		{"doctype, processing instruction, CDATA", "<!DOCTYPE html><?xml x?><![CDATA[a]]>text", "·text"},
		{"textarea and title are prose", "<title>T</title><textarea>A</textarea>", "·T·A·"},
		{"less-than in text", "a < b and c", "a < b and c"},
		{"CRLF", "<p>a\r\nb</p>\r\n", "·a\r\nb·\r\n"},
		{"invalid UTF-8", "<p>a\xffb</p>", "·a\xffb·"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shown(read(t, HTML, tt.src)); got != tt.want {
				t.Errorf("Read(%q) shows\n  %q\nwant\n  %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestSuppressions(t *testing.T) {
	type S = Suppression
	tests := []struct {
		name string
		f    Format
		src  string
		want []S
	}{
		{"disable alone", Markdown, "<!-- termlint-disable -->", []S{{1, 1, nil}}},
		{"to the last line, final newline or not", Markdown, "<!-- termlint-disable -->\na\n", []S{{1, 2, nil}}},
		{"next line at the end", Markdown, "a\n<!-- termlint-disable-next-line -->\n\n", nil},
		{"next line skips code", Markdown, "<!-- termlint-disable-next-line -->\n```\ncode\n```\ntext\n", []S{{5, 5, nil}}},
		{"names and a reason", HTML, "<!-- termlint-disable a,b c -- why -->\n", []S{{1, 1, []string{"a", "b", "c"}}}},
		{"named enable of an unnamed disable", HTML, "<!-- termlint-disable -->\n<!-- termlint-enable a -->\nx\n", []S{{1, 3, nil}}},
		{"enable ends one of two disables", HTML, "<!-- termlint-disable a -->\n<!-- termlint-disable b -->\n<!-- termlint-enable A -->\nx\n",
			[]S{{1, 3, []string{"a"}}, {2, 4, []string{"b"}}}},
		{"keyword only at the start", HTML, "<!-- see termlint-disable -->\n<!--termlint-disable-->\n", []S{{2, 2, nil}}},
		{"keyword must be whole", HTML, "<!-- termlint-disabled -->\n<!-- termlint-disable-next -->\nx\n", nil},
		{"bogus comments are not comments", HTML, "<!termlint-disable>\n<?termlint-disable?>\nx\n", nil},
		{"ignore in text", PlainText, "a termlint:ignore\nb termlint:ignore x, y -- z\n", []S{{1, 1, nil}, {2, 2, []string{"x", "y"}}}},
		{"ignore once per line", PlainText, "termlint:ignore a termlint:ignore b\n", []S{{1, 1, []string{"a", "termlint:ignore", "b"}}}},
		{"ignore at a word's edge only", PlainText, "xtermlint:ignore termlint:ignores -termlint:ignore termlint:ignore-x\n", nil},
		{"ignore after Chinese", PlainText, "周边termlint:ignore\n", []S{{1, 1, nil}}},
		{"ignore in a Markdown comment", Markdown, "a <!-- termlint:ignore deprecated -->\n", []S{{1, 1, []string{"deprecated"}}}},
		{"CRLF", Markdown, "<!-- termlint-disable x -->\r\na\r\n<!-- termlint-enable -->\r\nb termlint:ignore\r\n",
			[]S{{1, 3, []string{"x"}}, {4, 4, nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := read(t, tt.f, tt.src)
			if !slices.EqualFunc(d.Suppressions, tt.want, func(a, b S) bool {
				return a.FromLine == b.FromLine && a.ToLine == b.ToLine && slices.Equal(a.Names, b.Names)
			}) {
				t.Errorf("Suppressions = %v, want %v", d.Suppressions, tt.want)
			}
		})
	}
}

func TestSuppressed(t *testing.T) {
	d := &Document{Suppressions: []Suppression{
		{FromLine: 2, ToLine: 4, Names: []string{"deprecated", "周边"}},
		{FromLine: 6, ToLine: 6},
	}}
	tests := []struct {
		line  int
		names []string
		want  bool
	}{
		{1, []string{"deprecated"}, false},
		{2, []string{"Deprecated"}, true},
		{4, []string{"inconsistent", "zhoubian", "周边"}, true},
		{3, []string{"inconsistent"}, false},
		{5, []string{"deprecated"}, false},
		{6, []string{"anything"}, true},
		{6, nil, true},
		{2, nil, false},
	}
	for _, tt := range tests {
		if got := d.Suppressed(tt.line, tt.names...); got != tt.want {
			t.Errorf("Suppressed(%d, %q) = %v, want %v", tt.line, tt.names, got, tt.want)
		}
	}
}

func TestLineIndex(t *testing.T) {
	for _, tt := range []struct {
		text  string
		count int
	}{{"", 1}, {"a", 1}, {"a\n", 1}, {"a\nb", 2}, {"\n\n", 2}, {"a\r\nb\r\n", 2}} {
		l := newLineIndex([]byte(tt.text))
		if l.count() != tt.count {
			t.Errorf("%q: count = %d, want %d", tt.text, l.count(), tt.count)
		}
		for line := 1; line <= l.count(); line++ {
			start, end := l.bounds(line)
			if l.line(start) != line || start > end || strings.Contains(tt.text[start:end], "\n") {
				t.Errorf("%q: line %d has bounds %d-%d", tt.text, line, start, end)
			}
		}
	}
}

// TestReadConcurrently lets the race detector watch the shared parser.
func TestReadConcurrently(t *testing.T) {
	src := []byte("# T\n\nSome *Belt and Road* text with https://example.org and `code`.\n\n| a | b |\n|---|---|\n| c | d |\n")
	want := shown(read(t, Markdown, string(src)))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 20 {
				d, _ := Read(fmt.Sprintf("f%d-%d.md", i, j), bytes.Clone(src))
				if got := shown(d); got != want {
					t.Errorf("concurrent Read shows %q, want %q", got, want)
				}
			}
		})
	}
	wg.Wait()
}
