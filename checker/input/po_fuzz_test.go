package input

import "testing"

// fuzzPOTable checks a PO or table reader with fuzzReader, and that its
// segments hold what these formats promise: every segment has Chinese,
// and it is untranslated exactly when its English is empty.
func fuzzPOTable(t *testing.T, name string, data []byte, read func([]byte) ([]Segment, error)) {
	segs := fuzzReader(t, name, data, func(text []byte) ([]Segment, []directive, error) {
		segs, err := read(text)
		return segs, nil, err
	})
	for i, s := range segs {
		if len(s.Chinese.Text) == 0 {
			t.Fatalf("segment %d has no Chinese", i)
		}
		if s.Untranslated != (len(s.English.Text) == 0) {
			t.Fatalf("segment %d: Untranslated %v with English %q", i, s.Untranslated, s.English.Text)
		}
	}
}

func FuzzReadPO(f *testing.F) {
	addFixtures(f, PO,
		"", "msgid", "msgid \"", "msgid \"\\", "msgid \"\\x", "msgid \"\\1\"", "msgstr[", "msgstr[9999999999999999999] \"\"",
		"msgid \"a\"\nmsgstr \"b\"\n\"c\"", "msgid \"\"\nmsgstr \"Language: zh\\n\"\n\nmsgid \"a\"\nmsgstr \"\"",
		"msgctxt \"c\"\nmsgid \"周\"\nmsgid_plural \"周\"\nmsgstr[1] \"x\"\nmsgstr[0] \"y\"", "domain \"d\"\n#~ x\n\r\n",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzPOTable(t, "fuzz.po", data, readPO)
	})
}

func FuzzReadCSV(f *testing.F) {
	addFixtures(f, CSV,
		"", "\"", "a,\"", "\"\"\"", "zh,en\n周边,\"a\"\"b\"\r\n", "\"a\r\nb\"\r", "\"a\"\r", "a\r", "中文,英文\n周边,\n,x",
		"\"周边\nx\",\"y\n\",\"", "1,2\n3", "a,b\"c\",\"\"\"d\"\"\"",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := Decode(data, "")
		if err == nil {
			checkCSVCells(t, text)
		}
		fuzzPOTable(t, "fuzz.csv", data, func(text []byte) ([]Segment, error) {
			return readTable(text, ',', "", "")
		})
	})
}

func FuzzReadTSV(f *testing.F) {
	addFixtures(f, TSV, "", "\t", "\r\n\t\r\n", "zh\ten\n周边\t\n\tx", "周边\tx\r", "周边\t\"a\"\"\"")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzPOTable(t, "fuzz.tsv", data, func(text []byte) ([]Segment, error) {
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
