package fix_test

import (
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/fix"
	"github.com/termlint/termlint/checker/input"
)

// TestRunKeepsLoneCR fixes phrases broken by a lone CR (no LF after it)
// through the whole of Run, reading the file as --fix does: each CR is
// where it was, once, and nothing else changes.
func TestRunKeepsLoneCR(t *testing.T) {
	c := defaultChecker(t)
	text := "Periphery\rwork matters. Neighborhood work grows,\rand neighborhood work lasts.\n"
	want := "Neighborhood\rwork matters. Neighborhood work grows,\rand neighborhood work lasts.\n"
	doc, err := input.ReadWith("cr.md", []byte(text), input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := fix.Run(c, []fix.Document{{Doc: doc, Read: fix.Reader(doc, input.Options{}, nil)}}, checker.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(res.Docs[0].Text); got != want {
		t.Errorf("fixed text %q, want %q", got, want)
	}
	if res.Fixed[0] != 1 {
		t.Errorf("fixed %d findings, want 1 (skipped: %v)", res.Fixed[0], res.Skipped)
	}
	if n := strings.Count(string(res.Docs[0].Text), "\r"); n != 2 {
		t.Errorf("%d CRs, want 2", n)
	}
}
