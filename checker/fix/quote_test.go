package fix

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker/input"
)

// editComment is an edit of an edit fixture (testdata/fix/edits): the
// text it replaces, its replacement and, when it must be refused, a
// regexp of the reason (Go strings, all three).
var editComment = regexp.MustCompile(`<!-- edit ("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*")(?: want-skip ("(?:[^"\\]|\\.)*"))? -->`)

// TestEditFixtures holds edits to the quotation marks around them: each
// fixture line's edit is refused for the reason it wants, or let through
// when it wants none, and the edits let through leave the file with the
// quotation marks it had.
func TestEditFixtures(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/fix/edits/*.md")
	if len(paths) == 0 {
		t.Fatal("no edit fixtures")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var edits []Edit
			var wants []string // "" for an edit to let through
			offset := 0
			for line := range strings.SplitAfterSeq(string(data), "\n") {
				m := editComment.FindStringSubmatchIndex(line)
				if m != nil {
					old, err1 := strconv.Unquote(line[m[2]:m[3]])
					repl, err2 := strconv.Unquote(line[m[4]:m[5]])
					want := ""
					var err3 error
					if m[6] >= 0 {
						want, err3 = strconv.Unquote(line[m[6]:m[7]])
					}
					if err1 != nil || err2 != nil || err3 != nil {
						t.Fatalf("malformed %s", line[m[0]:m[1]])
					}
					text := line[:m[0]]
					i := strings.Index(text, old)
					if i < 0 || strings.Count(text, old) != 1 {
						t.Fatalf("the line must hold %q once: %s", old, text)
					}
					edits = append(edits, Edit{Start: offset + i, End: offset + i + len(old), New: repl})
					wants = append(wants, want)
				}
				offset += len(line)
			}
			if len(edits) == 0 {
				t.Fatal("no edits")
			}
			var applied []Edit
			for k, err := range checkQuotes(data, edits) {
				e, want := edits[k], wants[k]
				switch {
				case want == "" && err != nil:
					t.Errorf("%q -> %q refused: %v", data[e.Start:e.End], e.New, err)
				case want != "" && err == nil:
					t.Errorf("%q -> %q let through, want it refused (%s)", data[e.Start:e.End], e.New, want)
				case want != "" && !regexp.MustCompile(want).MatchString(err.Error()):
					t.Errorf("%q -> %q refused for %q, want %q", data[e.Start:e.End], e.New, err, want)
				case err == nil:
					applied = append(applied, e)
				}
			}
			if got, want := quotationMarks(Apply(data, applied)), quotationMarks(data); !slices.Equal(got, want) {
				t.Errorf("the edits let through change the quotation marks:\n%v\nwant\n%v", got, want)
			}
		})
	}
}

// TestCheckKeepsQuotes: Check refuses a fixed text whose quotation marks
// are not the original's, even where each edit alone looked right.
func TestCheckKeepsQuotes(t *testing.T) {
	doc := func(s string) *input.Document {
		return &input.Document{Path: "a.txt", Format: input.PlainText, Text: []byte(s), Masked: []byte(s)}
	}
	before := doc("He said “periphery” work.\n")
	edits := []Edit{{Start: 8, End: 28, New: "neighborhood work"}}
	after := doc(string(Apply(before.Text, edits)))
	if err := Check(before, after, edits); err != errQuotesChanged {
		t.Errorf("Check = %v, want %v", err, errQuotesChanged)
	}
	edits = []Edit{{Start: 11, End: 20, New: "neighborhood"}}
	after = doc(string(Apply(before.Text, edits)))
	if err := Check(before, after, edits); err != nil {
		t.Errorf("Check of %q = %v, want nil", after.Text, err)
	}
}

// FuzzCheckQuotes: an edit checkQuotes lets through leaves the text with
// the quotation marks it had, each in its role, as Check wants.
func FuzzCheckQuotes(f *testing.F) {
	f.Add("She named ‘the neighbors’ and left.", 16, 25, "neighboring countries")
	f.Add("The neighbors’ talks went well.", 4, 13, "neighborhood")
	f.Add("“Periphery” work", 3, 21, "Neighborhood work")
	f.Add("'a' b's c' d", 1, 2, "xs")
	f.Add("x'\n\n'y s' z", 5, 7, "q")
	f.Fuzz(func(t *testing.T, text string, start, end int, repl string) {
		if start < 0 || end < start || end > len(text) {
			return
		}
		e := Edit{Start: start, End: end, New: repl}
		err := checkQuotes([]byte(text), []Edit{e})[0]
		if err != nil {
			return
		}
		after := Apply([]byte(text), []Edit{e})
		if got, want := quotationMarks(after), quotationMarks([]byte(text)); !slices.Equal(got, want) {
			t.Errorf("%q -> %q let through, but the quotation marks go from %v to %v", text, after, want, got)
		}
	})
}
