package input

import (
	"fmt"
	"strings"
	"testing"
)

// pathological are Markdown inputs on which goldmark's time or memory
// grows faster than the input, each made n times, with the limit of
// MarkdownTooHard that stops it.
var pathological = []struct {
	name string
	make func(n int) string
	n    int // past the limit
	at   int // at the limit
	want string
}{
	{"nested lists", func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- Belt and Road\n")
		}
		return b.String()
	}, 200, 128, "nested 258 columns deep"},
	{"markers on one line", func(n int) string { return strings.Repeat("- ", n) + "x\n" }, 200, 128, "nested 400 columns deep"},
	{"nested quotations", func(n int) string { return strings.Repeat(">", n) + " Belt and Road\n" }, 300, 255, "nested 301 columns deep"},
	{"unclosed links", func(n int) string { return strings.Repeat("[a](", n) + "\n" }, 2_001, 2_000, "more than 2000 brackets"},
	{"emphasis marks", func(n int) string { return strings.Repeat("*a_b*c_d**e_f*g**h*i_j** ", n) + "\n" }, 2_600, 1_428, "more than 20000 emphasis marks"},
	{"rows padded to a wide header", func(n int) string {
		return "|" + strings.Repeat("a|", n) + "\n|" + strings.Repeat("-|", n) + "\n" + strings.Repeat("|\n", n)
	}, 400, 240, "a table whose rows leave out more of its header's cells than"},
	{"backtick runs", func(n int) string {
		var b strings.Builder
		for i := 1; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("`", i) + "x")
		}
		return b.String() + "\n"
	}, 50_400, 49_000, "more than 50000 backticks"},
	{"footnotes", func(n int) string {
		var refs, defs strings.Builder
		for i := range n {
			fmt.Fprintf(&refs, "[^%d]", i)
			fmt.Fprintf(&defs, "[^%d]: note\n", i)
		}
		return refs.String() + "\n\n" + defs.String()
	}, 2_501, 1_000, "5002 footnote references"},
}

// TestMarkdownTooHard reads each pathological input, past its limit, as
// plain text with a notice saying why and where, and the same input kept
// under the limits as Markdown.
func TestMarkdownTooHard(t *testing.T) {
	for _, tc := range pathological {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read("p.md", []byte(tc.make(tc.n)))
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != PlainText || len(d.Notices) != 1 || !strings.HasPrefix(d.Notices[0], "p.md:") ||
				!strings.Contains(d.Notices[0], tc.want) || !strings.HasSuffix(d.Notices[0], ": read as plain text, not Markdown") {
				t.Errorf("read as %v with notices %q, want plain text and one notice with %q", d.Format, d.Notices, tc.want)
			}
			d, err = Read("p.md", []byte(tc.make(tc.n/5)))
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != Markdown || len(d.Notices) != 0 {
				t.Errorf("a fifth as much read as %v with notices %q, want Markdown", d.Format, d.Notices)
			}
		})
	}
}

// TestNestingColumns counts list and quotation markers with their
// indentation, and nothing for indentation alone or for text.
func TestNestingColumns(t *testing.T) {
	for line, want := range map[string]int{
		"text": 0, "        code": 0, "- item": 2, "  - item": 4, "> > quote": 4, ">quote": 1, "1. one": 3,
		"  12) twelve": 6, "- 1. > x": 7, "-text": 0, "1999 was": 0, "- ": 2, "\t- item": 6, "*emphasis*": 0,
	} {
		if got := nestingColumns([]byte(line)); got != want {
			t.Errorf("nestingColumns(%q) = %d, want %d", line, got, want)
		}
	}
}

// TestReadInvalidUTF8 reads a file that is neither UTF-8 nor another
// encoding Decode recognises as it is, with a notice of where the first
// invalid byte is.
func TestReadInvalidUTF8(t *testing.T) {
	d, err := Read("notes.txt", []byte("Belt and\nRoad \xff\x80 Initiative"))
	if err != nil {
		t.Fatal(err)
	}
	want := "notes.txt:2:6: invalid UTF-8 (byte 0xFF), read as it is; if the file is in another encoding, name it with --encoding"
	if len(d.Notices) != 1 || d.Notices[0] != want {
		t.Errorf("Notices = %q, want %q", d.Notices, want)
	}
	d, err = Read("bom.txt", []byte("\uFEFFBelt \xff"))
	if err != nil || len(d.Notices) != 1 || !strings.HasPrefix(d.Notices[0], "bom.txt:1:6: invalid UTF-8 (byte 0xFF)") {
		t.Errorf("UTF-8 with a byte order mark: notices %q, %v", d.Notices, err)
	}
	if d, _ := Read("notes.txt", []byte("Belt and Road")); len(d.Notices) != 0 {
		t.Errorf("UTF-8 has notices %q", d.Notices)
	}
}

// BenchmarkReadMarkdownAtLimits reads each pathological input just under
// its limit, where goldmark still parses it: the time the limits allow.
func BenchmarkReadMarkdownAtLimits(b *testing.B) {
	for _, tc := range pathological {
		data := []byte(tc.make(tc.at))
		b.Run(strings.ReplaceAll(tc.name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if d, err := Read("p.md", data); err != nil || d.Format != Markdown {
					b.Fatalf("read as %v, %v: not under the limit", d.Format, err)
				}
			}
		})
	}
}
