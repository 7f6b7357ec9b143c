package checker_test

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
)

// collectFixtures reads the checker's fixtures, English and bilingual,
// with a file's text given twice under two names so that the scope has
// uses of one phrase in several files.
func collectFixtures(t *testing.T) []*input.Document {
	t.Helper()
	paths, _ := filepath.Glob("../testdata/check/*.md")
	bilingual, _ := filepath.Glob("../testdata/check/bilingual/*")
	paths = append(paths, bilingual...)
	var docs []*input.Document
	for _, path := range append(paths, paths[0]) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := input.Read(filepath.ToSlash(path), data)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	if len(docs) < 10 {
		t.Fatalf("%d fixtures", len(docs))
	}
	return docs
}

// TestCollectorKeepsNoText digests the fixtures in parallel, as check
// --scope all does, and overwrites every file's text once it is digested:
// the findings must be those Check gives with the files whole, in every
// style, so a digest holds nothing of its file's text.
func TestCollectorKeepsNoText(t *testing.T) {
	c := defaultChecker(t)
	for _, style := range []string{"", "official", "literal"} {
		opts := checker.Options{Style: style, Scope: checker.ScopeAll}
		var whole []*checker.File
		for _, doc := range collectFixtures(t) {
			whole = append(whole, c.Scan(doc))
		}
		want, err := c.Check(whole, opts)
		if err != nil {
			t.Fatal(err)
		}

		col, err := c.NewCollector(opts)
		if err != nil {
			t.Fatal(err)
		}
		docs := collectFixtures(t)
		digests := make([]*checker.Digest, len(docs))
		var wg sync.WaitGroup
		for i, doc := range docs {
			wg.Go(func() {
				d, err := col.Digest(c.Scan(doc))
				if err != nil {
					t.Error(err)
				}
				for _, text := range [][]byte{doc.Text, doc.Masked, doc.ChineseText} {
					for j := range text {
						text[j] = '#'
					}
				}
				digests[i] = d
			})
		}
		wg.Wait()
		for _, d := range digests {
			col.Add(d)
		}
		got := col.Findings()
		if len(want) < 20 {
			t.Fatalf("style %q: %d findings: too few to compare", style, len(want))
		}
		if !reflect.DeepEqual(got, want) {
			for i := range min(len(got), len(want)) {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Fatalf("style %q: finding %d of %d/%d:\n got %+v\nwant %+v", style, i, len(got), len(want), got[i], want[i])
				}
			}
			t.Fatalf("style %q: %d findings, want %d", style, len(got), len(want))
		}
	}
}

func TestCollectorUnknownStyle(t *testing.T) {
	c := defaultChecker(t)
	if _, err := c.NewCollector(checker.Options{Style: "offical"}); err == nil {
		t.Error("no error for an unknown style")
	}
}
