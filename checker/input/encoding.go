package input

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Decode returns a file's text as UTF-8, and the encoding it was in: ""
// for UTF-8 without a byte order mark, "utf-8-bom", "utf-16le-bom" and
// "utf-16be-bom" for UTF-8 and UTF-16 with one (the mark is dropped from
// the text), "utf-16le" and "utf-16be" for UTF-16 without one, and the
// WHATWG name of any other encoding ("gb18030", "gbk", "big5", ...).
// Encode takes the same names back, so that a file can be written as it
// was read.
//
// With an encoding name (WHATWG names and labels: "gb18030", "gbk",
// "gb2312", "utf-16le", "utf-16be", "big5", ..., and the names Decode
// returns) the data is decoded from it. Otherwise: a byte order mark says
// UTF-8, UTF-16LE or UTF-16BE, and is dropped; valid UTF-8 without NUL
// bytes stays as it is, without a copy; UTF-16 without a byte order mark
// is recognised by its zero bytes (also when, being ASCII, it is valid
// UTF-8); and data that is not UTF-8 but decodes cleanly as GB18030
// (which includes GBK and GB2312) is GB18030. Anything else is read as it
// is, invalid bytes and all. Lines and columns are counted in the decoded
// text, which are the lines and characters an editor shows.
func Decode(data []byte, name string) ([]byte, string, error) {
	if name != "" {
		return decodeNamed(data, name)
	}
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[3:], "utf-8-bom", nil
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeWith(data[2:], utf16LE, "utf-16le-bom")
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(data[2:], utf16BE, "utf-16be-bom")
	case bytes.IndexByte(data, 0) < 0 && utf8.Valid(data):
		return data, "", nil
	}
	// UTF-16 of ASCII text is valid UTF-8 too, NUL bytes and all, so
	// that is looked at first when the data has NUL bytes.
	switch utf16Order(data) {
	case "utf-16le":
		return decodeWith(data, utf16LE, "utf-16le")
	case "utf-16be":
		return decodeWith(data, utf16BE, "utf-16be")
	}
	if utf8.Valid(data) {
		return data, "", nil
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

// The byte order marks, and UTF-16 that neither reads nor writes them
// (Decode and Encode handle the marks themselves).
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	utf16LE    = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16BE    = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

// decodeNamed decodes data from the named encoding. A byte order mark
// that agrees with it is dropped and recorded in the name returned
// ("utf-16le-bom"), so that Encode writes it back.
func decodeNamed(data []byte, name string) ([]byte, string, error) {
	label := strings.ToLower(strings.TrimSpace(name))
	switch label {
	case "utf-8", "utf8", "utf-8-bom":
		if bytes.HasPrefix(data, bomUTF8) {
			return data[3:], "utf-8-bom", nil
		}
		return data, "", nil
	case "utf-16", "utf16":
		// Either order, as its byte order mark says; little-endian
		// without one.
		if bytes.HasPrefix(data, bomUTF16BE) {
			return decodeWith(data[2:], utf16BE, "utf-16be-bom")
		}
		label = "utf-16le"
	case "utf-16le-bom", "utf-16be-bom":
		label = strings.TrimSuffix(label, "-bom")
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, "", fmt.Errorf("unknown encoding %q (try utf-8, utf-16le, utf-16be, gb18030, gbk, big5)", name)
	}
	canonical, _ := htmlindex.Name(e)
	switch {
	case canonical == "utf-16le" && bytes.HasPrefix(data, bomUTF16LE):
		return decodeWith(data[2:], utf16LE, "utf-16le-bom")
	case canonical == "utf-16be" && bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(data[2:], utf16BE, "utf-16be-bom")
	}
	return decodeWith(data, e, canonical)
}

// Encode is the inverse of Decode: it writes text, UTF-8 as Decode
// returns it, in the named encoding, one of the names Decode returns,
// with the byte order mark the name says. Text the encoding cannot
// represent is an error, never replaced.
//
// Encode(Decode(data)) gives back data for every file whose encoding
// round-trips, but not for every file: invalid UTF-8 is kept, while
// invalid bytes of another encoding are decoded to U+FFFD. A caller about
// to rewrite a file checks the round trip first.
func Encode(text []byte, name string) ([]byte, error) {
	switch name {
	case "":
		return text, nil
	case "utf-8-bom":
		return append(slices.Clip(bomUTF8), text...), nil
	case "utf-16le-bom":
		return encodeWith(bomUTF16LE, text, utf16LE, name)
	case "utf-16be-bom":
		return encodeWith(bomUTF16BE, text, utf16BE, name)
	}
	e, err := htmlindex.Get(name)
	if err != nil {
		return nil, fmt.Errorf("unknown encoding %q", name)
	}
	return encodeWith(nil, text, e, name)
}

func encodeWith(bom, text []byte, e encoding.Encoding, name string) ([]byte, error) {
	data, err := e.NewEncoder().Bytes(text)
	if err != nil {
		return nil, fmt.Errorf("cannot write the text as %s: %v", name, err)
	}
	return append(slices.Clip(bom), data...), nil
}

func decodeWith(data []byte, e encoding.Encoding, name string) ([]byte, string, error) {
	text, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", fmt.Errorf("not valid %s: %v", name, err)
	}
	return text, name, nil
}
