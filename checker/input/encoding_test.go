package input

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	const text = "周边工作 neighborhood work\n"
	utf16 := func(order unicode.Endianness, bom unicode.BOMPolicy) string {
		b, err := unicode.UTF16(order, bom).NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, data, encoding string
		wantEncoding         string
	}{
		{"UTF-8", text, "", ""},
		{"UTF-8 with BOM", "\uFEFF" + text, "", "utf-8-bom"},
		{"UTF-16LE with BOM", utf16(unicode.LittleEndian, unicode.UseBOM), "", "utf-16le"},
		{"UTF-16BE with BOM", utf16(unicode.BigEndian, unicode.UseBOM), "", "utf-16be"},
		{"UTF-16LE without BOM", utf16(unicode.LittleEndian, unicode.IgnoreBOM), "", "utf-16le"},
		{"UTF-16BE without BOM", utf16(unicode.BigEndian, unicode.IgnoreBOM), "", "utf-16be"},
		{"GB18030 detected", gb, "", "gb18030"},
		{"GBK named", gb, "GBK", "gbk"},
		{"GB18030 named", gb, "gb18030", "gb18030"},
		{"UTF-8 named drops a BOM", "\uFEFF" + text, "utf-8", ""},
		{"UTF-16 named with BOM", utf16(unicode.LittleEndian, unicode.UseBOM), "utf-16", "utf-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode([]byte(tt.data), tt.encoding)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != text || enc != tt.wantEncoding {
				t.Errorf("Decode = %q, %q; want %q, %q", got, enc, text, tt.wantEncoding)
			}
		})
	}
}

func TestDecodeUndecodable(t *testing.T) {
	// Not UTF-8 and not GB18030 (0x80 alone is no GB18030 lead byte, and
	// 0xFF never is): read as it is.
	data := []byte("abc \xff\x80 def")
	got, enc, err := Decode(data, "")
	if err != nil || string(got) != string(data) || enc != "" {
		t.Errorf("Decode = %q, %q, %v; want the bytes as they are", got, enc, err)
	}
	if _, _, err := Decode(data, "klingon"); err == nil || !strings.Contains(err.Error(), "unknown encoding") {
		t.Errorf("unknown encoding: err = %v", err)
	}
}

// TestReadGB18030 reads an undeclared GB18030 file as the bilingual text
// it is, its spans pointing into the decoded text.
func TestReadGB18030(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String("第一行\n我们规划周边工作。\n\nWe plan neighborhood work.\n")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read("notes.txt", []byte(gb))
	if err != nil {
		t.Fatal(err)
	}
	if d.Encoding != "gb18030" || len(d.Segments) != 1 {
		t.Fatalf("Encoding %q, %d segments; want gb18030 and 1", d.Encoding, len(d.Segments))
	}
	en := d.Segments[0].English
	if got := string(d.Text[en.Start():en.Stop()]); got != "We plan neighborhood work." {
		t.Errorf("English span maps to %q", got)
	}
}
