package tbx_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/glossary/tbx"
)

// fixture holds the expectations a test file carries in XML comments:
//
//	<!-- want "regexp" -->            a warning matching regexp on this line
//	<!-- at concept ID -->            concept ID begins on this line
//	<!-- at rendering ID "en" -->     that rendering begins on this line
//	<!-- result ... -->               the glossary Read must produce, in YAML
type fixture struct {
	wants  []want
	ats    []at
	result []byte
}

type want struct {
	line int
	re   *regexp.Regexp
	hit  bool
}

type at struct {
	line, col   int
	concept, en string
}

var (
	wantComment   = regexp.MustCompile(`<!-- want ("(?:[^"\\]|\\.)*") -->`)
	atComment     = regexp.MustCompile(`<!-- at (concept|rendering) (\S+)(?: ("(?:[^"\\]|\\.)*"))? -->`)
	resultComment = regexp.MustCompile(`(?s)<!-- result\n(.*?)-->`)
)

func readFixture(t *testing.T, data []byte) *fixture {
	t.Helper()
	f := &fixture{}
	for i, line := range strings.Split(string(data), "\n") {
		for _, m := range wantComment.FindAllStringSubmatch(line, -1) {
			s, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("line %d: bad want comment: %v", i+1, err)
			}
			f.wants = append(f.wants, want{line: i + 1, re: regexp.MustCompile(s)})
		}
		if m := atComment.FindStringSubmatch(line); m != nil {
			// The element begins at the first tag of the line.
			col := utf8.RuneCountInString(line[:strings.IndexByte(line, '<')]) + 1
			a := at{line: i + 1, col: col, concept: m[2]}
			if m[1] == "rendering" {
				a.en, _ = strconv.Unquote(m[3])
			}
			f.ats = append(f.ats, a)
		}
	}
	m := resultComment.FindSubmatch(data)
	if m == nil {
		t.Fatal("the fixture has no result comment")
	}
	f.result = m[1]
	return f
}

// TestImportFixtures reads the files of other tools' shapes under
// testdata/import and checks them against the expectations they carry.
func TestImportFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/import/*.tbx")
	if err != nil || len(files) < 3 {
		t.Fatalf("expected the import fixtures, found %v (%v)", files, err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			f := readFixture(t, data)
			g, problems, err := tbx.Read(file, data)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				if p.Severity != glossary.Warning || p.Pos.File != file {
					t.Errorf("not a warning of this file: %s", p)
					continue
				}
				matched := false
				for i := range f.wants {
					w := &f.wants[i]
					if !w.hit && w.line == p.Pos.Line && w.re.MatchString(p.Message) {
						w.hit, matched = true, true
						break
					}
				}
				if !matched {
					t.Errorf("unexpected warning %s", p)
				}
			}
			for _, w := range f.wants {
				if !w.hit {
					t.Errorf("line %d: no warning matching %q", w.line, w.re)
				}
			}
			want, ps := glossary.Parse("result", f.result)
			if len(ps) > 0 {
				t.Fatalf("the result comment does not parse: %v", ps)
			}
			if d := firstDiff(want, g); d != "" {
				t.Errorf("the glossary read differs from the result comment: %s", d)
			}
			if errs := validationErrors(glossary.Merge(g)); len(errs) > 0 {
				t.Errorf("the glossary read does not validate: %v", errs)
			}
			for _, a := range f.ats {
				c := g.Concept(a.concept)
				if c == nil {
					t.Errorf("line %d: no concept %q", a.line, a.concept)
					continue
				}
				pos, what := c.Pos, "concept "+a.concept
				if a.en != "" {
					pos, what = glossary.Pos{}, what+" rendering "+strconv.Quote(a.en)
					for _, r := range c.Renderings {
						if r.EN == a.en {
							pos = r.Pos
						}
					}
				}
				if wantPos := (glossary.Pos{File: file, Line: a.line, Column: a.col}); pos != wantPos {
					t.Errorf("%s is at %s, want %s", what, pos, wantPos)
				}
			}
		})
	}
}

// TestReadErrors checks the errors of files that cannot be read, with
// their positions.
func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"malformed XML", "<martif type=\"TBX\">\n  <text>\n  </martif>\n",
			"bad.tbx:3:12: malformed XML: element <text> closed by </martif>"},
		{"unclosed", "<tbx>\n  <text>",
			"bad.tbx:2:9: malformed XML: unexpected EOF"},
		{"empty", "",
			"bad.tbx:1:1: malformed XML: no root element"},
		{"a DTD entity, which is never expanded", "<!DOCTYPE martif [\n<!ENTITY boom \"lots\">\n]>\n<martif>&boom;</martif>\n",
			"bad.tbx:4:15: malformed XML: invalid character entity &boom;"},
		{"another root", "<?xml version=\"1.0\"?>\n<TBX dialect=\"TBX-Min\"></TBX>\n",
			"bad.tbx:2:1: the root element is <TBX>; a TBX file has <tbx> (TBX v3) or <martif> (TBX v2)"},
		{"no concepts", "<martif type=\"TBX\" xml:lang=\"en\">\n<text>\n  <body>\n    <termEntry><langSet xml:lang=\"de\"><tig><term>Hafen</term></tig></langSet></termEntry>\n  </body>\n</text>\n</martif>\n",
			"bad.tbx:3:3: no concepts: no entry has both a Chinese and an English term"},
		{"no body at all", "<tbx>\n</tbx>",
			"bad.tbx:1:1: no concepts: no entry has both a Chinese and an English term"},
		{"text after the root", "<tbx></tbx>\n中文",
			"bad.tbx:1:12: malformed XML: text outside the root element"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, _, err := tbx.Read("bad.tbx", []byte(tc.src))
			if err == nil || err.Error() != tc.want {
				t.Errorf("error = %v\nwant    %s", err, tc.want)
			}
			if g != nil {
				t.Error("a glossary came back with the error")
			}
		})
	}
}

// TestReadEncodingAndBOM reads a file that declares another encoding and
// begins with a byte order mark: the CLI has decoded it to UTF-8 already.
func TestReadEncodingAndBOM(t *testing.T) {
	src := "\ufeff<?xml version=\"1.0\" encoding=\"GB18030\"?>\n<martif type=\"TBX\" xml:lang=\"zh-CN\"><text><body>\n" +
		"<termEntry id=\"gangkou\"><langSet xml:lang=\"zh-CN\"><tig><term>港口</term></tig></langSet>" +
		"<langSet xml:lang=\"en\"><tig><term>port</term></tig></langSet></termEntry>\n</body></text></martif>\n"
	g, problems, err := tbx.Read("gb.tbx", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 || len(g.Concepts) != 1 || g.Concepts[0].ZH != "港口" || g.Concepts[0].Pos.Line != 3 {
		t.Errorf("got %v, %v; want the one concept 港口 at line 3", g.Concepts, problems)
	}
}

// TestReadKeepsExactTextOfOwnExport shows the difference between
// termlint's own files, whose texts are kept as written, and others',
// whose line breaks inside texts are folded.
func TestReadKeepsExactTextOfOwnExport(t *testing.T) {
	var b bytes.Buffer
	g := loadSmall(t)
	if err := tbx.Write(&b, g, 3); err != nil {
		t.Fatal(err)
	}
	own, _, err := tbx.Read("own.tbx", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := own.Concept("gangkou").Renderings[0].Note; !strings.Contains(got, "\n") {
		t.Errorf("the line break of a note was lost: %q", got)
	}
	other := bytes.Replace(b.Bytes(), []byte("termlint glossary export"), []byte("exported"), 1)
	g2, _, err := tbx.Read("other.tbx", other)
	if err != nil {
		t.Fatal(err)
	}
	if got := g2.Concept("gangkou").Renderings[0].Note; got != "The default; see the style guide." {
		t.Errorf("another tool's note kept its line break: %q", got)
	}
}

// TestWriteErrors checks what Write refuses.
func TestWriteErrors(t *testing.T) {
	g := loadSmall(t)
	var b bytes.Buffer
	if err := tbx.Write(&b, g, 4); err == nil || !strings.Contains(err.Error(), "TBX version 4 is not supported") {
		t.Errorf("version 4: %v", err)
	}
	g.Concepts[0].Notes = "a bell \a rings"
	err := tbx.Write(&b, g, 3)
	if want := `concept "gangkou" holds the character U+0007, which XML 1.0 cannot hold`; err == nil || err.Error() != want {
		t.Errorf("control character: %v, want %s", err, want)
	}
	if b.Len() > 0 {
		t.Errorf("Write wrote %d bytes before failing", b.Len())
	}
}

// TestReadAfterAnotherToolDropsNotes reads termlint's export of the
// default glossary after a tool that keeps only TBX-Basic's own data
// categories has dropped every note and rewritten the header: what TBX-Basic
// carries survives, and the result is still a working glossary.
func TestReadAfterAnotherToolDropsNotes(t *testing.T) {
	orig := loadDefault(t)
	for _, version := range []int{3, 2} {
		data := string(write(t, orig, version))
		data = regexp.MustCompile(`(?s)\s*<note>.*?</note>`).ReplaceAllString(data, "")
		data = regexp.MustCompile(`(?s)<sourceDesc>.*</sourceDesc>`).ReplaceAllString(data, "<sourceDesc><p>edited</p></sourceDesc>")
		data = regexp.MustCompile(`(?s)\s*<encodingDesc>.*</encodingDesc>`).ReplaceAllString(data, "")
		data = strings.Replace(data, "<title>termlint glossary</title>", "<title>Terms</title>", 1)
		if strings.Contains(data, "termlint") {
			t.Fatal("the stripped file still holds termlint notes")
		}
		g, _, err := tbx.Read("edited.tbx", []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		if errs := validationErrors(glossary.Merge(g)); len(errs) > 0 {
			t.Errorf("v%d: the glossary read does not validate: %v", version, errs[0])
		}
		if len(g.Concepts) != len(orig.Concepts) {
			t.Fatalf("v%d: %d concepts became %d", version, len(orig.Concepts), len(g.Concepts))
		}
		for i, want := range orig.Concepts {
			got := g.Concepts[i]
			if got.ID != want.ID || got.ZH != want.ZH || !slices.Equal(got.ZHVariants, want.ZHVariants) ||
				!slices.Equal(got.Tags, want.Tags) || got.Gloss != want.Gloss || !slices.Equal(got.Related, want.Related) {
				t.Fatalf("v%d: concept %q lost one of id, zh, zh_variants, tags, gloss, related", version, want.ID)
			}
			for j, wr := range want.Renderings {
				gr := got.Renderings[j]
				if gr.EN != wr.EN || gr.Status != wr.Status || !slices.Equal(gr.Styles, wr.Styles) || len(gr.Seen) != len(wr.Seen) {
					t.Fatalf("v%d: rendering %q of %q lost one of en, status, styles, seen", version, wr.EN, want.ID)
				}
				for k, ws := range wr.Seen {
					if gs := gr.Seen[k]; gs.Source != ws.Source || gs.Quote != ws.Quote {
						t.Fatalf("v%d: a seen entry of %q lost its source or quote", version, wr.EN)
					}
				}
			}
		}
	}
}
