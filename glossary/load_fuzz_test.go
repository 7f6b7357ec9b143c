package glossary

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzLoad loads arbitrary bytes as a glossary, alone and after a small
// valid one, and asserts what `termlint glossary validate` and every
// command that loads a glossary rely on: nothing panics; a glossary comes
// back exactly when no problem is an error, and it has concepts; every
// problem names the file it is about, at a line and column inside it;
// and loading again gives the same problems.
func FuzzLoad(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("..", "testdata", "glossary", "*", "*.yaml"))
	top, _ := filepath.Glob(filepath.Join("..", "testdata", "glossary", "*.yaml"))
	own, _ := filepath.Glob(filepath.Join("testdata", "*", "*.yaml"))
	for _, name := range slices.Concat(names, top, own) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "concepts:", "concepts: []", "concepts:\n- id: a\n  zh: 周边\n  renderings:\n  - {en: x, status: preferred}",
		"concepts:\n- id: a\n  zh: 周边\n  renderings: [{en: x}]\n- id: a\n  zh: 周边", "styles: {a: {}}\nconcepts: *x",
		"concepts:\n- &a {id: a}\n- *a", "%YAML 1.2\n---\nconcepts: []\n...\n---\n", "concepts:\n  - id: \"\\u00\"",
	} {
		f.Add([]byte(s))
	}
	base := Input{Name: "base.yaml", Data: []byte("concepts:\n  - id: base\n    zh: 基础\n    renderings:\n      - {en: base term, status: preferred}\n")}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := Input{Name: "fuzz.yaml", Data: data}
		for _, inputs := range [][]Input{{in}, {base, in}} {
			g, problems := Load(inputs, ValidateOptions{})
			if (g == nil) != (problems.Errors() > 0) {
				t.Fatalf("glossary %v with %d errors: %v", g != nil, problems.Errors(), problems)
			}
			if g != nil && len(g.Concepts) == 0 {
				t.Fatal("a glossary without concepts loaded without an error")
			}
			for _, p := range problems {
				checkProblemPos(t, inputs, p)
			}
			if _, again := Load(inputs, ValidateOptions{}); !reflect.DeepEqual(problems, again) {
				t.Fatalf("loading again gave other problems:\n%v\nthen\n%v", problems, again)
			}
		}
	})
}

// checkProblemPos asserts that a problem is about one of the inputs, at a
// line and column inside it (one past the last line or column is where a
// file or a line ends).
func checkProblemPos(t *testing.T, inputs []Input, p Problem) {
	t.Helper()
	for _, in := range inputs {
		if in.Name != p.Pos.File {
			continue
		}
		lines := bytes.Split(in.Data, []byte("\n"))
		// yaml.v3 gives a line for most syntax errors and a column for
		// none (yamlnode.SyntaxError): 0 stands for "not known" there.
		syntax := strings.HasPrefix(p.Message, "invalid YAML: ")
		if syntax && (p.Pos.Line == 0 || p.Pos.Column == 0) {
			if p.Pos.Line > len(lines)+1 {
				t.Fatalf("problem %q outside the file's %d lines", p, len(lines))
			}
			return
		}
		if p.Pos.Line < 1 || p.Pos.Line > len(lines)+1 || p.Pos.Column < 1 {
			t.Fatalf("problem %q outside the file's %d lines", p, len(lines))
		}
		if p.Pos.Line <= len(lines) && p.Pos.Column > len([]rune(string(lines[p.Pos.Line-1])))+1 {
			t.Fatalf("problem %q outside line %d, %q", p, p.Pos.Line, lines[p.Pos.Line-1])
		}
		return
	}
	t.Fatalf("problem %q names no input", p)
}
