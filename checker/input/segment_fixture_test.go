package input

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Bilingual fixtures under testdata/bilingual say which segments must be
// read from them, in order, in comments of their own syntax:
//
//	want-segment "CHINESE" "ENGLISH"
//	want-untranslated "CHINESE"
//
// The strings are Go-quoted; a 0 byte (an inline placeholder) is written
// \x00. A fixture with no wants must yield no segments; a fixture named
// *.error.* must fail to read, with an error matching its
// want-error "REGEXP".
var (
	wantSegment      = regexp.MustCompile(`want-segment ("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*")`)
	wantUntranslated = regexp.MustCompile(`want-untranslated ("(?:[^"\\]|\\.)*")`)
	wantError        = regexp.MustCompile(`want-error ("(?:[^"\\]|\\.)*")`)
)

type segmentWant struct {
	chinese, english string
	untranslated     bool
}

func TestBilingualFixtures(t *testing.T) {
	var paths []string
	_ = filepath.WalkDir("../../testdata/bilingual", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != "README.md" && !strings.HasPrefix(d.Name(), ".") && !strings.HasSuffix(d.Name(), ".sh") && !strings.HasSuffix(d.Name(), ".in") {
			paths = append(paths, path)
		}
		return nil
	})
	if len(paths) == 0 {
		t.Skip("no bilingual fixtures yet")
	}
	for _, path := range paths {
		t.Run(filepath.ToSlash(strings.TrimPrefix(path, "../../testdata/bilingual/")), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			unquote := func(s string) string {
				u, err := strconv.Unquote(s)
				if err != nil {
					t.Fatalf("%s: bad string %s: %v", path, s, err)
				}
				return u
			}
			// Wants are read from the decoded text, so UTF-16 fixtures work.
			text, _, err := Decode(data, "")
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(filepath.ToSlash(path), data)
			if m := wantError.FindSubmatch(text); m != nil {
				re := regexp.MustCompile(unquote(string(m[1])))
				if err == nil || !re.MatchString(err.Error()) {
					t.Fatalf("want error matching %s, got %v", re, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, data, doc)
			var wants []segmentWant
			for _, line := range bytes.Split(text, []byte("\n")) {
				for _, m := range wantSegment.FindAllSubmatch(line, -1) {
					wants = append(wants, segmentWant{unquote(string(m[1])), unquote(string(m[2])), false})
				}
				for _, m := range wantUntranslated.FindAllSubmatch(line, -1) {
					wants = append(wants, segmentWant{unquote(string(m[1])), "", true})
				}
			}
			var got []segmentWant
			for _, s := range doc.Segments {
				got = append(got, segmentWant{string(s.Chinese.Text), string(s.English.Text), s.Untranslated})
			}
			for i := range max(len(got), len(wants)) {
				switch {
				case i >= len(got):
					t.Errorf("segment %d: want %q / %q (untranslated %v), got no more segments", i+1, wants[i].chinese, wants[i].english, wants[i].untranslated)
				case i >= len(wants):
					t.Errorf("segment %d: unexpected %q / %q (untranslated %v)", i+1, got[i].chinese, got[i].english, got[i].untranslated)
				case got[i] != wants[i]:
					t.Errorf("segment %d:\n got  %q / %q (untranslated %v)\n want %q / %q (untranslated %v)", i+1,
						got[i].chinese, got[i].english, got[i].untranslated, wants[i].chinese, wants[i].english, wants[i].untranslated)
				}
			}
		})
	}
}
