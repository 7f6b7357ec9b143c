package input

import (
	"strings"
	"testing"
)

func TestXLIFF1IDs(t *testing.T) {
	const src = `<xliff version="1.2"><file source-language="zh-CN" target-language="en"><body>
<trans-unit id="plain"><source>周边</source><target>neighborhood</target></trans-unit>
<trans-unit id="seg"><source>一带。一路。</source>
<seg-source><mrk mtype="seg" mid="a">一带。</mrk><mrk mtype="seg" mid="b">一路。</mrk></seg-source>
<target><mrk mtype="seg" mid="a">One belt.</mrk><mrk mtype="seg" mid="b">One road.</mrk><mrk mtype="seg" mid="c">Stray.</mrk></target></trans-unit>
<trans-unit><source>无编号</source><target>no id</target></trans-unit>
</body></file></xliff>`
	d := readSegments(t, XLIFF, src)
	checkSegmentsOf(t, d,
		`plain "周边" "neighborhood"`,
		`seg#a "一带。" "One belt."`,
		`seg#b "一路。" "One road."`,
		` "无编号" "no id"`,
	)
}

func TestXLIFF1Direction(t *testing.T) {
	const src = `<xliff version="1.2"><file source-language="en" target-language="zh-CN"><body>
<trans-unit id="1"><source>Belt and Road</source><target>一带一路</target></trans-unit>
<trans-unit id="2"><source>neighborhood work</source></trans-unit>
<trans-unit id="3"><source>shared future</source><target state="needs-translation"> </target></trans-unit>
<trans-unit id="4"><source><x id="1"/></source><target><x id="1"/></target></trans-unit>
</body></file>
<file><body><trans-unit id="5"><source>没有语言</source><target>no languages named</target></trans-unit></body></file>
</xliff>`
	d := readSegments(t, XLIFF, src)
	// The Chinese target is the translation; a unit whose source is only
	// a placeholder has nothing to translate.
	checkSegmentsOf(t, d,
		`1 "一带一路" "Belt and Road"`,
		`2 "" "neighborhood work" untranslated`,
		`3 "" "shared future" untranslated`,
		`5 "没有语言" "no languages named"`,
	)
}

func TestXLIFF2IDs(t *testing.T) {
	const src = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en"><file id="f">
<unit id="one"><segment><source>周边</source><target>neighborhood</target></segment></unit>
<unit id="ids"><segment id="s1"><source>一带</source><target>belt</target></segment><ignorable><source>。</source></ignorable><segment id="s2"><source>一路</source><target>road</target></segment></unit>
<unit id="n"><segment><source>第一</source><target>first</target></segment><segment><source>第二</source><target>second</target></segment></unit>
</file></xliff>`
	d := readSegments(t, XLIFF, src)
	checkSegmentsOf(t, d,
		`one "周边" "neighborhood"`,
		`ids#s1 "一带" "belt"`,
		`ids#s2 "一路" "road"`,
		`n#1 "第一" "first"`,
		`n#2 "第二" "second"`,
	)
}

func TestXLIFFVersion(t *testing.T) {
	// The version attribute decides over the namespace; without either,
	// a document is 1.x.
	tests := []struct{ name, root, unit, want string }{
		{"2.0 by version", `<xliff version="2.0" srcLang="zh" trgLang="en">`, `<file><unit id="u"><segment><source>周边</source><target>x</target></segment></unit></file>`, `u "周边" "x"`},
		{"2.2 by namespace", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.2" srcLang="zh" trgLang="en">`, `<file><unit id="u"><segment><source>周边</source><target>x</target></segment></unit></file>`, `u "周边" "x"`},
		{"1.1 namespace", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">`, `<file source-language="zh" target-language="en"><body><trans-unit id="t"><source>周边</source><target>x</target></trans-unit></body></file>`, `t "周边" "x"`},
		{"no version", `<xliff>`, `<file source-language="zh" target-language="en"><body><trans-unit id="t"><source>周边</source><target>x</target></trans-unit></body></file>`, `t "周边" "x"`},
		{"1.2 read as 2.0 finds nothing", `<xliff version="2.0">`, `<file source-language="zh" target-language="en"><body><trans-unit id="t"><source>周边</source><target>x</target></trans-unit></body></file>`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readSegments(t, XLIFF, tt.root+tt.unit+`</xliff>`)
			if got := strings.Join(segmentsOf(d), "\n"); got != tt.want {
				t.Errorf("segments = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestXLIFF2Inline(t *testing.T) {
	tests := []struct{ name, source, want string }{
		{"pc translate=yes inside translate=no", `甲<pc id="1" translate="no">乙<pc id="2" translate="yes">丙</pc>丁</pc>戊`, "甲\x00丙戊"},
		{"nested ranges", `甲<sm id="a" translate="no"/>乙<sm id="b" translate="no"/>丙<em startRef="a"/>丁<em startRef="b"/>戊`, "甲\x00戊"},
		{"a range across pc", `甲<pc id="1">乙<sm id="a" translate="no"/>丙</pc>丁<em startRef="a"/>戊`, "甲乙\x00戊"},
		{"a range never ended", `甲<sm id="a" translate="no"/>乙`, "甲\x00"},
		{"an em of no range", `甲<em startRef="zz"/>乙`, "甲\x00乙"},
		{"cp of what is no character", `甲<cp hex="D800"/>乙<cp hex="0"/>丙<cp hex="9"/>`, "甲\x00乙\x00丙\t"},
		{"foreign element", `甲<my:x xmlns:my="urn:my">乙</my:x>丙`, "甲\x00丙"},
		{"mrk translate=no at the start", `<mrk id="m" translate="no">KEEP</mrk>周边`, "\x00周边"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en"><file><unit id="u"><segment><source>` +
				tt.source + `</source><target>t</target></segment></unit></file></xliff>`
			d := readSegments(t, XLIFF, src)
			if len(d.Segments) != 1 || string(d.Segments[0].Chinese.Text) != tt.want {
				t.Errorf("segments = %q, want %q", segmentsOf(d), tt.want)
			}
		})
	}
}

func TestXLIFFSpanOffsets(t *testing.T) {
	const src = `<xliff version="1.2"><file source-language="zh" target-language="en"><body>` +
		`<trans-unit id="1"><source>共建<g id="1">一带&amp;一路</g></source><target>the <g id="1">Belt &amp; Road</g></target></trans-unit>` +
		`</body></file></xliff>`
	d := readSegments(t, XLIFF, src)
	en := d.Segments[0].English
	i := strings.Index(string(en.Text), "Road")
	if off := en.Offset(i); src[off:off+4] != "Road" {
		t.Errorf("Offset(Road) = %d: %q", off, src[off:])
	}
	// "Belt & Road" starts and stops at its bytes in the file.
	b := strings.Index(string(en.Text), "Belt")
	if got := src[en.Offset(b):en.End(len(en.Text))]; got != "Belt &amp; Road" {
		t.Errorf("span of the phrase = %q", got)
	}
	if got := shown(d); got != "·共建·一带·一路·the ·Belt · Road·" {
		t.Errorf("masked = %q", got)
	}
}
