package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// secretLine is what a file outside the repository holds; no output may
// show it.
const secretLine = "root:$6$saltsalt$hashhashhash:19000:0:99999:7::: periphery diplomacy"

// TestConfigCannotReachOutside: a .termlint.yaml committed to a
// repository cannot make termlint read a file outside it, as a glossary,
// a path to check or a baseline, by an absolute path, by ".." or by a
// symbolic link (issue 20, item 12). The run stops with exit 2 and the
// entry's file:line before anything is read; naming the same file on the
// command line reads it.
func TestConfigCannotReachOutside(t *testing.T) {
	top := writeFiles(t, map[string]string{
		"outside/shadow":        secretLine + "\n" + secretLine + "\n",
		"outside/notes.md":      "Neighborhood diplomacy and " + secretLine + "\n",
		"repo/.git/HEAD":        "ref: refs/heads/main\n",
		"repo/sub/draft.md":     configDraft,
		"repo/sub/.placeholder": "",
	})
	repo := filepath.Join(top, "repo")
	symlink(t, filepath.Join(top, "outside", "shadow"), filepath.Join(repo, "glossary.yaml"))
	shadow := filepath.Join(top, "outside", "shadow")
	tests := []struct {
		name, config string
		args         []string
		want         string // in stderr, after the configuration's path
	}{
		{"absolute glossary", "glossaries: [" + shadow + "]\n", []string{"check", "sub/draft.md"},
			`:1:14: glossaries "` + shadow + `" is outside the repository at `},
		{"glossary through ..", "glossaries:\n  - ../outside/shadow\n", []string{"check", "sub/draft.md"},
			`:2:5: glossaries "../outside/shadow" is outside the repository at `},
		{"glossary through a link", "style: official\nglossaries: [glossary.yaml]\n", []string{"check", "sub/draft.md"},
			`:2:14: glossaries "glossary.yaml" leads outside the repository at `},
		{"paths", "paths: [sub, ../outside]\n", []string{"check"},
			`:1:14: paths "../outside" is outside the repository at `},
		{"baseline", "baseline: " + shadow + "\n", []string{"check", "sub/draft.md"},
			`:1:11: baseline "` + shadow + `" is outside the repository at `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			writeText(t, filepath.Join(repo, ".termlint.yaml"), tt.config)
			t.Chdir(repo)
			code, out, errOut := runCLI(t, tt.args...)
			if code != exitBadInput {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errOut, ".termlint.yaml"+tt.want) || !strings.Contains(errOut, "give it on the command line") {
				t.Errorf("stderr:\n%s\nwant .termlint.yaml%s...", errOut, tt.want)
			}
			if strings.Contains(out+errOut, "root:") {
				t.Errorf("the outside file shows in the output:\n%s%s", out, errOut)
			}
		})
	}

	// The user may name any file: on the command line, the link is read.
	writeText(t, filepath.Join(repo, ".termlint.yaml"), "style: official\n")
	t.Chdir(repo)
	code, _, errOut := runCLI(t, "check", "--glossary", "glossary.yaml", "sub/draft.md")
	if code != exitBadInput || !strings.Contains(errOut, "glossary.yaml:1:1: ") {
		t.Errorf("--glossary glossary.yaml: exit %d, stderr:\n%s", code, errOut)
	}
	if code, out, errOut := runCLI(t, "check", filepath.Join(top, "outside", "notes.md")); code != exitFound || !strings.Contains(out, "notes.md:1:") {
		t.Errorf("check ../outside/notes.md: exit %d\n%s%s", code, out, errOut)
	}

	// A link in the tree to a file outside is not read in a walk, with a
	// notice; the exit status is the findings'.
	symlink(t, filepath.Join(top, "outside", "notes.md"), filepath.Join(repo, "sub", "notes.md"))
	code, out, errOut := runCLI(t, "check", "sub")
	if code != exitFound || strings.Contains(out+errOut, "root:") || !strings.Contains(errOut, "termlint: sub/notes.md: skipped: a symbolic link to ") {
		t.Errorf("check sub with a link out: exit %d\n%s%s", code, out, errOut)
	}
}

// TestGlossaryErrorQuotesLittle: a file read as a glossary that is not
// one is quoted in the error by at most 80 characters, escaped, even
// when the user named it.
func TestGlossaryErrorQuotesLittle(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"draft.md": configDraft,
		"g.yaml":   strings.Repeat("root:x:0:0:root:/root:/bin/bash\t\u202e", 10) + "end\n",
	})
	t.Chdir(dir)
	code, _, errOut := runCLI(t, "--no-config", "check", "-g", "g.yaml", "draft.md")
	if code != exitBadInput {
		t.Errorf("exit %d, want 2", code)
	}
	first := strings.SplitN(errOut, "\n", 2)[0]
	want := `g.yaml:1:1: the glossary must be a mapping of keys to values, not the str "root:x:0:0:root:/root:/bin/bash\t\u202eroot:x:0:0:root:/root:/bin/bash\t\u202eroot:x:0:0:roo"...`
	if first != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", first, want)
	}
	if strings.ContainsAny(errOut, "\t\u202e") {
		t.Errorf("a raw tab or bidirectional override reached stderr: %q", errOut)
	}
}
