package input

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// addBilingualFixtures seeds a fuzz target with the bilingual fixtures
// under a directory of testdata/bilingual.
func addBilingualFixtures(f *testing.F, dir string) {
	names, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "bilingual", dir, "*"))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// fuzzXMLReader checks a reader on data: it must not panic (called
// directly, since Read turns a panic into an error), its errors are
// SyntaxErrors inside the text, and what Read makes of data holds the
// invariants of every Document.
func fuzzXMLReader(t *testing.T, data []byte, name string, read func([]byte) ([]Segment, []directive, error)) {
	orig := bytes.Clone(data)
	text, _, err := Decode(data, "")
	if err != nil {
		return
	}
	segs, dirs, err := read(text)
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("error %v is no SyntaxError", err)
		}
		if se.Offset < 0 || se.Offset > len(text) {
			t.Fatalf("error offset %d outside the text (%d bytes)", se.Offset, len(text))
		}
		return
	}
	if segs == nil {
		t.Fatal("nil segments without an error")
	}
	for _, d := range dirs {
		if d.start < 0 || d.start > d.end || d.end > len(text) {
			t.Fatalf("directive %+v outside the text (%d bytes)", d, len(text))
		}
	}
	d, err := Read(name, data)
	if err != nil {
		t.Fatalf("the reader read it, Read failed: %v", err)
	}
	checkInvariants(t, orig, d)
	if !bytes.Equal(data, orig) {
		t.Fatal("Read changed its input")
	}
}

func FuzzReadTMX(f *testing.F) {
	addBilingualFixtures(f, "tmx")
	for _, s := range []string{
		"", "<tmx/>", "<tmx", "<tmx><body><tu><tuv xml:lang='zh'><seg>&amp;",
		"<tmx><body><tu><tuv lang='zh'><seg><bpt><sub>中</sub></bpt></seg></tuv><tuv lang='en'><seg><![CDATA[x]]></seg></tuv></tu></body></tmx>",
		"<tmx><body><tu><tuv xml:lang='zh'><seg>中\r\n<hi><hi>文</hi></hi>&#x4E2D;</seg></tuv></tu></body></tmx><!-- termlint-disable -->",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzXMLReader(t, data, "fuzz.tmx", readTMX)
	})
}

func FuzzReadXLIFF(f *testing.F) {
	addBilingualFixtures(f, "xliff")
	for _, s := range []string{
		"", "<xliff/>", "<xliff version='2.0'>",
		"<xliff><file source-language='zh'><body><trans-unit><source>中</source><seg-source><mrk mtype='seg' mid='1'>中</mrk></seg-source><target><mrk mtype='seg' mid='1'/></target></trans-unit></body></file></xliff>",
		"<xliff version='2.0' srcLang='zh'><file><unit><segment><source>中<sm id='a' translate='no'/>x<cp hex='1'/><pc><em startRef='a'/>文</pc></source></segment></unit></file></xliff>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzXMLReader(t, data, "fuzz.xlf", readXLIFF)
	})
}
