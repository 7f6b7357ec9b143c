package checker_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

// graphWords are the Chinese terms of the concepts FuzzGlossaryGraph
// builds, made up for it: some hold others (港务 in 港务局, 码头 in
// 渡口码头), so that terms nest and overlap as compounds and their parts
// do.
var graphWords = []string{"港务", "港务局", "码头", "渡口", "渡口码头", "船闸", "闸门", "船闸闸门", "运河", "河口", "港口", "局"}

// maxGraphConcepts is the most concepts FuzzGlossaryGraph builds: enough
// for chains of parts deep enough that a walk exponential in their depth
// would hang.
const maxGraphConcepts = 40

// graphWord is the Chinese term of concept i: graphWords, then words of
// their own (第十三号泊位).
func graphWord(i int) string {
	if i < len(graphWords) {
		return graphWords[i]
	}
	digits := []rune("〇一二三四五六七八九")
	w := "第"
	for _, d := range fmt.Sprint(i) {
		w += string(digits[d-'0'])
	}
	return w + "号泊位"
}

// graphGlossary writes the glossary data describes: its first byte the
// number of concepts (2 to maxGraphConcepts), then pairs of bytes, each
// a link from one concept to another: parts, family or related, by the
// first byte's low bits, from the concept the first byte's high bits
// name to the one the second names; a second byte past the concepts
// names an id no concept has. Cycles, self-links and long chains are all
// possible. It returns the YAML and, for each concept, its parts.
func graphGlossary(data []byte) (string, [][]int) {
	n := 2
	if len(data) > 0 {
		n += int(data[0]) % (maxGraphConcepts - 1)
		data = data[1:]
	}
	parts := make([][]int, n)
	family := make([]string, n)
	related := make([][]string, n)
	id := func(i int) string {
		if i >= n {
			return fmt.Sprintf("nowhere-%d", i-n)
		}
		return fmt.Sprintf("c%d", i)
	}
	for ; len(data) >= 2; data = data[2:] {
		from, to := int(data[0]>>2)%n, int(data[1])%(n+2)
		switch data[0] & 3 {
		case 0, 3:
			parts[from] = append(parts[from], to)
		case 1:
			family[from] = id(to)
		case 2:
			related[from] = append(related[from], id(to))
		}
	}
	var b strings.Builder
	b.WriteString("concepts:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: %s\n    zh: %s\n", id(i), graphWord(i))
		if family[i] != "" {
			fmt.Fprintf(&b, "    family: %s\n", family[i])
		}
		for _, list := range []struct {
			key string
			ids []string
		}{{"parts", idsOf(parts[i], id)}, {"related", related[i]}} {
			if len(list.ids) > 0 {
				fmt.Fprintf(&b, "    %s: [%s]\n", list.key, strings.Join(list.ids, ", "))
			}
		}
		fmt.Fprintf(&b, "    renderings:\n      - {en: harbour thing %d, status: preferred}\n      - {en: dock item %d}\n", i, i)
	}
	return b.String(), parts
}

func idsOf(is []int, id func(int) string) []string {
	var out []string
	for _, i := range is {
		out = append(out, id(i))
	}
	return out
}

// hasPartsCycle reports whether parts, over concepts 0 to len(parts)-1,
// has a cycle through two or more concepts (a concept listing itself is
// reported as such, not as a cycle).
func hasPartsCycle(parts [][]int) bool {
	state := make([]int, len(parts)) // 0 unseen, 1 on the path, 2 done
	var visit func(i int) bool
	visit = func(i int) bool {
		state[i] = 1
		for _, j := range parts[i] {
			if j >= len(parts) || j == i {
				continue
			}
			if state[j] == 1 || state[j] == 0 && visit(j) {
				return true
			}
		}
		state[i] = 2
		return false
	}
	for i := range parts {
		if state[i] == 0 && visit(i) {
			return true
		}
	}
	return false
}

// FuzzGlossaryGraph builds glossaries whose parts, family and related
// links form any graph (graphGlossary) and asserts: validation reports a
// cycle of parts exactly when there is one, every problem at a line of
// the file; and, validated or not, the glossary compiles, checks a
// bilingual file whose English renders the concepts the input picks, in
// both scopes, tells which terms are unrendered, and indexes and
// summarises, without a panic or a hang.
func FuzzGlossaryGraph(f *testing.F) {
	f.Add([]byte{4, 0, 1, 4, 0})                // c0 made of c1, c1 of c0
	f.Add([]byte{11, 0, 1, 0, 2, 4, 2, 4, 3})   // shared parts
	f.Add([]byte{6, 1, 0, 5, 0, 2, 3, 0, 9, 2}) // family, related, unknown ids
	f.Add([]byte{3, 0, 0, 8, 1})                // a concept made of itself
	f.Fuzz(func(t *testing.T, data []byte) {
		yaml, parts := graphGlossary(data)
		g, problems := glossary.Parse("graph.yaml", []byte(yaml))
		if problems.Errors() > 0 {
			t.Fatalf("the glossary does not parse: %v\n%s", problems, yaml)
		}
		problems = glossary.Validate(g, glossary.ValidateOptions{})
		reported := slices.ContainsFunc(problems, func(p glossary.Problem) bool { return strings.Contains(p.Message, "made of itself through its parts") })
		if cycle := hasPartsCycle(parts); reported != cycle {
			t.Fatalf("a cycle of parts: %v; validate reports one: %v\n%v\n%s", cycle, reported, problems, yaml)
		}
		for _, p := range problems {
			if p.Pos.File != "graph.yaml" || p.Pos.Line < 1 {
				t.Fatalf("a problem at no line of the file: %s", p)
			}
		}
		c := checker.New(g)
		var zh, en []string
		for i, con := range g.Concepts {
			zh = append(zh, con.ZH)
			// The bits of data after the first byte pick the concepts the
			// English renders.
			if bit := i + 8; len(data) > bit/8 && data[bit/8]>>(bit%8)&1 == 1 {
				en = append(en, con.Renderings[i%2].EN)
			}
		}
		text := strings.Join(zh, "，") + "。\n\nWe saw " + strings.Join(append(en, "nothing else"), ", ") + ".\n"
		doc, err := input.Read("pair.md", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		f := c.Scan(doc)
		if len(f.Segments) == 0 {
			t.Fatalf("the file is not read as bilingual:\n%s", text)
		}
		for _, scope := range []checker.Scope{checker.ScopeFile, checker.ScopeAll} {
			if _, err := c.Check([]*checker.File{f}, checker.Options{Scope: scope}); err != nil {
				t.Fatal(err)
			}
		}
		for _, seg := range f.Segments {
			c.Unrendered(seg)
		}
		idx := glossary.NewIndex(g)
		for _, con := range g.Concepts {
			idx.Lookup(con.ZH)
		}
		glossary.Summarize(g)
	})
}
