package input

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestPatternMatch(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		dir     bool
		want    bool
	}{
		{"*.md", "a.md", false, true},
		{"*.md", "x/y/a.md", false, true},       // no slash: any depth
		{"*.md", "a.mdx", false, false},         //
		{"/root.md", "root.md", false, true},    // leading slash anchors
		{"/root.md", "x/root.md", false, false}, //
		{"build/", "build", true, true},         // trailing slash: directories only
		{"build/", "build", false, false},       //
		{"build/", "x/build", true, true},       // ... at any depth
		{"docs/*.txt", "docs/a.txt", false, true},
		{"docs/*.txt", "docs/x/a.txt", false, false}, // '*' stops at '/'
		{"docs/*.txt", "x/docs/a.txt", false, false}, // a middle slash anchors
		{"**/gen", "gen", true, true},
		{"**/gen", "a/b/gen", false, true},
		{"a/**/b.md", "a/b.md", false, true}, // zero directories
		{"a/**/b.md", "a/x/y/b.md", false, true},
		{"x/**", "x/y", false, true},
		{"x/**", "x/y/z", true, true},
		{"?.md", "z.md", false, true},
		{"?.md", "zz.md", false, false},
		{"[ab]c.md", "bc.md", false, true},
		{"[!ab]c.md", "bc.md", false, false}, // shell negation
		{"[!ab]c.md", "xc.md", false, true},
		{`\#hash.md`, "#hash.md", false, true},
		{"trailing.md   ", "trailing.md", false, true},
		{`space\ `, "space ", false, true},
		{"a**b", "axxb", false, true}, // "**" inside a name is '*'
	}
	for _, tt := range tests {
		p, ok, err := parsePattern(tt.pattern, true)
		if !ok || err != nil {
			t.Errorf("parsePattern(%q) = ok %v, %v", tt.pattern, ok, err)
			continue
		}
		if got := p.match(tt.path, tt.dir); got != tt.want {
			t.Errorf("%q matches %q (dir %v) = %v, want %v", tt.pattern, tt.path, tt.dir, got, tt.want)
		}
	}
}

func TestParsePatternSkips(t *testing.T) {
	for _, line := range []string{"", "   ", "# comment", "/", "!", "\r"} {
		if _, ok, err := parsePattern(line, true); ok || err != nil {
			t.Errorf("parsePattern(%q) = %v, %v; want skipped", line, ok, err)
		}
	}
	if _, _, err := parsePattern("a[b", false); err == nil {
		t.Error(`parsePattern("a[b") gives no error`)
	}
}

func TestIgnoredNegationAndDepth(t *testing.T) {
	root := parseIgnoreFile("", []byte("*.log\n!keep.log\nbuild/\n# comment\n\n/only-root.md\n"))
	sub := parseIgnoreFile("sub", []byte("!debug.log\nlocal.md\n"))
	files := []*ignoreFile{root, sub}
	tests := []struct {
		path string
		dir  bool
		want bool
	}{
		{"a.log", false, true},
		{"keep.log", false, false},        // negated by a later line
		{"sub/debug.log", false, false},   // negated by a deeper file
		{"other/debug.log", false, true},  // ... only below it
		{"sub/local.md", false, true},     //
		{"local.md", false, false},        // a deeper file rules only below it
		{"build", true, true},             //
		{"only-root.md", false, true},     // anchored patterns are relative to their file
		{"x/only-root.md", false, false},  //
		{"x/build", true, true},           //
		{"x/build", false, false},         // a file named build
		{"sub/deeper/x.log", false, true}, //
	}
	for _, tt := range tests {
		if got := ignored(files, tt.path, tt.dir); got != tt.want {
			t.Errorf("ignored(%q, dir %v) = %v, want %v", tt.path, tt.dir, got, tt.want)
		}
	}
}

// TestGitignoreAgainstGit walks a tree with the walker and compares the
// files it takes with those git itself does not ignore.
func TestGitignoreAgainstGit(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	files := map[string]string{
		".gitignore": strings.Join([]string{
			"*.log", "!keep.log", "build/", "/root-only.md", "docs/*.txt", "a/**/deep.md",
			"**/gen", "x/**", "?.md", "[ab]c.md", `\#hash.md`, "trailing.md   ",
			"sub*/star.md", "drafts", "!drafts/keep.md", "notes/", "!notes/", "# a comment",
			"tmp/*", "!tmp/wanted.md",
		}, "\n") + "\n",
		"sub/.gitignore":      "!debug.log\nlocal.md\n/anchored.md\nnested/*.md\n!nested/ok.md\n",
		"sub/more/.gitignore": "!local.md\n*.txt\n",
	}
	paths := []string{
		"a.md", "b.md", "ac.md", "bc.md", "cc.md", "q.log", "keep.log", "root-only.md", "#hash.md",
		"trailing.md", "build/in.md", "s/build/in.md", "s/root-only.md", "docs/a.txt", "docs/x/a.txt",
		"s/docs/a.txt", "a/deep.md", "a/x/y/deep.md", "gen/f.md", "s/t/gen/f.md", "x/f.md", "x/y/f.md",
		"subA/star.md", "subA/z/star.md", "drafts/keep.md", "drafts/other.md", "notes/n.md",
		"tmp/wanted.md", "tmp/unwanted.md", "tmp/deeper/x.md",
		"sub/debug.log", "sub/local.md", "sub/anchored.md", "sub/z/anchored.md", "sub/nested/a.md",
		"sub/nested/ok.md", "sub/nested/deeper/a.md", "sub/more/local.md", "sub/more/t.txt", "sub/t.txt",
		"other/debug.log", "other/local.md",
	}
	for _, p := range paths {
		files[p] = "x\n"
	}
	writeTree(t, dir, files)
	cmd := exec.Command(git, "init", "-q", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("git init: %v\n%s", err, out)
	}
	cmd = exec.Command(git, "-C", dir, "ls-files", "--others", "--exclude-standard")
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	var want []string
	for _, p := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if !strings.HasPrefix(filepath.Base(p), ".") {
			want = append(want, p)
		}
	}
	got := walkAll(t, []string{dir}, WalkOptions{Include: []string{"*"}})
	for i := range got {
		got[i] = strings.TrimPrefix(got[i], filepath.ToSlash(dir)+"/")
	}
	slices.Sort(got)
	slices.Sort(want)
	t.Logf("git and the walker take %q", want)
	if !slices.Equal(got, want) {
		t.Errorf("walker takes\n  %q\ngit does not ignore\n  %q", got, want)
	}
}
