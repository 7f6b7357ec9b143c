package input

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
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
		{"UTF-16LE with BOM", utf16(unicode.LittleEndian, unicode.UseBOM), "", "utf-16le-bom"},
		{"UTF-16BE with BOM", utf16(unicode.BigEndian, unicode.UseBOM), "", "utf-16be-bom"},
		{"UTF-16LE without BOM", utf16(unicode.LittleEndian, unicode.IgnoreBOM), "", "utf-16le"},
		{"UTF-16BE without BOM", utf16(unicode.BigEndian, unicode.IgnoreBOM), "", "utf-16be"},
		{"GB18030 detected", gb, "", "gb18030"},
		{"GBK named", gb, "GBK", "gbk"},
		{"GB18030 named", gb, "gb18030", "gb18030"},
		{"UTF-8 named drops a BOM", "\uFEFF" + text, "utf-8", "utf-8-bom"},
		{"UTF-8 named without BOM", text, "utf-8", ""},
		{"UTF-16 named with BOM", utf16(unicode.LittleEndian, unicode.UseBOM), "utf-16", "utf-16le-bom"},
		{"UTF-16 named with big-endian BOM", utf16(unicode.BigEndian, unicode.UseBOM), "utf-16", "utf-16be-bom"},
		{"UTF-16LE named with BOM", utf16(unicode.LittleEndian, unicode.UseBOM), "utf-16le", "utf-16le-bom"},
		{"UTF-16BE named without BOM", utf16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE", "utf-16be"},
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

// TestDecodeASCIIUTF16 recognises UTF-16 without a byte order mark whose
// text is all ASCII, which is valid UTF-8 as it stands (with a NUL byte
// after or before every letter).
func TestDecodeASCIIUTF16(t *testing.T) {
	for data, want := range map[string]string{
		"n\x00e\x00i\x00g\x00h\x00\n\x00": "utf-16le",
		"\x00n\x00e\x00i\x00g\x00h\x00\n": "utf-16be",
	} {
		got, enc, err := Decode([]byte(data), "")
		if err != nil || string(got) != "neigh\n" || enc != want {
			t.Errorf("Decode(%q) = %q, %q, %v; want \"neigh\\n\", %q", data, got, enc, err, want)
		}
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

// TestEncodeRoundTrip writes what Decode read back in the encoding it
// reported, byte for byte, for every kind of encoding Decode reports, and
// decodes the names it reports again.
func TestEncodeRoundTrip(t *testing.T) {
	const text = "周边工作 neighbourhood work\r\nline two\n"
	enc := func(e encoding.Encoding, prefix string) string {
		b, err := e.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		return prefix + b
	}
	le, be := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []struct {
		name, data, encoding string
	}{
		{"UTF-8", text, ""},
		{"UTF-8 with BOM", "\uFEFF" + text, ""},
		{"UTF-8 named, with BOM", "\uFEFF" + text, "utf-8"},
		{"UTF-16LE with BOM", enc(le, "\xFF\xFE"), ""},
		{"UTF-16BE with BOM", enc(be, "\xFE\xFF"), ""},
		{"UTF-16LE without BOM", enc(le, ""), ""},
		{"UTF-16BE without BOM", enc(be, ""), ""},
		{"UTF-16 named", enc(be, "\xFE\xFF"), "utf-16"},
		{"UTF-16LE named, with BOM", enc(le, "\xFF\xFE"), "utf-16le"},
		{"GB18030 detected", enc(simplifiedchinese.GB18030, ""), ""},
		{"GBK named", enc(simplifiedchinese.GBK, ""), "gbk"},
		{"Big5 named", enc(traditionalchinese.Big5, ""), "big5"},
		{"invalid UTF-8 kept", "abc \xff\x80 def", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, name, err := Decode([]byte(tt.data), tt.encoding)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Encode(got, name)
			if err != nil {
				t.Fatal(err)
			}
			if string(back) != tt.data {
				t.Errorf("Encode(Decode(data), %q) = %q, want %q", name, back, tt.data)
			}
			again, name2, err := Decode([]byte(tt.data), name)
			if err != nil || string(again) != string(got) || name2 != name {
				t.Errorf("Decode(data, %q) = %q, %q, %v; want %q, %q", name, again, name2, err, got, name)
			}
		})
	}
}

// TestEncodeLossy: text an encoding cannot hold is an error, not a
// replacement character, and invalid GBK decodes to U+FFFD, which does not
// round-trip; a caller finds that out before writing.
func TestEncodeLossy(t *testing.T) {
	if _, err := Encode([]byte("周边 😀"), "gbk"); err == nil {
		t.Error("Encode(emoji, gbk) succeeded; want an error")
	}
	if _, err := Encode([]byte("x"), "klingon"); err == nil {
		t.Error("Encode(x, klingon) succeeded; want an error")
	}
	data := []byte("abc \x81\x20 def")
	text, name, err := Decode(data, "gbk")
	if err != nil {
		t.Fatal(err)
	}
	if back, err := Encode(text, name); err == nil && string(back) == string(data) {
		t.Errorf("invalid GBK round-tripped: %q", back)
	}
}

// TestReadBinary skips a file with a NUL byte near its start, naming where
// the byte is, but not UTF-16, whose zero bytes say what it is, nor a
// file whose first NUL byte comes late.
func TestReadBinary(t *testing.T) {
	_, err := Read("logo.md", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	if !errors.Is(err, ErrBinary) || err.Error() != "logo.md:3:1: skipped: binary file (a NUL byte)" {
		t.Errorf("Read(PNG) error = %v", err)
	}
	if _, err := Read("notes.txt", []byte("n\x00o\x00t\x00e\x00")); err != nil {
		t.Errorf("Read(UTF-16LE) error = %v", err)
	}
	late := append(bytes.Repeat([]byte("text "), binaryPrefix/5), 0)
	if _, err := Read("late.txt", late); err != nil {
		t.Errorf("Read(NUL after %d bytes) error = %v", binaryPrefix, err)
	}
}
