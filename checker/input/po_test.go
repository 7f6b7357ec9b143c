package input

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// wantSegments fails unless a reader succeeded with a non-nil segment list
// that poSegments renders as want.
func wantSegments(t *testing.T, segs []Segment, err error, want string) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if segs == nil {
		t.Fatal("nil segments")
	}
	if got := poSegments(segs); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// poSegments renders segments as "ID: Chinese | English" lines, with
// Untranslated marked, for comparing with a table's wants.
func poSegments(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		fmt.Fprintf(&b, "%s: %q | %q", s.ID, s.Chinese.Text, s.English.Text)
		if s.Untranslated {
			b.WriteString(" untranslated")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestReadPO(t *testing.T) {
	for _, tt := range []struct {
		name, po, want string
	}{
		{"empty file", "", ""},
		{"header only", "msgid \"\"\nmsgstr \"Language: zh_CN\\n\"\n", ""},
		{"msgid Chinese by script",
			"msgid \"周边工作\"\nmsgstr \"neighborhood work\"\n",
			"line 1: \"周边工作\" | \"neighborhood work\"\n"},
		{"msgstr Chinese by script",
			"msgid \"neighborhood work\"\nmsgstr \"周边工作\"\n\nmsgid \"%d\"\nmsgstr \"%d\"\n",
			"line 1: \"周边工作\" | \"neighborhood work\"\nline 4: \"%d\" | \"%d\"\n"},
		{"Language with a charset",
			"msgid \"\"\nmsgstr \"Language: zh_CN.UTF-8\\n\"\n\nmsgid \"RCEP\"\nmsgstr \"RCEP\"\n",
			"line 4: \"RCEP\" | \"RCEP\"\n"},
		{"Language English: the msgids are Chinese",
			"msgid \"\"\nmsgstr \"Language: en_GB\\n\"\n\nmsgid \"周边外交\"\nmsgstr \"\"\n",
			"line 4: \"周边外交\" | \"\" untranslated\n"},
		{"other Language: by script",
			"msgid \"\"\nmsgstr \"Language: fr\\n\"\n\nmsgid \"一带一路\"\nmsgstr \"Ceinture et Route\"\n",
			"line 4: \"一带一路\" | \"Ceinture et Route\"\n"},
		{"no Chinese at all", "msgid \"Belt and Road\"\nmsgstr \"Belt and Road\"\n", ""},
		{"context", "msgctxt \"menu\"\nmsgid \"周边\"\nmsgstr \"neighborhood\"\n", "menu: \"周边\" | \"neighborhood\"\n"},
		{"empty context is a context, not the header",
			"msgctxt \"\"\nmsgid \"\"\nmsgstr \"周边\"\n", ": \"周边\" | \"\" untranslated\n"},
		{"plural without msgstr[1]",
			"msgid \"%d 个项目\"\nmsgid_plural \"%d 个项目\"\nmsgstr[0] \"%d project\"\n",
			"line 1: \"%d 个项目\" | \"%d project\"\n"},
		{"plural with a context, and a third form",
			"msgctxt \"c\"\nmsgid \"%d 个项目\"\nmsgid_plural \"%d 个项目\"\nmsgstr[0] \"%d project\"\nmsgstr[1] \"%d projects\"\nmsgstr[2] \"%d projectz\"\n",
			"c: \"%d 个项目\" | \"%d project\"\nc (plural): \"%d 个项目\" | \"%d projects\"\n"},
		{"plural ids by line",
			"msgid \"%d 个项目\"\nmsgid_plural \"%d 个项目\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n",
			"line 1: \"%d 个项目\" | \"\" untranslated\nline 2: \"%d 个项目\" | \"\" untranslated\n"},
		{"string on the line after its keyword, several on a line",
			"msgid\n\"周边\" \"工作\"\nmsgstr\t\"neighborhood\"  \" work\"  \n",
			"line 1: \"周边工作\" | \"neighborhood work\"\n"},
		{"C escapes",
			`msgid "周边\101\x42\x4a\a\b\f\v\r"` + "\n" + `msgstr "x"` + "\n",
			"line 1: \"周边ABJ\\a\\b\\f\\v\\r\" | \"x\"\n"},
		{"comments and obsolete entries between",
			"#~ msgid \"旧\"\n#~ msgstr \"old\"\n# c\n#. x\n#: f.c:1\n#, fuzzy\n#| msgid \"旧\"\nmsgid \"新\"\n#, comment inside\nmsgstr \"new\"\n",
			"line 8: \"新\" | \"new\"\n"},
		{"a domain directive",
			"domain \"messages\"\nmsgid \"周边\"\nmsgstr \"neighborhood\"\n",
			"line 2: \"周边\" | \"neighborhood\"\n"},
		{"no final line break, CRLF",
			"msgid \"周边\"\r\nmsgstr \"neighborhood\"",
			"line 1: \"周边\" | \"neighborhood\"\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			segs, err := readPO([]byte(tt.po))
			wantSegments(t, segs, err, tt.want)
		})
	}
}

func TestReadPOErrors(t *testing.T) {
	for _, tt := range []struct {
		po, at, msg string // at: the text at the error's offset
	}{
		{"msgid \"周边\nmsgstr \"\"\n", "\"周边", "unterminated string"},
		{"msgid \"周边\\\"\nmsgstr \"\"\n", "\"周边", "unterminated string"},
		{"msgid \"周边\\\nmsgstr \"\"\n", "\\\n", "backslash at the end of a line"},
		{"msgid \"周边\\q\"\nmsgstr \"\"\n", "\\q", `bad escape \q`},
		{"msgid \"\\x\"\nmsgstr \"\"\n", "\\x", `bad escape \x`},
		{"msgstr \"x\"\n", "msgstr", "msgstr without msgid"},
		{"msgctxt \"c\"\nmsgstr[0] \"x\"\n", "msgstr[0]", "msgstr[0] without msgid"},
		{"msgid \"a\"\n", "msgid", "msgid without msgstr"},
		{"msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"\n", "msgid \"a\"", "msgid without msgstr"},
		{"msgctxt \"a\"\n", "msgctxt", "msgctxt without msgid"},
		{"msgctxt \"a\"\nmsgctxt \"b\"\n", "msgctxt \"b\"", "msgctxt after msgctxt"},
		{"msgid_plural \"a\"\n", "msgid_plural", "msgid_plural without msgid"},
		{"msgid \"a\"\nmsgstr[0] \"\"\nmsgid_plural \"a\"\n", "msgid_plural", "msgid_plural after msgstr"},
		{"msgid \"a\"\nmsgid_plural \"a\"\nmsgid_plural \"b\"\n", "msgid_plural \"b\"", "second msgid_plural"},
		{"msgid \"a\"\nmsgstr \"\"\nmsgstr \"b\"\n", "msgstr \"b\"", "second msgstr in one message"},
		{"msgid \"a\"\nmsgstr[x] \"\"\n", "[x]", "bad plural index"},
		{"msgid \"a\"\nmsgstr[1 \"\"\n", "[1", "bad plural index"},
		{"msgid\nmsgstr \"\"\n", "\nmsgstr", "msgid without a string"},
		{"msgid \"a\"\nmsgstr\n# c\n", "\n# c", "msgstr without a string"},
		{"msgid \"a\"\nmsgstr\n", "\n", "msgstr without a string"},
		{"\"a\"\n", "\"a\"", "string outside an entry"},
		{"msgid \"a\" b\n", "b", `unexpected 'b' after msgid`},
		{"msgid \"a\"\nmsgstr \"b\"\n  = \"c\"\n", "= \"c\"", "unexpected '='"},
		{"msgid \"a\"\nmsgstr \"b\"\nmsgtsr \"c\"\n", "msgtsr", "unknown keyword msgtsr"},
	} {
		t.Run(tt.msg, func(t *testing.T) {
			_, err := readPO([]byte(tt.po))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("%q: got %v, want a SyntaxError", tt.po, err)
			}
			if !strings.HasPrefix(tt.po[se.Offset:], tt.at) {
				t.Errorf("%q: error at %d (%q), want at %q", tt.po, se.Offset, tt.po[se.Offset:], tt.at)
			}
			if !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("%q: error %q, want %q", tt.po, se.Msg, tt.msg)
			}
		})
	}
}

// TestReadPOSpans checks that positions in the text map back into the
// file: continuation strings to their own lines, escapes as a whole.
func TestReadPOSpans(t *testing.T) {
	po := "msgid \"\"\n\"周边\"\n\"工作\\n\"\nmsgstr \"a \\\"neighborhood\\\" work\"\n"
	segs, err := readPO([]byte(po))
	if err != nil || len(segs) != 1 {
		t.Fatalf("got %v, %v", segs, err)
	}
	zh, en := segs[0].Chinese, segs[0].English
	at := func(s string) int { return strings.Index(po, s) }
	for _, c := range []struct {
		span     *Span
		i, j     int // Text[i:j] is at file[off:end]
		off, end int
		wantText string
	}{
		{&zh, 0, len("周"), at("周边"), at("周边") + len("周"), "周边工作\n"},
		{&zh, len("周边"), len("周边工"), at("工作"), at("工作") + len("工"), ""},
		{&zh, len("周边工作"), len("周边工作\n"), at(`\n"`), at(`\n"`) + 2, ""},
		{&en, len("a "), len(`a "`), at(`\"neigh`), at(`\"neigh`) + 2, `a "neighborhood" work`},
		{&en, len(`a "`), len(`a "n`), at("neigh"), at("neigh") + 1, ""},
	} {
		if c.wantText != "" && string(c.span.Text) != c.wantText {
			t.Errorf("text %q, want %q", c.span.Text, c.wantText)
		}
		if got := c.span.Offset(c.i); got != c.off {
			t.Errorf("%q: Offset(%d) = %d, want %d", c.span.Text, c.i, got, c.off)
		}
		if got := c.span.End(c.j); got != c.end {
			t.Errorf("%q: End(%d) = %d, want %d", c.span.Text, c.j, got, c.end)
		}
	}
	if got, want := zh.Stop(), at(`\n"`)+2; got != want {
		t.Errorf("Chinese Stop() = %d, want %d", got, want)
	}
}

func TestReadPOErrorPosition(t *testing.T) {
	_, err := Read("a.po", []byte("msgid \"周边\"\nmsgstr \"neighborhood \\q\"\n"))
	if err == nil || err.Error() != `a.po:2:22: bad escape \q: PO strings know \n \t \r \" \\ and C's other escapes` {
		t.Errorf("got %v", err)
	}
}
