package input

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// addFixtures seeds a fuzz target with the fixtures of a format, from
// testdata/input and testdata/bilingual, and with snippets.
func addFixtures(f *testing.F, format Format, snippets ...string) {
	names, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "input", "*"))
	bilingual, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "bilingual", "*", "*"))
	for _, name := range append(names, bilingual...) {
		if FormatOf(name) != format {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range snippets {
		f.Add([]byte(s))
	}
}

// fuzzReader checks a translation-format reader on data: it must not
// panic (it is called directly, since Read turns a panic into an error),
// it fails only with a SyntaxError inside the text, its directives lie
// inside the text, and what Read makes of data holds the invariants of
// every Document without changing data. It returns the reader's segments,
// nil when it failed, for checks of the format's own.
func fuzzReader(t *testing.T, name string, data []byte, read func([]byte) ([]Segment, []directive, error)) []Segment {
	orig := bytes.Clone(data)
	text, _, err := Decode(data, "")
	if err != nil {
		return nil
	}
	segs, dirs, err := read(text)
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(text) {
			t.Fatalf("error %v is not a SyntaxError inside the text (%d bytes)", err, len(text))
		}
		return nil
	}
	if segs == nil {
		t.Fatal("nil segments without an error")
	}
	for _, d := range dirs {
		if d.start < 0 || d.start > d.end || d.end > len(text) {
			t.Fatalf("directive %+v outside the text (%d bytes)", d, len(text))
		}
	}
	d, err := Read(name, data)
	if errors.Is(err, ErrBinary) {
		return nil // skipped before the reader is called
	}
	if err != nil {
		t.Fatalf("the reader read it, Read failed: %v", err)
	}
	checkInvariants(t, orig, d)
	if !bytes.Equal(data, orig) {
		t.Fatal("Read changed its input")
	}
	return segs
}

func FuzzReadMarkdown(f *testing.F) {
	addFixtures(f, Markdown)
	for _, s := range []string{
		"", "---", "---\n", "---\n---", "\uFEFF+++\n+++", "<!--", "<!-- termlint-disable", "`", "[a](<b",
		"> <!--\n> termlint-disable-next-line\n> -->\n> x", "- <div>\n  a\n\n  b</div>", "\t<pre>\n\tx",
		"| a |\n|---|\n| `b\\|c` |", "[^1]: x\n\n[^1]", "www.a.b\x00c", "a\r\r\nb\rc",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		d, err := Read("fuzz.md", data)
		if errors.Is(err, ErrBinary) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, orig, d)
	})
}

func FuzzReadHTML(f *testing.F) {
	addFixtures(f, HTML)
	for _, s := range []string{
		"", "<", "<!--", "<!-- termlint-disable", "<script>", "<pre", "</", "<a b='", "<![CDATA[", "<svg><![CDATA[x]]>",
		"<plaintext>x", "<textarea><!-- termlint-disable --></textarea>", "<p>a\x00b</p>", "&#0;",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		d, err := Read("fuzz.html", data)
		if errors.Is(err, ErrBinary) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, orig, d)
		// The masker finds offsets by adding up the tokens' raw lengths:
		// they must cover the input exactly.
		z := html.NewTokenizer(bytes.NewReader(data))
		n := 0
		for z.Next() != html.ErrorToken {
			n += len(z.Raw())
		}
		n += len(z.Raw())
		if n != len(data) {
			t.Fatalf("tokens cover %d bytes of %d", n, len(data))
		}
	})
}
