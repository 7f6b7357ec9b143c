package input

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// segs is the segments of a document as "Chinese | English" lines, for
// tests to compare at a glance; a separator shows as "·".
func segs(d *Document) []string {
	var out []string
	for _, s := range d.Segments {
		out = append(out, strings.ReplaceAll(string(s.Chinese.Text)+" | "+string(s.English.Text), "\x00", "·"))
	}
	return out
}

// readBilingual reads src as name says with the bilingual mode given and
// checks the invariants every Document holds.
func readBilingual(t *testing.T, name, src string, mode Bilingual) (*Document, error) {
	t.Helper()
	d, err := ReadWith(name, []byte(src), Options{Bilingual: mode})
	if err == nil {
		checkInvariants(t, []byte(src), d)
		checkSpans(t, d)
	}
	return d, err
}

// checkSpans asserts what pairing paragraphs promises of each span: it has
// text, trimmed of white space and separators at both ends.
func checkSpans(t testing.TB, d *Document) {
	t.Helper()
	for i, s := range d.Segments {
		for _, text := range [][]byte{s.Chinese.Text, s.English.Text} {
			trimmed := bytes.TrimFunc(text, func(r rune) bool { return r == 0 || unicode.IsSpace(r) })
			if len(text) == 0 || len(trimmed) != len(text) {
				t.Fatalf("segment %d: span %q is empty or untrimmed", i, text)
			}
		}
	}
}

func TestPairParagraphsText(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // nil: not bilingual
	}{
		{"a line per paragraph, English first",
			"Neighborhood Work\n周边工作\nWe build a community with a shared future.\n我们构建命运共同体。\n",
			[]string{"周边工作 | Neighborhood Work", "我们构建命运共同体。 | We build a community with a shared future."}},
		{"Chinese first, CRLF, blank lines between",
			"周边工作\r\n\r\nNeighborhood work\r\n\r\n一带一路\r\n\r\nBelt and Road\r\n",
			[]string{"周边工作 | Neighborhood work", "一带一路 | Belt and Road"}},
		{"hard-wrapped paragraphs: Chinese reads through its line breaks",
			"Building a community with a shared\nfuture is the goal.\n\n构建命运共\n同体是目标。\n",
			[]string{"构建命运共同体是目标。 | Building a community with a shared\nfuture is the goal."}},
		{"an English line right above its Chinese splits by script",
			"The Belt and Road\nInitiative turns ten.\n一带一路倡议\n提出十年了。\n\nNeighborhood work.\n周边工作。\n",
			[]string{"一带一路倡议提出十年了。 | The Belt and Road\nInitiative turns ten.", "周边工作。 | Neighborhood work."}},
		{"lines of neither script attach to nothing",
			"***\nNeighborhood work\n2025\n周边工作\n1.\n",
			[]string{"周边工作 | Neighborhood work"}},
		{"a line of neither script inside a paragraph stays in it",
			"Belt and Road\n2013\nInitiative\n一带一路\n",
			[]string{"一带一路 | Belt and Road\n2013\nInitiative"}},
		{"indented with ideographic spaces",
			"\u3000\u3000周边工作。\nNeighborhood work.\n",
			[]string{"周边工作。 | Neighborhood work."}},
		{"English quoting one Chinese line stays English",
			"Notes on terms.\n\nThe source says:\n\n人类命运共同体\n\nRender it the same way.\n\nSee the glossary.\n", nil},
		{"English only", "Neighborhood work.\n\nBelt and Road.\n", nil},
		{"Chinese only", "周边工作。\n\n一带一路。\n", nil},
		{"empty", "", nil},
		// The title joins the run of English it stands in.
		{"one unpaired title among pairs is still bilingual",
			"Title\n\nNeighborhood work.\n周边工作。\nBelt and Road.\n一带一路。\nShared future.\n命运共同体。\nRegion.\n地区。\n",
			[]string{"周边工作。 | Title·Neighborhood work.", "一带一路。 | Belt and Road.", "命运共同体。 | Shared future.", "地区。 | Region."}},
		{"pairs short of 80% of the paragraphs",
			"One.\n\n一。\n\nTwo.\n\n二。\n\nThree.\n\n三。\n\nFour.\n\nFive.\n\nSix.\n\nSeven.\n", nil},
		{"the order that pairs more wins",
			"周边工作。\nNeighborhood work.\n一带一路。\nBelt and Road.\n命运共同体。\nShared future.\n",
			[]string{"周边工作。 | Neighborhood work.", "一带一路。 | Belt and Road.", "命运共同体。 | Shared future."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := readBilingual(t, "a.txt", tt.src, BilingualAuto)
			if err != nil {
				t.Fatal(err)
			}
			got := segs(d)
			if d.Bilingual() != (tt.want != nil) || strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("segments (bilingual %v):\n\t%s\nwant (bilingual %v):\n\t%s", d.Bilingual(),
					strings.Join(got, "\n\t"), tt.want != nil, strings.Join(tt.want, "\n\t"))
			}
			for i, s := range d.Segments {
				if want := fmt.Sprintf("paragraph %d", i+1); s.ID != want {
					t.Errorf("segment %d: ID %q, want %q", i, s.ID, want)
				}
			}
		})
	}
}

func TestPairParagraphsForced(t *testing.T) {
	src := "周边工作\n\nNeighborhood work.\n\nMore notes.\n\nEven more.\n"
	if d, err := readBilingual(t, "draft.txt", src, BilingualAuto); err != nil || d.Bilingual() {
		t.Errorf("not forced: bilingual %v, error %v", d.Bilingual(), err)
	}
	d, err := readBilingual(t, "draft.txt", src, BilingualOn)
	if err != nil {
		t.Fatal(err)
	}
	if got := segs(d); len(got) != 1 || got[0] != "周边工作 | Neighborhood work.·More notes.·Even more." {
		t.Errorf("forced segments = %q", got)
	}
	for _, src := range []string{"Neighborhood work.\n\nBelt and Road.\n", "周边工作\n\n一带一路\n", "", "***\n"} {
		_, err := readBilingual(t, "draft.md", src, BilingualOn)
		if want := "draft.md: no Chinese and English paragraphs to pair"; err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %q", src, err, want)
		}
	}
	d, err = readBilingual(t, "draft.md", "周边工作\n\nNeighborhood work\n", BilingualOff)
	if err != nil || d.Bilingual() {
		t.Errorf("BilingualOff: bilingual %v, error %v", d.Bilingual(), err)
	}
}

func TestPairParagraphsMarkdown(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"Setext headings and a list",
			"Neighborhood Work\n=================\n\n周边工作\n========\n\n1. Belt and Road\n2. 一带一路\n",
			[]string{"周边工作 | Neighborhood Work", "一带一路 | Belt and Road"}},
		{"emphasis, strikethrough, raw HTML and a link inside Chinese join it",
			"Neighborhood *work*.\n\n周边*工作*，~~命运~~共同体，推进<span>一带</span>一路，做好[周边](u)外交，[一带一路](u)。\n",
			[]string{"周边工作，命运共同体，推进一带一路，做好周边外交，·一带一路·。 | Neighborhood *work*."}},
		{"a code span breaks Chinese as it does English",
			"Run `termlint` on neighborhood work.\n\n在周边`x`工作上运行。\n",
			[]string{"在周边·工作上运行。 | Run · on neighborhood work."}},
		{"entities and escapes are decoded",
			"Belt&nbsp;and Road \\& more\n\n一带&#19968;路\n",
			[]string{"一带一路 | Belt\u00a0and Road & more"}},
		{"a block quote's markers",
			"> Neighborhood\n> work\n\n> 周边\n> 工作\n",
			[]string{"周边工作 | Neighborhood\n· work"}},
		{"HTML blocks with lang attributes",
			"<p lang=\"zh-CN\">RCEP 与 ASEAN</p>\n\n<p lang=\"en\">RCEP and ASEAN</p>\n",
			[]string{"RCEP 与 ASEAN | RCEP and ASEAN"}},
		{"footnotes pair where the file has them",
			"Neighborhood work[^1].\n\n周边工作[^2]。\n\n[^1]: A note.\n\n[^2]: 注释。\n",
			[]string{"周边工作·。 | Neighborhood work·.", "注释。 | A note."}},
		{"front matter, code and comments are no paragraphs",
			"---\ntitle: 周边\n---\n\nNeighborhood work\n\n```\n周边工作\n```\n\n<!-- 周边工作 -->\n\n周边工作\n",
			[]string{"周边工作 | Neighborhood work"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := readBilingual(t, "a.md", tt.src, BilingualAuto)
			if err != nil {
				t.Fatal(err)
			}
			if got := segs(d); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("segments:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestPairParagraphsHTML(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"lang decides over the text's script",
			`<p lang="zh">RCEP 与 ASEAN</p><p lang="en">区域 means region</p>`,
			[]string{"RCEP 与 ASEAN | 区域 means region"}},
		{"inherited lang, and xml:lang over lang",
			`<div lang="zh-Hant"><p>RCEP 與 ASEAN</p></div><div xml:lang="en" lang="zh"><p>RCEP and ASEAN</p></div>`,
			[]string{"RCEP 與 ASEAN | RCEP and ASEAN"}},
		{"an unknown or empty lang falls back to the text",
			`<div lang="zh"><p lang="fr">Neighborhood</p><p lang="">周边</p></div>`,
			[]string{"周边 | Neighborhood"}},
		{"implied ends keep languages apart",
			`<ul lang="en"><li lang="zh">RCEP 与 ASEAN<li>RCEP and ASEAN</ul>`,
			[]string{"RCEP 与 ASEAN | RCEP and ASEAN"}},
		{"text of a div around a block is a paragraph of its own",
			`<div>Neighborhood work<p>周边工作</p></div>`,
			[]string{"周边工作 | Neighborhood work"}},
		{"inline lang does not make a paragraph",
			`<p>The term <span lang="zh">周边</span> is neighborhood.</p><p>周边是术语。</p>`,
			[]string{"周边是术语。 | The term \x00周边\x00 is neighborhood."}},
		{"code and scripts break, comments join",
			`<p>Neighborhood<script>x</script> work</p><p>周边<!-- c -->工作<kbd>k</kbd>好</p>`,
			[]string{"周边工作·好 | Neighborhood· work"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := readBilingual(t, "a.html", tt.src, BilingualAuto)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(strings.Join(tt.want, "\n"), "\x00", "·")
			if got := segs(d); strings.Join(got, "\n") != want {
				t.Errorf("segments:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.ReplaceAll(want, "\n", "\n\t"))
			}
		})
	}
}

// TestSpanOffsets checks that text joined over hidden markup maps back to
// the file.
func TestSpanOffsets(t *testing.T) {
	src := "Neighborhood *work*.\n\n周边**工作**要&amp;做好。\n"
	d, err := readBilingual(t, "a.md", src, BilingualAuto)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Segments) != 1 {
		t.Fatalf("segments %q", segs(d))
	}
	zh := d.Segments[0].Chinese
	if string(zh.Text) != "周边工作要&做好。" {
		t.Fatalf("Chinese %q", zh.Text)
	}
	for _, tt := range []struct {
		phrase string
		start  int
		end    int
	}{
		{"工作", strings.Index(src, "工作"), strings.Index(src, "工作") + len("工作")},
		{"周边工作", strings.Index(src, "周边"), strings.Index(src, "工作") + len("工作")},
		{"&", strings.Index(src, "&amp;"), strings.Index(src, "&amp;") + len("&amp;")},
	} {
		i := bytes.Index(zh.Text, []byte(tt.phrase))
		if start, end := zh.Offset(i), zh.End(i+len(tt.phrase)); start != tt.start || end != tt.end {
			t.Errorf("%q maps to %d-%d, want %d-%d", tt.phrase, start, end, tt.start, tt.end)
		}
		// Index maps back: the file offset of a byte to its index.
		if back := zh.Index(tt.start); back != i {
			t.Errorf("Index(%d) = %d, want %d (%q)", tt.start, back, i, tt.phrase)
		}
	}
	if got := zh.Index(strings.Index(src, "&amp;") + 2); got != strings.Index(string(zh.Text), "&") {
		t.Errorf("an offset inside an entity maps to %d, want the entity's index", got)
	}
	if zh.Index(0) != 0 || zh.Index(len(src)) != len(zh.Text) {
		t.Errorf("offsets before and past the span map to %d and %d", zh.Index(0), zh.Index(len(src)))
	}
	if start, stop := zh.Start(), zh.Stop(); src[start:stop] != "周边**工作**要&amp;做好。" {
		t.Errorf("Chinese span covers %q", src[start:stop])
	}
}

// TestSeedAlternation reads the seed corpus's bilingual article, a line per
// paragraph, English first, titles included.
func TestSeedAlternation(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "000_*.txt"))
	if len(names) == 0 {
		t.Skip("seed corpus not present at ../../../shared/seeds")
	}
	data, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(filepath.ToSlash(names[0]), data)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, data, d)
	checkSpans(t, d)
	chinese := 0
	for line := range bytes.Lines(data) {
		if ScriptOf(line) == Chinese {
			chinese++
		}
	}
	if chinese == 0 || len(d.Segments) != chinese {
		t.Fatalf("%d segments, want one per Chinese line (%d)", len(d.Segments), chinese)
	}
	lines := newLineIndex(d.Text)
	for i, s := range d.Segments {
		en, zh := lines.line(s.English.Start()), lines.line(s.Chinese.Start())
		if en != 2*i+1 || zh != 2*i+2 {
			t.Errorf("segment %d pairs English line %d with Chinese line %d", i+1, en, zh)
		}
	}
	// The second pair is the article's title: no sentence ends in it.
	if title := d.Segments[1].Chinese.Text; bytes.ContainsAny(title, "。！？") {
		t.Errorf("second segment is no title: %q", title)
	}
}

func FuzzPairParagraphs(f *testing.F) {
	for _, s := range []string{
		"", "周边\nwork", "work\n周边", "a\n\n周边", "周边\r\n\r\nwork\r\n", "*周边*\n\n*work*", "周`边`\n\nw",
		"> 周\n> 边\n\nw", "<p lang=zh>a</p><p>周</p>", "<div lang=en><p>周<code>x</code>边</div>", "&#19968;\n\n&amp;w",
		"- 周\n- w", "| 周 | w |\n|---|---|\n| 边 | x |", "周\\*边\n\nw\\", "\u3000周\u3000\nw\x00", "周\xff边\nw",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var docs []*Document
		for _, name := range []string{"fuzz.md", "fuzz.txt", "fuzz.html"} {
			orig := bytes.Clone(data)
			d, err := ReadWith(name, data, Options{Bilingual: BilingualOn})
			if errors.Is(err, ErrBinary) {
				return
			}
			if err != nil {
				if want := name + ": no Chinese and English paragraphs to pair"; err.Error() != want {
					t.Fatalf("%s: %v", name, err)
				}
				d, err = ReadWith(name, data, Options{Bilingual: BilingualOff})
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
			checkInvariants(t, orig, d)
			checkSpans(t, d)
			docs = append(docs, d)
		}
		// Align a file with itself and with the others: either the counts
		// differ or every span maps into its own file.
		for _, zh := range docs {
			for _, en := range docs {
				en := *en
				if err := Align(zh, &en); err == nil {
					checkSegments(t, &en)
				} else if !strings.Contains(err.Error(), "cannot align them by position") {
					t.Fatalf("Align: %v", err)
				}
			}
		}
	})
}

// TestParagraphSpanExact checks that a paragraph with nothing hidden or
// decoded is one exact piece, as exactSpan would make it, whatever its
// line breaks and surrounding white space.
func TestParagraphSpanExact(t *testing.T) {
	for _, src := range []string{"  Neighborhood work\n  in a new era.\r\n", "周边工作，\n一带一路。", "\u3000\u3000周边 work\t"} {
		masked := []byte(src)
		got := paragraphSpan(masked, masked, paragraph{start: 0, end: len(src), entities: true, escapes: true}, false)
		trimmed := strings.TrimFunc(src, unicode.IsSpace)
		start := strings.Index(src, trimmed)
		want := exactSpan(masked, start, start+len(trimmed))
		if string(got.Text) != string(want.Text) || !slices.Equal(got.pieces, want.pieces) {
			t.Errorf("%q: span %q %+v, want %q %+v", src, got.Text, got.pieces, want.Text, want.pieces)
		}
	}
}

func TestEntityAt(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"&amp;x", 5, "&"}, {"&#19968;", 8, "一"}, {"&#x4E00;", 8, "一"}, {"&#X4e00;", 8, "一"}, {"&ldquo;", 7, "\u201c"},
		{"&amp", 0, ""}, {"&nosuch;", 0, ""}, {"&1a;", 0, ""}, {"&#;", 0, ""}, {"&#x;", 0, ""}, {"&", 0, ""}, {"& b;", 0, ""},
		{"&#123456789;", 0, ""}, {"&#0;", 4, "\uFFFD"},
	} {
		n, dec := entityAt([]byte(tt.in))
		if n != tt.n || string(dec) != tt.want {
			t.Errorf("entityAt(%q) = %d, %q; want %d, %q", tt.in, n, dec, tt.n, tt.want)
		}
	}
}

// TestLineBreakPairs: a file written 中文<br/>English line by line is
// bilingual, each line's two halves one segment, even after an English
// preface that would pair every line's English with the next line's
// Chinese.
func TestLineBreakPairs(t *testing.T) {
	src := "A short English preface about these notes.\n\n" +
		"我们推进周边外交。<br/>We advance neighborhood diplomacy.\n\n" +
		"我们共建一带一路。<br/>We build the Belt and Road together.\n\n" +
		"我们做好周边工作。<br/>We do neighborhood work well.\n"
	wantSegs := []string{
		"我们推进周边外交。 | We advance neighborhood diplomacy.",
		"我们共建一带一路。 | We build the Belt and Road together.",
		"我们做好周边工作。 | We do neighborhood work well.",
	}
	for _, mode := range []Bilingual{BilingualAuto, BilingualOn} {
		d, err := readBilingual(t, "notes.md", src, mode)
		if err != nil {
			t.Fatal(err)
		}
		if got := segs(d); !slices.Equal(got, wantSegs) || len(d.Notices) != 0 {
			t.Errorf("%v: segments\n got %q\nwant %q\nnotices %q", mode, got, wantSegs, d.Notices)
		}
	}
}

// TestEnglishOnlyNotice: a file with a good deal of both scripts that does
// not pair is said to be read as English only; a plainly English file with
// a Chinese quotation, or a Chinese file, is not.
func TestEnglishOnlyNotice(t *testing.T) {
	mixed := "周边外交很重要。\n\n周边工作也很重要。\n\n一带一路是倡议。\n\nSome English notes.\n\nMore English notes.\n"
	d, err := readBilingual(t, "mixed.md", mixed, BilingualAuto)
	if err != nil || d.Bilingual() {
		t.Fatalf("bilingual %v, error %v", d.Bilingual(), err)
	}
	if len(d.Notices) != 1 || !strings.Contains(d.Notices[0], "mixed.md:1:1: read as English only: 3 Chinese and 2 English paragraphs do not alternate") || !strings.Contains(d.Notices[0], "--bilingual on") {
		t.Errorf("notices %q", d.Notices)
	}
	// Blocks that each hold both scripts have nothing to alternate: the
	// notice says so rather than count none of each.
	together := "<p>我们要继续推进周边工作，同各国一道建设更加美好的地区和世界。<br>We will keep advancing our work with neighboring countries and build a better region together.</p>\n" +
		"<p>我们要深化同周边国家的友好合作，维护地区和平稳定与发展繁荣。<br>We will deepen friendly cooperation with our neighbors and keep the region peaceful and stable.</p>\n"
	d, err = readBilingual(t, "together.html", together, BilingualAuto)
	if err != nil || d.Bilingual() || len(d.Notices) != 1 || !strings.Contains(d.Notices[0], "together.html:1:1: read as English only: each paragraph holds Chinese and English together") {
		t.Errorf("together.html: bilingual %v, notices %q, error %v", d.Bilingual(), d.Notices, err)
	}
	for name, src := range map[string]string{
		"english.md": "One English paragraph.\n\nAnother one, quoting 周边外交.\n\nA third.\n\nA fourth.\n\nA fifth.\n\nA sixth.\n",
		"chinese.md": "周边外交很重要。\n\n周边工作也很重要。\n\n一带一路是倡议。\n",
	} {
		d, err := readBilingual(t, name, src, BilingualAuto)
		if err != nil || len(d.Notices) != 0 {
			t.Errorf("%s: notices %q, error %v", name, d.Notices, err)
		}
	}
}
