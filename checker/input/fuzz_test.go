package input

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// addFixtures seeds a fuzz target with the fixtures of a format.
func addFixtures(f *testing.F, format Format) {
	names, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "input", "*"))
	for _, name := range names {
		if FormatOf(name) != format {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
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
