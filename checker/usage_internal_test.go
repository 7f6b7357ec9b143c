package checker

import (
	"strings"
	"testing"

	"github.com/termlint/termlint/checker/input"
)

func TestDocumentYear(t *testing.T) {
	tests := []struct {
		path, text, want string
	}{
		{"corpus/2019/speech.md", "Text.", "2019"},
		{"corpus/2019-05-02-speech.md", "Text.", "2019"},
		{"corpus/speech_2013.txt", "Text.", "2013"},
		{"2015/05/notes/readout.txt", "Text.", "2015"},
		{"2015/speech_2013.txt", "Text.", "2013"}, // the file's name before its folders'
		{"年报/2020年工作报告.txt", "Text.", "2020"},
		{"corpus/v2019.md", "Text.", ""},
		{"seeds/000_b576d71931371e8a.txt", "Text.", ""}, // digits of a hash
		{"corpus/1850.txt", "Text.", ""},
		{"corpus/speech.md", "---\ntitle: A speech\ndate: 2018-11-30\n---\nText.", "2018"},
		{"corpus/speech.md", "\uFEFF---\ndate: \"2017-01-02\"\n...\nText.", "2017"},
		{"corpus/speech.md", "+++\ndate = 2016-03-04T10:00:00Z\n+++\nText.", "2016"},
		{"2019/speech.md", "---\ndate: 2021-06-30\n---\nText.", "2021"}, // front matter first
		{"2019/speech.md", "---\ntitle: no date\n---\nText.", "2019"},
		{"corpus/speech.md", "---\ndate: 2018-11-30\nText that never closes the front matter.", ""},
		{"corpus/speech.md", "Text.\n---\ndate: 2018\n---\n", ""},
		{"-", "Text.", ""},
	}
	for _, tt := range tests {
		doc := &input.Document{Path: tt.path, Text: []byte(tt.text)}
		if got := documentYear(doc); got != tt.want {
			t.Errorf("documentYear(%q, %q) = %q, want %q", tt.path, tt.text, got, tt.want)
		}
	}
	pair := &input.Document{Path: "en/speech.txt", ChinesePath: "zh/2012/speech.txt"}
	if got := documentYear(pair); got != "2012" {
		t.Errorf("a pair whose Chinese file's folder has the year: %q", got)
	}
}

func TestKWIC(t *testing.T) {
	long := strings.Repeat("abcde ", 20)
	tests := []struct {
		name, text, keyword string
		before, after       string
		keywordWant         string // when the keyword does not read as written
	}{
		{name: "short", text: "We keep doing neighborhood work in the region.", keyword: "neighborhood work",
			before: "We keep doing ", after: " in the region."},
		{name: "cut to 40 columns", text: long + "neighborhood work" + long, keyword: "neighborhood work",
			before: "cde abcde abcde abcde abcde abcde abcde ", after: "abcde abcde abcde abcde abcde abcde abcd"},
		{name: "whitespace runs", text: "the\n  wider\t\tregion's neighborhood\n work and\r\n\tmore", keyword: "neighborhood\n work",
			before: "the wider region's ", keywordWant: "neighborhood work", after: " and more"},
		{name: "paragraph breaks", text: "Before.\n\nOur neighborhood work\n \nAfter.", keyword: "neighborhood work",
			before: "Our ", after: ""},
		{name: "Chinese line breaks", text: "我们要把周\n边工作做\n实。", keyword: "周\n边工作",
			before: "我们要把", keywordWant: "周边工作", after: "做实。"},
		{name: "Chinese cut to 20 characters", text: strings.Repeat("一", 30) + "周边工作" + strings.Repeat("二", 30), keyword: "周边工作",
			before: strings.Repeat("一", 20), after: strings.Repeat("二", 20)},
		{name: "placeholders", text: "Do\x00neighborhood work\x00now", keyword: "neighborhood work",
			before: "Do ", after: " now"},
	}
	for _, tt := range tests {
		start := strings.Index(tt.text, tt.keyword)
		b, k, a := kwic([]byte(tt.text), 0, len(tt.text), start, start+len(tt.keyword))
		kw := tt.keyword
		if tt.keywordWant != "" {
			kw = tt.keywordWant
		}
		if b != tt.before || k != kw || a != tt.after {
			t.Errorf("%s: %q %q %q, want %q %q %q", tt.name, b, k, a, tt.before, kw, tt.after)
		}
	}
	// Bounds: a segment's context stops at its ends.
	text := "周边工作\nneighborhood work\n周边外交"
	start := strings.Index(text, "neighborhood")
	if b, _, a := kwic([]byte(text), start, start+len("neighborhood work"), start, start+len("neighborhood")); b != "" || a != " work" {
		t.Errorf("bounded: %q %q", b, a)
	}
}
