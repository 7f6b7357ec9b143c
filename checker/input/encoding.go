package input

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Decode returns a file's text as UTF-8, and the encoding it was in ("" for
// UTF-8 without a byte order mark).
//
// With an encoding name (WHATWG names and labels: "gb18030", "gbk",
// "gb2312", "utf-16le", "utf-16be", "big5", ...) the data is decoded from
// it. Otherwise: a byte order mark says UTF-8 ("utf-8-bom"), UTF-16LE or
// UTF-16BE, and is dropped; valid UTF-8 stays as it is, without a copy;
// UTF-16 without a byte order mark is recognised by its zero bytes; and
// data that is not UTF-8 but decodes cleanly as GB18030 (which includes
// GBK and GB2312) is GB18030. Anything else is read as it is, invalid
// bytes and all. Lines and columns are counted in the decoded text, which
// are the lines and characters an editor shows.
func Decode(data []byte, name string) ([]byte, string, error) {
	if name != "" {
		return decodeNamed(data, name)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], "utf-8-bom", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(data[2:], unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(data[2:], unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be")
	case utf8.Valid(data):
		return data, "", nil
	}
	if e := utf16Order(data); e != "" {
		order := unicode.LittleEndian
		if e == "utf-16be" {
			order = unicode.BigEndian
		}
		return decodeWith(data, unicode.UTF16(order, unicode.IgnoreBOM), e)
	}
	if text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil && !bytes.ContainsRune(text, utf8.RuneError) {
		return text, "gb18030", nil
	}
	return data, "", nil
}

// utf16Order recognises UTF-16 without a byte order mark by the zero high
// bytes of ASCII characters: more than a third of the bytes at odd offsets
// (little-endian) or even offsets (big-endian) zero, and none at the other.
func utf16Order(data []byte) string {
	if len(data) < 4 || len(data)%2 != 0 {
		return ""
	}
	var zeros [2]int
	for i, c := range data {
		if c == 0 {
			zeros[i%2]++
		}
	}
	half := len(data) / 2
	switch {
	case zeros[1]*3 > half && zeros[0] == 0:
		return "utf-16le"
	case zeros[0]*3 > half && zeros[1] == 0:
		return "utf-16be"
	}
	return ""
}

func decodeNamed(data []byte, name string) ([]byte, string, error) {
	label := strings.ToLower(strings.TrimSpace(name))
	switch label {
	case "utf-8", "utf8":
		return bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}), "", nil
	case "utf-16", "utf16":
		return decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16")
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, "", fmt.Errorf("unknown encoding %q (try utf-8, utf-16le, utf-16be, gb18030, gbk, big5)", name)
	}
	canonical, _ := htmlindex.Name(e)
	return decodeWith(data, e, canonical)
}

func decodeWith(data []byte, e encoding.Encoding, name string) ([]byte, string, error) {
	text, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", fmt.Errorf("not valid %s: %v", name, err)
	}
	return text, name, nil
}
