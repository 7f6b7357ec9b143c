package baseline

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
)

// finding makes a finding of the inconsistent rule for 周边工作 unless
// text names another rendering.
func finding(file string, line int, text string) checker.Finding {
	f := checker.Finding{Rule: "inconsistent", Severity: checker.SeverityWarning, File: file, Line: line, EndLine: line,
		Concept: "zhoubian-gongzuo", Text: text}
	if text == "One Belt, One Road" {
		f.Rule, f.Concept = "deprecated", "yidai-yilu"
	}
	return f
}

// lines lists the lines of findings, for comparing.
func lines(findings []checker.Finding) []int {
	var out []int
	for _, f := range findings {
		out = append(out, f.Line)
	}
	return out
}

// roundTrip writes findings as a baseline at path and reads it back.
func roundTrip(t *testing.T, path string, findings []checker.Finding) *Baseline {
	t.Helper()
	if _, err := Write(path, findings, nil); err != nil {
		t.Fatal(err)
	}
	b, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFormat(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	path := filepath.Join("ci", "termlint.baseline.json")
	if err := os.Mkdir("ci", 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := Write(path, []checker.Finding{
		finding("docs/b.md", 9, "periphery\n   work"),
		finding("docs/a.md", 30, "One Belt, One Road"),
		finding("docs/a.md", 4, "neighborhood work"),
		finding("-", 2, `say "periphery work" <here>`),
	}, nil)
	if err != nil || len(b.Entries) != 4 {
		t.Fatalf("Write: %v, %d entries", err, len(b.Entries))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 2,
  "findings": [
    {"file":"-","rule":"inconsistent","concept":"zhoubian-gongzuo","text":"say \"periphery work\" <here>","line":2},
    {"file":"../docs/a.md","rule":"inconsistent","concept":"zhoubian-gongzuo","text":"neighborhood work","line":4},
    {"file":"../docs/a.md","rule":"deprecated","concept":"yidai-yilu","text":"One Belt, One Road","line":30},
    {"file":"../docs/b.md","rule":"inconsistent","concept":"zhoubian-gongzuo","text":"periphery work","line":9}
  ]
}
`
	if string(data) != want {
		t.Errorf("baseline file:\n%s\nwant:\n%s", data, want)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v", info.Mode(), err)
	}
	if left, _ := filepath.Glob(filepath.Join("ci", ".*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}

	if _, err := Write(path, nil, nil); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "{\n  \"version\": 2,\n  \"findings\": []\n}\n" {
		t.Errorf("empty baseline:\n%s", data)
	}
	if _, err := Write(filepath.Join("no-such-dir", "b.json"), nil, nil); err == nil || err.Error() != "no-such-dir/b.json: no such file or directory" {
		t.Errorf("writing into a missing directory: %v", err)
	}
	if _, err := Write("/dev/stdout", nil, nil); err == nil || !strings.Contains(err.Error(), "must be a regular file") {
		t.Errorf("writing to /dev/stdout: %v", err)
	}

	// A baseline that is a symbolic link stays one.
	if err := os.Symlink(filepath.Join("ci", "termlint.baseline.json"), "link.json"); err != nil {
		t.Skip(err)
	}
	if _, err := Write("link.json", []checker.Finding{finding("a.md", 1, "periphery work")}, nil); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(path)
	if info, err := os.Lstat("link.json"); err != nil || info.Mode()&os.ModeSymlink == 0 || !strings.Contains(string(data), `"file":"a.md"`) {
		t.Errorf("writing through a link: %v, %v\n%s", info.Mode(), err, data)
	}
}

// TestShiftedLines: findings keep matching when lines are inserted above
// them and a paragraph is rewrapped; removed findings leave no trace.
func TestShiftedLines(t *testing.T) {
	t.Chdir(t.TempDir())
	b := roundTrip(t, "baseline.json", []checker.Finding{
		finding("a.md", 3, "periphery work"),
		finding("a.md", 10, "One Belt, One Road"),
		finding("a.md", 12, "neighborhood work"),
	})
	fresh, matched := b.Filter([]checker.Finding{
		finding("a.md", 8, "periphery\nwork"),
		finding("a.md", 17, "neighborhood work"),
	})
	if len(fresh) != 0 || matched != 2 {
		t.Errorf("shifted: new %v, matched %d", lines(fresh), matched)
	}
}

// TestDuplicateKeys: entries of one key absorb as many findings and no
// more; of more findings, the ones far from every entry are new, even
// when all lines moved.
func TestDuplicateKeys(t *testing.T) {
	t.Chdir(t.TempDir())
	b := roundTrip(t, "baseline.json", []checker.Finding{
		finding("a.md", 10, "periphery work"),
		finding("a.md", 20, "periphery work"),
		finding("a.md", 40, "One Belt, One Road"),
	})
	for _, tt := range []struct {
		name    string
		current []int // lines of "periphery work"
		obor    int   // line of the deprecated finding, 0 for none
		want    []int
	}{
		{"same", []int{10, 20}, 40, nil},
		{"one fixed", []int{20}, 40, nil},
		{"all fixed", nil, 0, nil},
		{"third after", []int{10, 20, 30}, 40, []int{30}},
		{"third between", []int{10, 15, 20}, 40, []int{15}},
		{"third before", []int{2, 10, 20}, 40, []int{2}},
		{"shifted, third between", []int{13, 17, 23}, 43, []int{17}},
		// 100 lines inserted above, and a new use at the top: the
		// deprecated finding, found once as recorded, shows the shift.
		{"far shift, third before", []int{5, 110, 120}, 140, []int{5}},
		{"two new", []int{1, 10, 20, 50}, 40, []int{1, 50}},
	} {
		var current []checker.Finding
		for _, line := range tt.current {
			current = append(current, finding("a.md", line, "periphery work"))
		}
		if tt.obor > 0 {
			current = append(current, finding("a.md", tt.obor, "One Belt, One Road"))
		}
		fresh, matched := b.Filter(current)
		if !slices.Equal(lines(fresh), tt.want) || matched != len(current)-len(tt.want) {
			t.Errorf("%s: new %v (matched %d), want %v", tt.name, lines(fresh), matched, tt.want)
		}
	}
}

// TestKey: a finding matches only an entry with its file, rule, concept
// and text.
func TestKey(t *testing.T) {
	t.Chdir(t.TempDir())
	b := roundTrip(t, "baseline.json", []checker.Finding{finding("a.md", 1, "periphery work")})
	other := []checker.Finding{
		finding("b.md", 1, "periphery work"),
		finding("a.md", 1, "Periphery work"),
		finding("a.md", 1, "One Belt, One Road"),
	}
	other = append(other, finding("a.md", 1, "periphery work"), finding("a.md", 1, "periphery work"))
	other[3].Rule = "non-preferred"
	other[4].Concept = "zhoubian-waijiao"
	if fresh, matched := b.Filter(other); len(fresh) != len(other) || matched != 0 {
		t.Errorf("%d new, %d matched; want every finding new", len(fresh), matched)
	}
}

// TestPaths: a baseline written from one working directory filters
// findings named from another, relative or absolute.
func TestPaths(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "docs", "ch1"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	if _, err := Write(filepath.Join("docs", "baseline.json"), []checker.Finding{
		finding(filepath.Join("docs", "ch1", "a.md"), 5, "periphery work"),
		finding(filepath.Join(root, "docs", "b.md"), 6, "periphery work"),
	}, nil); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join("docs", "baseline.json"))
	if !strings.Contains(string(data), `"file":"ch1/a.md"`) || !strings.Contains(string(data), `"file":"b.md"`) {
		t.Errorf("paths not relative to the baseline's directory:\n%s", data)
	}

	t.Chdir(filepath.Join(root, "docs", "ch1"))
	b, err := Read(filepath.Join("..", "baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	fresh, matched := b.Filter([]checker.Finding{
		finding("a.md", 5, "periphery work"),
		finding(filepath.Join("..", "b.md"), 6, "periphery work"),
		finding(filepath.Join(root, "docs", "ch1", "a.md"), 9, "periphery work"),
	})
	if matched != 2 || len(fresh) != 1 || fresh[0].Line != 9 {
		t.Errorf("new %v, matched %d", lines(fresh), matched)
	}
}

// TestReadErrors: a bad baseline is reported at its file, line and
// column.
func TestReadErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tt := range []struct{ name, text, want string }{
		{"syntax", "{\n  \"version\": 1,\n  \"findings\": [\n    {\"file\": \"a.md\",, \"rule\": \"x\"}\n  ]\n}\n",
			"bad.json:4:21: invalid character ',' looking for beginning of object key string"},
		{"truncated", "{\"version\": 1, \"findings\": [", "bad.json:1:29: unexpected end of JSON input"},
		{"empty", "", "bad.json:1:1: unexpected end of JSON input"},
		{"top-level type", "{\"version\": \"one\"}", "bad.json:1:2: version must be a number, not string"},
		{"entry type", "{\"version\": 1, \"findings\": [\n  {\"file\": \"a.md\", \"rule\": \"x\", \"line\": 1},\n  {\"file\": \"a.md\", \"rule\": \"x\", \"line\": \"7\"}\n]}",
			"bad.json:3:33: finding 2: line must be a number, not string"},
		{"unknown field", "{\"version\": 1, \"findings\": [\n  {\"file\": \"a.md\", \"rul\": \"x\", \"line\": 1}]}",
			"bad.json:2:3: finding 1: unknown field \"rul\""},
		{"no rule", "{\"version\": 1, \"findings\": [\n\n    {\"file\": \"a.md\", \"line\": 1}]}", "bad.json:3:5: finding 1 has no rule"},
		{"no line", "{\"version\": 1, \"findings\": [{\"file\": \"a.md\", \"rule\": \"x\"}]}", "bad.json:1:29: finding 1 has no line (lines start at 1)"},
		{"no version", "{\"findings\": []}", "bad.json:1:1: not a termlint baseline: no version"},
		{"findings", "{\"version\": 1}", "bad.json:1:1: not a termlint baseline: no findings list"},
		{"version", "{\n\"version\": 3, \"findings\": []}", "bad.json:2:1: baseline version 3; this termlint reads versions 1 to 2"},
		{"version 0", "{\"version\": 0, \"findings\": []}", "bad.json:1:2: baseline version 0; this termlint reads versions 1 to 2"},
		{"not an object", "[]", "bad.json:1:1: the baseline must be an object, not array"},
	} {
		if err := os.WriteFile("bad.json", []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Read("bad.json"); err == nil || err.Error() != tt.want {
			t.Errorf("%s: error %v\nwant %s", tt.name, err, tt.want)
		}
	}
	if _, err := Read("missing.json"); err == nil || !strings.Contains(err.Error(), "missing.json") || !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}

// TestNearest checks the matching of lines against every order-keeping
// choice, on small random cases.
func TestNearest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		n := 1 + r.IntN(7)
		m := r.IntN(n + 1)
		expected, found := randomLines(r, m), randomLines(r, n)
		taken := nearest(expected, found)
		if got, want := cost(expected, found, taken), bruteForce(expected, found); got != want {
			t.Fatalf("nearest(%v, %v) = %v, cost %d; the best costs %d", expected, found, taken, got, want)
		}
	}
	// The greedy match for huge keys still takes one found line for
	// each expected one, in order.
	expected, found := make([]int, 3000), make([]int, 6000)
	for i := range found {
		found[i] = 2 * i
	}
	for i := range expected {
		expected[i] = 4*i + 1
	}
	taken := nearest(expected, found)
	if c := count(taken); c != len(expected) || !taken[0] || !taken[2] || taken[1] {
		t.Errorf("greedy took %d lines", c)
	}
}

func randomLines(r *rand.Rand, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = 1 + r.IntN(30)
	}
	slices.Sort(out)
	return out
}

func count(taken []bool) int {
	n := 0
	for _, t := range taken {
		if t {
			n++
		}
	}
	return n
}

// cost is the sum of distances of the matching taken stands for, or -1
// if it does not take one found line per expected line.
func cost(expected, found []int, taken []bool) int {
	if count(taken) != len(expected) {
		return -1
	}
	total, i := 0, 0
	for j, t := range taken {
		if t {
			total += abs(found[j] - expected[i])
			i++
		}
	}
	return total
}

// bruteForce is the least cost over every subset of found of the size of
// expected, matched in order.
func bruteForce(expected, found []int) int {
	best := -1
	for mask := 0; mask < 1<<len(found); mask++ {
		taken := make([]bool, len(found))
		for j := range found {
			taken[j] = mask&(1<<j) != 0
		}
		if c := cost(expected, found, taken); c >= 0 && (best < 0 || c < best) {
			best = c
		}
	}
	return best
}
