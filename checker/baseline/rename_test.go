package baseline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
)

// A text whose lines 2, 4 and 5 each hold "periphery work".
const peripheryText = `Heading
We value periphery work.
Nothing here.
Staff for periphery work grew.
    And periphery work    abroad.
`

// checkedRun writes each file (path -> text) and returns the record of a
// run that read them, given paths.
func checkedRun(t *testing.T, files map[string]string, paths ...string) *Checked {
	t.Helper()
	c := NewChecked(paths)
	for path, text := range files {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		c.Add(path, HashLines([]byte(text)))
	}
	return c
}

// peripheryFindings are the findings of peripheryText in file at lines.
func peripheryFindings(file string, lines ...int) []checker.Finding {
	var out []checker.Finding
	for _, line := range lines {
		out = append(out, finding(file, line, "periphery work"))
	}
	return out
}

// TestMatchRenamed: entries of a file that no longer exists hide the
// findings of another file with their content; not those of a line
// that is new or edited, nor any while the original file exists.
func TestMatchRenamed(t *testing.T) {
	t.Chdir(t.TempDir())
	run := checkedRun(t, map[string]string{"a.md": peripheryText}, ".")
	if _, err := Write("baseline.json", peripheryFindings("a.md", 2, 4, 5), run); err != nil {
		t.Fatal(err)
	}
	b, err := Read("baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(b.Entries, func(e Entry) bool { return len(e.Context) != 16 }) {
		t.Fatalf("entries without a context: %+v", b.Entries)
	}

	// A copy beside the original: the original keeps its entries.
	run = checkedRun(t, map[string]string{"a.md": peripheryText, "copy.md": peripheryText}, ".")
	m := b.Match(append(peripheryFindings("a.md", 2, 4, 5), peripheryFindings("copy.md", 2, 4, 5)...), run)
	if !slices.Equal(lines(m.Fresh), []int{2, 4, 5}) || m.Fresh[0].File != "copy.md" || m.Renamed != 0 || m.Stale != 0 {
		t.Errorf("copy: new %v in %v, renamed %d, stale %d", lines(m.Fresh), m.Fresh, m.Renamed, m.Stale)
	}

	// Renamed into a directory, with a line above, a line edited and a
	// new line using the phrase: the unedited lines stay hidden, however
	// reindented.
	os.Remove("a.md")
	os.Remove("copy.md")
	moved := "New first line\n" + strings.Replace(peripheryText, "Staff for", "More staff for", 1) +
		"We add periphery work here.\n" + "And periphery work abroad.\n"
	run = checkedRun(t, map[string]string{"dir/b.md": moved}, ".")
	m = b.Match(peripheryFindings("dir/b.md", 3, 5, 6, 7, 8), run)
	if want := []int{5, 7, 8}; !slices.Equal(lines(m.Fresh), want) || m.Hidden != 2 || m.Renamed != 2 || m.Stale != 1 {
		t.Errorf("renamed: new %v, want %v; hidden %d, renamed %d, stale %d", lines(m.Fresh), want, m.Hidden, m.Renamed, m.Stale)
	}

	// Without a record of the run there is no context: path only.
	if fresh, matched := b.Filter(peripheryFindings("dir/b.md", 3, 6)); len(fresh) != 2 || matched != 0 {
		t.Errorf("Filter: %d new, %d matched", len(fresh), matched)
	}
	// Another rule or text on the same line is not the recorded finding.
	other := peripheryFindings("dir/b.md", 3)
	other[0].Rule = "non-preferred"
	if m := b.Match(other, run); len(m.Fresh) != 1 {
		t.Errorf("another rule: %d new", len(m.Fresh))
	}
}

// TestMatchStale: the entries counted as no longer found are those of
// the files checked and of files gone from under the run's paths.
func TestMatchStale(t *testing.T) {
	t.Chdir(t.TempDir())
	all := checkedRun(t, map[string]string{"a/x.md": peripheryText, "b/y.md": peripheryText, "b/z.md": peripheryText}, ".")
	b, err := New("baseline.json", slices.Concat(peripheryFindings("a/x.md", 2, 4, 5), peripheryFindings("b/y.md", 2, 4), peripheryFindings("b/z.md", 5)), all)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove("b/z.md")
	part := checkedRun(t, map[string]string{"b/y.md": peripheryText}, "b")
	for _, tt := range []struct {
		name     string
		findings []checker.Finding
		checked  *Checked
		stale    int
	}{
		{"part, one fixed, one file gone", peripheryFindings("b/y.md", 2), part, 2},
		{"part, nothing fixed", peripheryFindings("b/y.md", 2, 4), part, 1},
		{"another part", peripheryFindings("a/x.md", 2, 4, 5), NewChecked([]string{"a/x.md"}), 0},
		{"no record: every entry", peripheryFindings("b/y.md", 2, 4), nil, 4},
	} {
		if m := b.Match(tt.findings, tt.checked); m.Stale != tt.stale || len(m.Fresh) != 0 {
			t.Errorf("%s: stale %d, want %d; new %v", tt.name, m.Stale, tt.stale, lines(m.Fresh))
		}
	}
}

// TestRefresh: a refresh replaces the entries of the files it checked,
// and of files gone from under its paths or taken by a renamed file,
// and keeps every other.
func TestRefresh(t *testing.T) {
	t.Chdir(t.TempDir())
	files := map[string]string{"a/x.md": peripheryText, "b/y.md": peripheryText, "b/gone.md": peripheryText, "c/moved.md": peripheryText, "d/gone.md": peripheryText}
	all := checkedRun(t, files, ".")
	var findings []checker.Finding
	for path := range files {
		findings = append(findings, peripheryFindings(path, 2)...)
	}
	if _, kept, err := Refresh("baseline.json", findings, all); err != nil || kept != 0 {
		t.Fatalf("first write: kept %d, %v", kept, err)
	}
	for _, gone := range []string{"b/gone.md", "d/gone.md"} {
		os.Remove(gone)
	}
	os.Rename("c/moved.md", "b/moved.md")

	// b/ checked: y.md has another finding now.
	part := checkedRun(t, map[string]string{"b/y.md": peripheryText, "b/moved.md": peripheryText}, "b")
	b, kept, err := Refresh("baseline.json", slices.Concat(peripheryFindings("b/y.md", 2, 4), peripheryFindings("b/moved.md", 2)), part)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range b.Entries {
		got = append(got, e.File)
	}
	want := []string{"a/x.md", "b/moved.md", "b/y.md", "b/y.md", "d/gone.md"}
	if !slices.Equal(got, want) || kept != 2 {
		t.Errorf("refreshed entries %v, kept %d; want %v, kept 2", got, kept, want)
	}
	if again, err := Read("baseline.json"); err != nil || !slices.Equal(again.Entries, b.Entries) {
		t.Errorf("the file holds %+v, %v", again, err)
	}

	// Not a baseline: left as it is.
	os.WriteFile("notes.txt", []byte("my notes\n"), 0o644)
	if _, _, err := Refresh("notes.txt", findings, all); err == nil || !strings.HasPrefix(err.Error(), "notes.txt:1:1: ") {
		t.Errorf("refreshing a text file: %v", err)
	}
	if data, _ := os.ReadFile("notes.txt"); string(data) != "my notes\n" {
		t.Errorf("notes.txt now holds %q", data)
	}
}

// TestReadVersion1 reads a baseline as the previous version wrote it:
// no contexts; it matches by path.
func TestReadVersion1(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile("v1.json", []byte(`{
  "version": 1,
  "findings": [
    {"file":"a.md","rule":"inconsistent","concept":"zhoubian-gongzuo","text":"periphery work","line":2}
  ]
}
`), 0o644)
	b, err := Read("v1.json")
	if err != nil || len(b.Entries) != 1 || b.Entries[0].Context != "" {
		t.Fatalf("%+v, %v", b, err)
	}
	run := checkedRun(t, map[string]string{"a.md": peripheryText}, ".")
	if m := b.Match(peripheryFindings("a.md", 4, 5), run); len(m.Fresh) != 1 || m.Hidden != 1 {
		t.Errorf("version 1: new %v, hidden %d", lines(m.Fresh), m.Hidden)
	}
}
