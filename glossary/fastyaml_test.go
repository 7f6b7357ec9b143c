package glossary_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/glossary"
)

// The fast path (glossary/fastyaml.go) must build the tree yaml.v3 builds
// or give up: these tests parse with both and compare node by node, the
// concepts list item by item as Parse reads it.

// diffNodes returns where fast and slow first differ, or "". Comments are
// not compared: the fast path leaves them out. lazy holds the sequences
// whose items were compared one by one, and so have no Content here.
func diffNodes(path string, fast, slow *yaml.Node, lazy map[*yaml.Node]int) string {
	show := func(n *yaml.Node) string {
		return fmt.Sprintf("{kind %d style %d tag %q value %q anchor %q alias %v at %d:%d, %d children}",
			n.Kind, n.Style, n.Tag, n.Value, n.Anchor, n.Alias != nil, n.Line, n.Column, len(n.Content))
	}
	children := len(fast.Content)
	if items, ok := lazy[fast]; ok {
		children = items
	}
	if fast.Kind != slow.Kind || fast.Style != slow.Style || fast.Tag != slow.Tag || fast.Value != slow.Value ||
		fast.Anchor != slow.Anchor || (fast.Alias == nil) != (slow.Alias == nil) ||
		fast.Line != slow.Line || fast.Column != slow.Column || children != len(slow.Content) {
		return fmt.Sprintf("%s: fast path %s, yaml.v3 %s", path, show(fast), show(slow))
	}
	if _, ok := lazy[fast]; ok {
		return ""
	}
	for i := range fast.Content {
		if d := diffNodes(fmt.Sprintf("%s/%d", path, i), fast.Content[i], slow.Content[i], lazy); d != "" {
			return d
		}
	}
	return ""
}

// compareFast parses src with yaml.v3 and with the fast path, whole and
// with the concepts list item by item, and reports a difference between
// the trees. It returns whether the fast path read src.
func compareFast(t *testing.T, name, src string) bool {
	t.Helper()
	var slow yaml.Node
	slowErr := yaml.Unmarshal([]byte(src), &slow)
	taken := true
	for _, lazyKey := range []string{"", "concepts"} {
		// yaml.v3's node for each sequence, by position, to find the one
		// a lazily parsed item belongs to.
		seqs := map[[2]int]*yaml.Node{}
		var index func(n *yaml.Node)
		index = func(n *yaml.Node) {
			if n.Kind == yaml.SequenceNode {
				seqs[[2]int{n.Line, n.Column}] = n
			}
			for _, c := range n.Content {
				index(c)
			}
		}
		index(&slow)
		lazy := map[*yaml.Node]int{}
		var itemDiff string
		doc, ok := glossary.FastItems(src, lazyKey, func(seq *yaml.Node, i int, n *yaml.Node) {
			lazy[seq]++
			s := seqs[[2]int{seq.Line, seq.Column}]
			switch {
			case itemDiff != "":
			case s == nil || i >= len(s.Content):
				itemDiff = fmt.Sprintf("item %d of the list at %d:%d: yaml.v3 has no such item", i, seq.Line, seq.Column)
			default:
				itemDiff = diffNodes(fmt.Sprintf("item %d of the list at %d:%d", i, seq.Line, seq.Column), n, s.Content[i], nil)
			}
		})
		if !ok {
			taken = false
			continue
		}
		if slowErr != nil {
			t.Errorf("%s (lazy %q): the fast path read what yaml.v3 rejects: %v", name, lazyKey, slowErr)
			continue
		}
		if itemDiff != "" {
			t.Errorf("%s (lazy %q): %s", name, lazyKey, itemDiff)
		}
		if d := diffNodes("document", doc, &slow, lazy); d != "" {
			t.Errorf("%s (lazy %q): %s", name, lazyKey, d)
		}
	}
	return taken
}

func TestFastYAMLGlossaries(t *testing.T) {
	def := termlint.DefaultInput()
	if !compareFast(t, def.Name, string(def.Data)) {
		t.Errorf("%s: the fast path gave up on the default glossary", def.Name)
	}
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatal(problems)
	}
	if !compareFast(t, "synthetic", string(corpus.Synthetic(3000, 1, g))) {
		t.Error("the fast path gave up on the synthetic glossary")
	}
}

// TestFastYAMLTestdata compares the trees of every YAML file under
// testdata; some are broken on purpose, and the fast path must give up on
// those.
func TestFastYAMLTestdata(t *testing.T) {
	n := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "fuzz") {
			return filepath.SkipDir
		}
		if ext := filepath.Ext(path); !strings.Contains(path, "testdata") || ext != ".yaml" && ext != ".yml" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		taken := compareFast(t, path, string(data))
		t.Logf("%s: fast path %v", path, taken)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Errorf("found only %d YAML files under testdata", n)
	}
}

// fastSnippets are tricky corners of YAML, each with whether the fast path
// reads it (true) or leaves it to yaml.v3 (false).
var fastSnippets = []struct {
	src  string
	fast bool
}{
	{"a: b\n", true},
	{"a: b", true},
	{"# head\n\n  # indented comment\na: b # trailing\n\n# tail\n", true},
	{"---\na: b\n", true},
	{"--- # start\na: 1\nb: -1\nc: 0x1F\nd: 1_000\ne: 1.5e3\nf: .inf\ng: .NaN\nh: ~\ni: null\nj: True\nk: yes\nl: 2024-05-01\nm: 2024-5\nn: 2024\no: <<\np: 0o17\nq: -0b101\nr: 0777\ns: +12\n", false}, // "-1" starts with an indicator
	{"a: 1\nc: 0x1F\nd: 1_000\ne: 1.5e3\nf: .inf\ng: .NaN\nh: ~\ni: null\nj: True\nk: yes\nl: 2024-05-01\nm: 2024-5\nn: 2024\no: <<\np: 0o17\nr: 0777\ns: +12\nt: 9223372036854775808\nu: 1e\nv: 2024-05-01 10:00:00\n", true},
	{"a:\nb:   \nc: # comment\nd:\n", true},
	{"a:\n  - \n  -\n  - x\n  -   # comment\n", true},
	{"a:\n- x\n- y\nb: c\n", true},
	{"a:\n  b:\n  - x\n  c: d\n", true},
	{"- a: b\n  c: d\n- e\n-\n  f: g\n- - h\n  - i\n", true},
	{"-   a: b\n    c: d\n", true},
	{"a:\n  value on its own line\n", true},
	{"a:\n  value\n  continued\n", false},
	{"a: b\n  continued\n", false},
	{"- a\n  b\n", false},
	{"a: b\n# comment\n  c\n", false},
	{"  a: b\n  c: d\n", true},
	{"a:\n    b: c\n  d: e\n", false},
	{"a: {b: c, 'd': \"e\", f: [g, h, {i: j}], k: []}\n", true},
	{"a: [b, c, ]\n", true},
	{"a: [ b , c ]\nd: { e : f }\n", true},
	{"[a, b]\n", true},
	{"{a: b}\n", true},
	{"a: [b,\n  c]\n", false},
	{"a: {b: }\n", false},
	{"a: {b}\n", false},
	{"a: [b: c]\n", false},
	{"a: {b:c}\n", false},
	{"a: [b:c, d]\n", true},
	{"a: [https://example.org/x, y]\n", true},
	{"url: https://example.org/a#b\n", true},
	{"a: b#c\nd: e #f\n", true},
	{"a: 'it''s'\nb: ''\nc: '  padded  '\nd: 'a \"q\" # not a comment'\n", true},
	{`a: "tab\there\\ \"q\" \x41\u00e9\U0001F600 \0 \a \b \n \v \f \r \e \  \' \N \_ \L \P"` + "\n", true},
	{`a: "\/"` + "\n", false},
	{`a: "\ud800"` + "\n", false},
	{`a: "\xZZ"` + "\n", false},
	{"a: \"line\nbreak\"\n", false},
	{"a: 'line\nbreak'\n", false},
	{"a: \"unterminated\n", false},
	{"a: \"x\" y\n", false},
	{"a: \"x\"#c\n", false},
	{"\"quoted key\": v\n'single': w\n", true},
	{"key with spaces  :   value with spaces   \n", true},
	{"中文键: 中文值 # 注释\n周边: {en: periphery, zh: 周边}\n", true},
	{"周边: {en: périphérie, zh: 周边, x: [ü, 'é''s', \"中\\u00e9\", ñ], y: z}\n- \n", false},
	{"周边: {en: périphérie, zh: 周边, x: [ü, 'é''s', \"中\\u00e9\", ñ], y: z}\n'ü': \"é\"\nÀ:\nb: [ 中 ,  文 ]\n", true},
	{"- 中: 文\n  é:\n- - ü\n  - ñ\n", true},
	{"a: b: c\n", false},
	{"a: - b\n", false},
	{"a: &x b\nc: *x\n", false},
	{"a: !!str 1\n", false},
	{"a: |\n  block\n", false},
	{"a: >\n  folded\n", false},
	{"? complex\n: key\n", false},
	{"[a]: b\n", false},
	{"a: b\n---\nc: d\n", false},
	{"a: b\n...\n", false},
	{"%YAML 1.2\n---\na: b\n", false},
	{"\ufeffa: b\n", false},
	{"a: b\r\nc: d\r\n", false},
	{"a:\tb\n", false},
	{"a: b\t# tab comment\n", false},
	{"a: b # comment with\ttab\n", true},
	{"a: \x01\n", false},
	{"a: \x7f\n", false},
	{"a: \xff\n", false},
	{"a: \u0085\n", false},
	{"a: \u2028\n", false},
	{"a: -x\n", false},
	{"a: :x\n", false},
	{"a: ?x\n", false},
	{"a: @x\n", false},
	{"a: `x`\n", false},
	{"a: %x\n", false},
	{"just a scalar\n", false},
	{"", false},
	{"# only a comment\n", false},
	{"---\n", false},
	{"a: b\nc\n", false},
	{"a: b\n - c\n", false},
	{"- a\n b: c\n", false},
	{"a:\n- b\n - c\n", false},
	{strings.Repeat("k", 1001) + ": v\n", false},
	{strings.Repeat("k", 999) + ": v\n", true},
	{"a: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n", false},
	{"concepts:\n  - id: a\n    zh: 一\n  # between\n\n  - id: b\n    renderings:\n      - {en: x}\nsources:\n  s: {title: t}\n", true},
	{"concepts:\n- id: a\n- id: b\nstyles: {}\n", true},
	{"concepts:\n  - id: a\n    note: 'x\n  - id: b'\n", false},
	{"concepts:\n  - id: a\n  -x: y\n", false},
	{"concepts:\n  - a\n  # trailing comment\n", true},
	{"concepts:\n  - a\n   ", true},
	{"concepts: [a, b]\n", true},
	{"x:\n  concepts:\n    - a\n", true},
	{"concepts:\n  - a\nconcepts:\n  - b\n", true},
	// A rendering's status_in, context and phrase, in the styles a
	// glossary writes them and with the problems Parse finds in them:
	// both parsers read the same nodes, so the same glossary.
	{"styles:\n  formal: {description: f}\nconcepts:\n  - id: qiao\n    zh: 桥\n    renderings:\n      - en: bridge\n        status: superseded\n        status_in: {formal: preferred, plain: admitted}\n        phrase: noun\n        context:\n          require: [\"the _ over\", \"* _ club\"]\n          exclude: [_ of]\n", true},
	{"concepts:\n  - id: qiao\n    zh: 桥\n    renderings:\n      - en: bridge\n        status_in:\n          formal: preferred\n          a.b: favoured\n          2020: ~\n        phrase: gerund\n        context:\n          require:\n            - the _ over\n            - _ _\n          exclude: []\n          colour: red\n", true},
	{"concepts:\n  - id: qiao\n    zh: 桥\n    renderings:\n      - {en: \"{ordinal} bridge\", status_in: {x: preferred, x: admitted}, context: {}}\n      - {en: \"{year} bridge\", status_in: [x], context: [a]}\n", true},
	{"concepts:\n  - id: qiao\n    zh: 桥\n    renderings:\n      - en: bridge\n        status_in: {? [a] : preferred}\n", false},
}

func TestFastYAMLSnippets(t *testing.T) {
	for _, tc := range fastSnippets {
		if got := compareFast(t, fmt.Sprintf("%q", tc.src), tc.src); got != tc.fast {
			t.Errorf("%q: fast path %v, want %v", tc.src, got, tc.fast)
		}
	}
}

// FuzzFastYAML checks that whatever the fast path reads, it reads as
// yaml.v3 does. Its seed corpus is the snippets above and
// testdata/fuzz/FuzzFastYAML.
func FuzzFastYAML(f *testing.F) {
	for _, tc := range fastSnippets {
		f.Add(tc.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if compareFast(t, "input", src) {
			compareParse(t, "input.yaml", []byte(src))
		}
	})
}

// compareParse reads data with Parse's fast path and with yaml.v3 and
// reports any difference in the glossaries or the problems. It returns
// whether the fast path read data.
func compareParse(t *testing.T, name string, data []byte) bool {
	t.Helper()
	fast, fastProblems, ok := glossary.ParseFast(name, data)
	if !ok {
		return false
	}
	slow, slowProblems := glossary.ParseYAMLv3(name, data)
	if !reflect.DeepEqual(fastProblems, slowProblems) {
		t.Errorf("%s: problems differ:\nfast path %v\nyaml.v3   %v", name, fastProblems, slowProblems)
	}
	if reflect.DeepEqual(fast, slow) {
		return true
	}
	// Say which concept differs; positions are not in the JSON.
	for i := range min(len(fast.Concepts), len(slow.Concepts)) {
		if f, s := fast.Concepts[i], slow.Concepts[i]; !reflect.DeepEqual(f, s) {
			fj, _ := json.Marshal(f)
			sj, _ := json.Marshal(s)
			t.Errorf("%s: concept %d differs:\nfast path %s at %s\nyaml.v3   %s at %s", name, i, fj, f.At("zh"), sj, s.At("zh"))
			return true
		}
	}
	fj, _ := json.Marshal(fast)
	sj, _ := json.Marshal(slow)
	t.Errorf("%s: glossaries differ:\nfast path %.2000s\nyaml.v3   %.2000s", name, fj, sj)
	return true
}

// TestParseFastMatchesYAMLv3 reads glossaries, broken ones included, both
// ways: same concepts, same positions, same problems in the same order.
func TestParseFastMatchesYAMLv3(t *testing.T) {
	def := termlint.DefaultInput()
	if !compareParse(t, def.Name, def.Data) {
		t.Error("the fast path gave up on the default glossary")
	}
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatal(problems)
	}
	if !compareParse(t, "synthetic.yaml", corpus.Synthetic(3000, 1, g)) {
		t.Error("the fast path gave up on the synthetic glossary")
	}
	paths, _ := filepath.Glob(fixtures + "/*/*.yaml")
	more, _ := filepath.Glob(fixtures + "/*.yaml")
	own, _ := filepath.Glob(ownFixtures + "/*/*.yaml")
	for _, path := range slices.Concat(paths, more, own) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		compareParse(t, path, data)
	}
	for _, tc := range fastSnippets {
		compareParse(t, fmt.Sprintf("%q", tc.src), []byte(tc.src))
	}
}

// TestParseKeepsNoPartOfData checks that the fast path, which reads the
// file's bytes in place, copies what the glossary keeps: overwriting the
// data after Parse changes nothing.
func TestParseKeepsNoPartOfData(t *testing.T) {
	def, problems := termlint.LoadDefault()
	if def == nil {
		t.Fatal(problems)
	}
	data := corpus.Synthetic(3000, 3, def)
	data = append(data, "  - {id: broken, zh: 坏, renderings: [{en: broken, status: wrong}], colour: red}\n"...)
	g, problems := glossary.Parse("synthetic.yaml", data)
	if len(problems) != 2 {
		t.Fatalf("want two problems (status and colour), got %v", problems)
	}
	before, _ := json.Marshal(g)
	beforeProblems := fmt.Sprint(problems)
	for i := range data {
		data[i] = 'x'
	}
	if after, _ := json.Marshal(g); string(after) != string(before) {
		t.Error("the glossary changed with the data it was parsed from")
	}
	if fmt.Sprint(problems) != beforeProblems {
		t.Error("the problems changed with the data they were parsed from")
	}
}

// TestParseFastMatchesYAMLv3At100000 compares the two ways through the
// synthetic glossary the benchmarks load, at full size: 100,000 concepts
// in 49 chunks read on all cores. yaml.v3 takes seconds and over a
// gigabyte for it, so -short and the race detector skip it.
func TestParseFastMatchesYAMLv3At100000(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("yaml.v3 reads 29 MB slowly")
	}
	if !compareParse(t, "synthetic.yaml", synthetic100000()) {
		t.Error("the fast path gave up on the synthetic glossary")
	}
}
