package input

import (
	"fmt"
	"strings"
	"testing"
)

// readSegments reads src as format f, checks the invariants, and returns
// the document.
func readSegments(t *testing.T, f Format, src string) *Document {
	t.Helper()
	d := read(t, f, src)
	if !d.Bilingual() {
		t.Fatalf("%v read as not bilingual", f)
	}
	return d
}

// spanPieces renders how a span maps to the file: each stretch of its
// text with the file bytes it stands for, "text=file" where they differ.
func spanPieces(s Span, file string) string {
	var parts []string
	for _, p := range s.pieces {
		text, orig := string(s.Text[p.at:p.at+p.n]), file[p.off:p.off+p.fileN]
		if text == orig {
			parts = append(parts, text)
		} else {
			parts = append(parts, text+"="+orig)
		}
	}
	return strings.Join(parts, "|")
}

func TestXMLSpansMapToTheFile(t *testing.T) {
	const tmx = `<tmx><body><tu>` +
		`<tuv xml:lang="zh"><seg>中&amp;美&#x4E00;<![CDATA[<带>]]>路<ph>&lt;b/&gt;</ph>好<!-- c -->的</seg></tuv>` +
		`<tuv xml:lang="en"><seg>a<hi>b</hi>c<bpt i="1">x</bpt><ept i="1">y</ept>d<sub>no sub outside code</sub></seg></tuv>` +
		`</tu></body></tmx>`
	d := readSegments(t, TMX, tmx)
	if len(d.Segments) != 1 {
		t.Fatalf("got %d segments", len(d.Segments))
	}
	s := d.Segments[0]
	// A comment is not text, and no break: a phrase runs through it.
	if got, want := spanPieces(s.Chinese, tmx), "中|&=&amp;|美|一=&#x4E00;|<带>|路|\x00=<ph>|好|的"; got != want {
		t.Errorf("Chinese pieces = %q, want %q", got, want)
	}
	if got, want := spanPieces(s.English, tmx), "a|b|c|\x00=<bpt i=\"1\">|d|\x00=<sub>|no sub outside code|\x00=</sub>"; got != want {
		t.Errorf("English pieces = %q, want %q", got, want)
	}
	// Offsets: "美" follows the decoded "&"; the character reference maps
	// as a whole.
	text := string(s.Chinese.Text)
	mei := strings.Index(text, "美")
	if off := s.Chinese.Offset(mei); !strings.HasPrefix(tmx[off:], "美&#x4E00;") {
		t.Errorf("Offset(美) = %d: %q", off, tmx[off:off+10])
	}
	yi := strings.Index(text, "一")
	if off, end := s.Chinese.Offset(yi), s.Chinese.End(yi+1); tmx[off:end] != "&#x4E00;" {
		t.Errorf("一 maps to %q", tmx[off:end])
	}
	// The masked copy shows the exact pieces only.
	if got := shown(d); got != "·中·美·<带>·路·好·的·a·b·c·d·no sub outside code·" {
		t.Errorf("masked = %q", got)
	}
}

func TestXMLSyntaxErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty", "", "test:1:1: no root element"},
		{"comment only", "<!-- termlint-disable -->\n", "test:1:27: no root element"},
		{"unclosed", "<tmx><body>", "test:1:12: malformed XML: unexpected end of file"},
		{"mismatched", "<tmx>\n<body></tmx>", "test:2:7: malformed XML: element <body> closed by </tmx>"},
		{"unknown entity", "<tmx>\n  a &nbsp; b</tmx>", "test:2:5: malformed XML: invalid character entity &nbsp; (XML knows"},
		{"no semicolon", "<tmx>a &amp b</tmx>", "test:1:8: malformed XML: invalid character entity &amp (no semicolon)"},
		{"NUL reference", "<tmx>&#0;</tmx>", "test:1:6: malformed XML: illegal character code U+0000"},
		{"bare <", "<tmx>a < b</tmx>", "test:1:8: malformed XML: expected element name after <"},
		{"invalid UTF-8", "<tmx>周\xff</tmx>", "test:1:7: malformed XML: invalid UTF-8"},
		{"two roots", "<tmx/>\n<tmx/>", "test:2:1: element <tmx> after the root element"},
		{"text before the root", "周边<tmx/>", "test:1:1: text outside the root element"},
		{"wrong root", "<?xml version='1.0'?>\n<html/>", "test:2:1: the root element is <html>, not <tmx>"},
		{"a comment with --", "<tmx><!-- termlint-disable -- why --></tmx>", `test:1:28: malformed XML: invalid sequence "--" not allowed in comments`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAs("test", []byte(tt.src), TMX)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want %s...", err, tt.want)
			}
		})
	}
}

func TestXMLDirectives(t *testing.T) {
	src := "<!-- termlint-disable-next-line deprecated -->\n" + // before the root
		"<xliff version=\"1.2\"><file source-language=\"zh\" target-language=\"en\"><body>\n" +
		"<trans-unit id=\"1\">\n" +
		"<source>周边工作</source>\n" +
		"<!-- termlint-disable inconsistent -->\n" +
		"<target>peripheral work</target>\n" +
		"<!-- termlint-enable -->\n" +
		"</trans-unit>\n" +
		"</body></file></xliff>\n" +
		"<!-- termlint-disable -->\n" // after it: to the end of the file
	d := readSegments(t, XLIFF, src)
	var got []string
	for _, s := range d.Suppressions {
		got = append(got, strings.TrimSpace(fmt.Sprintf("%d %d %s", s.FromLine, s.ToLine, strings.Join(s.Names, " "))))
	}
	// The next-line directive skips the markup lines to the first with
	// segment text.
	want := []string{"4 4 deprecated", "5 7 inconsistent", "10 10"}
	if strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("suppressions = %q, want %q", got, want)
	}
}

func TestChineseIsSource(t *testing.T) {
	tests := []struct {
		name           string
		src, trg       string
		source, target string
		chineseSource  bool
		ok             bool
	}{
		{"tags zh to en", "zh-CN", "en-US", "x", "y", true, true},
		{"tags en to zh", "en", "zh_Hans", "x", "y", false, true},
		{"tags decide over texts", "en", "zh", "周边", "neighborhood", false, true},
		{"tags of other languages", "zh", "fr", "周边", "voisinage", false, false},
		{"two Chinese tags", "zh-CN", "zh-TW", "周边", "周邊", false, false},
		{"po2xliff's default source", "en-US", "", "周边工作", "neighborhood work", true, true},
		{"one tag, Chinese target text", "en-US", "", "Belt and Road", "一带一路", false, true},
		{"no tags, Chinese source text", "", "", "周边工作", "", true, true},
		{"no tags, English both", "", "", "Content-Type: text/plain", "Content-Type: text/plain", false, false},
		{"no tags, untranslated English", "", "", "Belt and Road", "", false, false},
		{"one tag, untranslated English", "en", "", "Belt and Road", " ", false, true},
		{"one target tag, untranslated", "", "en", "RCEP", "", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, ok := chineseIsSource(tt.src, tt.trg, []byte(tt.source), []byte(tt.target))
			if cs != tt.chineseSource || ok != tt.ok {
				t.Errorf("chineseIsSource = %v, %v; want %v, %v", cs, ok, tt.chineseSource, tt.ok)
			}
		})
	}
}

func TestReference(t *testing.T) {
	for name, want := range map[string]string{
		"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'",
		"#20013": "中", "#x4e2d": "中", "#x4E2D": "中", "#x10FFFF": "\U0010FFFF",
		"nbsp": "", "#xD800": "", "#x110000": "", "#": "", "#x": "", "#X41": "",
	} {
		got, ok := reference([]byte(name))
		if string(got) != want || ok != (want != "") {
			t.Errorf("reference(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

func TestCodePoint(t *testing.T) {
	for hex, want := range map[string]rune{"0001": 1, "1F": 0x1F, " fffe ": 0xFFFE, "0": -1, "D800": -1, "110000": -1, "x": -1, "": -1} {
		got, ok := codePoint(hex)
		if want < 0 && ok || want >= 0 && (!ok || got != want) {
			t.Errorf("codePoint(%q) = %U, %v; want %U", hex, got, ok, want)
		}
	}
}

func TestBlank(t *testing.T) {
	for text, want := range map[string]bool{"": true, " \t\r\n\u3000": true, "\x00 \x00": true, "a": false, " 周 ": false} {
		if got := blank([]byte(text)); got != want {
			t.Errorf("blank(%q) = %v", text, got)
		}
	}
}
