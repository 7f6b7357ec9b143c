package input

import (
	"fmt"
	"strings"
	"testing"
)

// segmentsOf renders segments for comparison: ID, Chinese, English, and
// "untranslated" when they are.
func segmentsOf(d *Document) []string {
	var out []string
	for _, s := range d.Segments {
		line := fmt.Sprintf("%s %q %q", s.ID, s.Chinese.Text, s.English.Text)
		if s.Untranslated {
			line += " untranslated"
		}
		out = append(out, line)
	}
	return out
}

func checkSegmentsOf(t *testing.T, d *Document, want ...string) {
	t.Helper()
	if got := segmentsOf(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("segments:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTMXDirection(t *testing.T) {
	const src = `<tmx version="1.4"><header srclang="en-US"/><body>
<tu tuid="a"><tuv xml:lang="en-US"><seg>Belt and Road</seg></tuv><tuv xml:lang="zh-CN"><seg>一带一路</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="en-US"><seg>neighborhood work</seg></tuv></tu>
<tu tuid="c"><tuv xml:lang="en-US"><seg>shared future</seg></tuv><tuv xml:lang="zh-CN"><seg> </seg></tuv></tu>
<tu tuid="d" srclang="zh-CN"><tuv xml:lang="en-US"><seg>only English</seg></tuv></tu>
<tu tuid="e" srclang="zh-CN"><tuv xml:lang="zh-CN"><seg>周边</seg></tuv></tu>
<tu tuid="f"><tuv><seg>no language</seg></tuv><tuv xml:lang="zh"/></tu>
</body></tmx>`
	d := readSegments(t, TMX, src)
	// English is the source: a missing or blank Chinese variant awaits
	// translation, and the English stays to be checked. A unit without
	// its source (d, f: a variant without a language is no variant) is no
	// segment.
	checkSegmentsOf(t, d,
		`a "一带一路" "Belt and Road"`,
		`b "" "neighborhood work" untranslated`,
		`c "" "shared future" untranslated`,
		`e "周边" "" untranslated`,
	)
}

func TestTMXSniffedAndRead(t *testing.T) {
	src := []byte(`<?xml version="1.0"?><tmx version="1.4"><header srclang="zh"/><body><tu><tuv xml:lang="zh"><seg>周边</seg></tuv><tuv xml:lang="en"><seg>neighborhood</seg></tuv></tu></body></tmx>`)
	d, err := Read("memory.xml", src)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != TMX {
		t.Fatalf("format = %v", d.Format)
	}
	checkSegmentsOf(t, d, ` "周边" "neighborhood"`)
	// Read as English only, a TMX file is markup around text.
	d, err = ReadWith("memory.tmx", src, Options{Bilingual: BilingualOff})
	if err != nil || d.Bilingual() || d.Format != HTML {
		t.Fatalf("BilingualOff: %v, %v, %v", err, d.Bilingual(), d.Format)
	}
}

func TestTMXEmptyBody(t *testing.T) {
	for _, src := range []string{`<tmx/>`, `<tmx version="1.4"><header/><body/></tmx>`, "\n<!-- x -->\n<tmx>\n</tmx>\n<!-- y -->\n"} {
		d := readSegments(t, TMX, src)
		if d.Segments == nil || len(d.Segments) != 0 {
			t.Errorf("%q: segments %v, want none and not nil", src, d.Segments)
		}
	}
}

func TestTMXUTF16(t *testing.T) {
	// What Windows tools write: UTF-16LE with a BOM, declared as UTF-16.
	src := "\uFEFF" + `<?xml version="1.0" encoding="UTF-16"?><tmx><body><tu><tuv xml:lang="zh-CN"><seg>周边</seg></tuv><tuv xml:lang="en"><seg>neighborhood</seg></tuv></tu></body></tmx>`
	var data []byte
	for _, c := range utf16Units(src) {
		data = append(data, byte(c), byte(c>>8))
	}
	d, err := Read("memory.tmx", data)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, data, d)
	checkSegmentsOf(t, d, ` "周边" "neighborhood"`)
	if d.Encoding != "utf-16le-bom" {
		t.Errorf("encoding = %q", d.Encoding)
	}
}

// utf16Units encodes s as UTF-16 code units (the BMP is enough here).
func utf16Units(s string) []uint16 {
	var u []uint16
	for _, r := range s {
		u = append(u, uint16(r))
	}
	return u
}
