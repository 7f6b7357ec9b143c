package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cyclicGlossary is a made-up glossary whose parts form a cycle:
// ferry-pier is made of ferry, and ferry of ferry-pier (line 9).
const cyclicGlossary = `concepts:
  - id: ferry-pier
    zh: 渡口码头
    parts: [ferry, pier]
    renderings: [{en: ferry pier}]
  - id: ferry
    zh: 渡口
    parts:
      - ferry-pier
    renderings: [{en: ferry crossing}]
  - id: pier
    zh: 码头
    renderings: [{en: landing stage}]
`

// TestPartsCycleRefused runs every command that checks a bilingual file
// with a glossary whose parts form a cycle, on a file whose compound lacks
// its rendering (where the recursive walk of parts overflowed the stack):
// each refuses the glossary with exit status 2, naming the file, the line
// of the parts entry that closes the cycle and the cycle, and --fix
// leaves the file as it was.
func TestPartsCycleRefused(t *testing.T) {
	dir := t.TempDir()
	gloss := filepath.Join(dir, "cycle.yaml")
	writeText(t, gloss, cyclicGlossary)
	const pair = "新建渡口码头。\n\nA new landing stage was built.\n"
	path := filepath.Join(dir, "pair.md")
	writeText(t, path, pair)
	const want = `cycle.yaml:9:9: concept "ferry" is made of itself through its parts: ferry → ferry-pier → ferry`
	for _, args := range [][]string{
		{"glossary", "validate"},
		{"check", path},
		{"check", "--fix", path},
		{"suggest", path},
	} {
		// glossary validate lists problems on standard output, the
		// other commands on standard error.
		code, out, errOut := runCLI(t, append([]string{"--no-config", "-g", gloss}, args...)...)
		if code != 2 || !strings.Contains(out+errOut, want) {
			t.Errorf("%s: exit %d, want 2 and %q:\n%s%s", strings.Join(args, " "), code, want, out, errOut)
		}
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != pair {
		t.Errorf("the file was changed: %q, %v", got, err)
	}
}
