package table_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/glossary/table"
)

// dump writes a concept on one line, as the fixtures state what they
// must import to:
//
//	id: zh / variant (pinyin) {gloss: ...} = rendering | rendering -- notes
//
// each rendering as en [status styles] {forms: ...} {note: ...} {seen:
// ...}, the status left out when admitted without styles, and each
// braced part when empty; seen only when withSeen.
func dump(c *glossary.Concept, withSeen bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", c.ID, c.ZH)
	for _, v := range c.ZHVariants {
		b.WriteString(" / " + v)
	}
	if c.Pinyin != "" {
		fmt.Fprintf(&b, " (%s)", c.Pinyin)
	}
	if c.Gloss != "" {
		fmt.Fprintf(&b, " {gloss: %s}", c.Gloss)
	}
	b.WriteString(" =")
	for i, r := range c.Renderings {
		if i > 0 {
			b.WriteString(" |")
		}
		b.WriteString(" " + r.EN)
		if r.Status != glossary.Admitted || len(r.Styles) > 0 {
			fmt.Fprintf(&b, " [%s", r.Status)
			if len(r.Styles) > 0 {
				b.WriteString(" " + strings.Join(r.Styles, ","))
			}
			b.WriteString("]")
		}
		if len(r.Forms) > 0 {
			fmt.Fprintf(&b, " {forms: %s}", strings.Join(r.Forms, ", "))
		}
		if r.Note != "" {
			fmt.Fprintf(&b, " {note: %s}", r.Note)
		}
		if withSeen && len(r.Seen) > 0 {
			var ids []string
			for _, s := range r.Seen {
				ids = append(ids, s.Source)
			}
			fmt.Fprintf(&b, " {seen: %s}", strings.Join(ids, ", "))
		}
	}
	if c.Notes != "" {
		b.WriteString(" -- " + strings.ReplaceAll(c.Notes, "\n", " // "))
	}
	return b.String()
}

// wants reads the "prefix " lines of a fixture's expectations.
func wants(t *testing.T, text []byte, prefix string) []string {
	t.Helper()
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(text))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), prefix); ok {
			out = append(out, strings.TrimSpace(rest))
		}
	}
	return out
}

// compare reports the lines of got and want that differ.
func compare(t *testing.T, what string, got, want []string) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("%s %d:\n got: %s\nwant: %s", what, i+1, g, w)
		}
	}
}

func warningLines(ps glossary.Problems, file string) []string {
	var out []string
	for _, p := range ps {
		if p.Severity != glossary.Warning || p.Pos.File != file {
			out = append(out, "NOT A WARNING OF THE FILE: "+p.String())
			continue
		}
		out = append(out, fmt.Sprintf("%d:%d: %s", p.Pos.Line, p.Pos.Column, p.Message))
	}
	return out
}

func TestReadCATExport(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "cat-tool.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "cat-tool.csv.want"))
	if err != nil {
		t.Fatal(err)
	}
	g, warnings, err := table.Read("cat-tool.csv", data, ',')
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range g.Concepts {
		got = append(got, dump(c, true))
	}
	compare(t, "concept", got, wants(t, want, "concept:"))
	compare(t, "warning", warningLines(warnings, "cat-tool.csv"), wants(t, want, "warning:"))
	mustValidate(t, g)
	// Positions name the rows of the file.
	for _, c := range g.Concepts {
		line := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")[c.Pos.Line-1]
		if !strings.Contains(line, c.ZH) {
			t.Errorf("concept %s is at line %d: %q", c.ZH, c.Pos.Line, line)
		}
	}
}

func TestReadMarkdown(t *testing.T) {
	const name = "GLOSSARY.md"
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	g, warnings, err := table.ReadMarkdown(name, data, table.MarkdownOptions{Style: "house"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range g.Concepts {
		got = append(got, dump(c, false))
	}
	compare(t, "concept", got, wants(t, data, "concept:"))
	compare(t, "warning", warningLines(warnings, name), wants(t, data, "warning:"))
	mustValidate(t, g)

	if len(g.Styles) != 1 || *g.Styles[0] != (glossary.Style{ID: "house", Description: "imported from GLOSSARY.md", Pos: g.Styles[0].Pos}) {
		t.Errorf("styles: %+v", g.Styles)
	}
	if len(g.Sources) != 1 || *g.Sources[0] != (glossary.Source{ID: "glossary-md", Title: "GLOSSARY.md", Kind: "other", Note: "imported from GLOSSARY.md", Pos: g.Sources[0].Pos}) {
		t.Errorf("sources: %+v", g.Sources)
	}
	lines := strings.Split(string(data), "\n")
	from := func(p glossary.Pos) string {
		rs := []rune(lines[p.Line-1])
		return string(rs[p.Column-1:])
	}
	for _, c := range g.Concepts {
		if !strings.HasPrefix(from(c.Pos), c.ZH) {
			t.Errorf("concept %s is at %d:%d, which is %q", c.ZH, c.Pos.Line, c.Pos.Column, from(c.Pos))
		}
		for _, r := range c.Renderings {
			if len(r.Seen) != 1 || r.Seen[0].Source != "glossary-md" {
				t.Errorf("%q of %s is seen in %v", r.EN, c.ZH, r.Seen)
			}
			if first := strings.Fields(r.EN)[0]; !strings.Contains(from(r.Pos), first) {
				t.Errorf("%q of %s is at %d:%d, which is %q", r.EN, c.ZH, r.Pos.Line, r.Pos.Column, from(r.Pos))
			}
		}
	}
}
