package input

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// addPOTableSeeds seeds a fuzz target with the bilingual fixtures of a
// format, and with snippets.
func addPOTableSeeds(f *testing.F, format Format, snippets ...string) {
	names, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "bilingual", "*", "*"))
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
	for _, s := range snippets {
		f.Add([]byte(s))
	}
}

// fuzzBilingual reads data with read, which must not panic and must fail
// only with a SyntaxError inside the text, and, when it succeeds, reads it
// with Read as name, whose Document must hold every invariant.
func fuzzBilingual(t *testing.T, name string, data []byte, read func([]byte) ([]Segment, error)) {
	orig := bytes.Clone(data)
	text, _, err := Decode(data, "")
	if err != nil {
		t.Skip(err)
	}
	segs, err := read(text)
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(text) {
			t.Fatalf("error %v is not a SyntaxError inside the text", err)
		}
		return
	}
	if segs == nil {
		t.Fatal("nil segments without an error")
	}
	for i, s := range segs {
		if len(s.Chinese.Text) == 0 {
			t.Fatalf("segment %d has no Chinese", i)
		}
		if s.Untranslated != (len(s.English.Text) == 0) {
			t.Fatalf("segment %d: Untranslated %v with English %q", i, s.Untranslated, s.English.Text)
		}
	}
	d, err := Read(name, data)
	if err != nil {
		t.Fatalf("the reader succeeded, Read failed: %v", err)
	}
	checkInvariants(t, orig, d)
}

func FuzzReadPO(f *testing.F) {
	addPOTableSeeds(f, PO,
		"", "msgid", "msgid \"", "msgid \"\\", "msgid \"\\x", "msgid \"\\1\"", "msgstr[", "msgstr[9999999999999999999] \"\"",
		"msgid \"a\"\nmsgstr \"b\"\n\"c\"", "msgid \"\"\nmsgstr \"Language: zh\\n\"\n\nmsgid \"a\"\nmsgstr \"\"",
		"msgctxt \"c\"\nmsgid \"周\"\nmsgid_plural \"周\"\nmsgstr[1] \"x\"\nmsgstr[0] \"y\"", "domain \"d\"\n#~ x\n\r\n",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzBilingual(t, "fuzz.po", data, readPO)
	})
}

func FuzzReadCSV(f *testing.F) {
	addPOTableSeeds(f, CSV,
		"", "\"", "a,\"", "\"\"\"", "zh,en\n周边,\"a\"\"b\"\r\n", "\"a\r\nb\"\r", "\"a\"\r", "a\r", "中文,英文\n周边,\n,x",
		"\"周边\nx\",\"y\n\",\"", "1,2\n3", "a,b\"c\",\"\"\"d\"\"\"",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := Decode(data, "")
		if err == nil {
			checkCSVCells(t, text)
		}
		fuzzBilingual(t, "fuzz.csv", data, func(text []byte) ([]Segment, error) {
			return readTable(text, ',', "", "")
		})
	})
}

func FuzzReadTSV(f *testing.F) {
	addPOTableSeeds(f, TSV, "", "\t", "\r\n\t\r\n", "zh\ten\n周边\t\n\tx", "周边\tx\r", "周边\t\"a\"\"\"")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzBilingual(t, "fuzz.tsv", data, func(text []byte) ([]Segment, error) {
			return readTable(text, '\t', "", "")
		})
	})
}

// checkCSVCells checks that every cell csvRows reads maps back to the
// text encoding/csv gives it, with the file's bytes where they are the
// cell's.
func checkCSVCells(t *testing.T, text []byte) {
	rows, err := csvRows(text, ',')
	if err != nil {
		return
	}
	for _, r := range rows {
		for i, c := range r.cells {
			s := c.span(text, ',')
			if string(s.Text) != c.text {
				t.Fatalf("row %d cell %d: span %q, csv %q", r.n, i+1, s.Text, c.text)
			}
			d := &Document{Text: text, Segments: []Segment{{Chinese: s, English: s}}}
			checkSegments(t, d)
		}
	}
}
