package input

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// writeTree creates files (slash-separated names) with their contents
// under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// walkAll returns the paths Walk yields, failing on any error.
func walkAll(t *testing.T, paths []string, opts WalkOptions) []string {
	t.Helper()
	seq, err := Walk(paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for p, err := range seq {
		if err != nil {
			t.Fatalf("Walk: %s: %v", p, err)
		}
		got = append(got, p)
	}
	return got
}

func TestWalk(t *testing.T) {
	files := map[string]string{
		"b.md":                  "",
		"a.md":                  "",
		"a.MD.bak":              "",
		"c.txt":                 "",
		"page.html":             "",
		"image.png":             "",
		"z/one.markdown":        "",
		"z/two.htm":             "",
		"a/nested.md":           "",
		".hidden.md":            "",
		".github/readme.md":     "",
		"node_modules/x/doc.md": "",
		"build/out.md":          "",
		"sub/keep.md":           "",
		"sub/skip.md":           "",
		"sub/gen/x.md":          "",
		"sub/gen/important.md":  "",
		"logs/a.md":             "",
		"logs/keep.md":          "",
		".gitignore":            "node_modules/\n/build\nlogs/*\n!logs/keep.md\n",
		"sub/.gitignore":        "skip.md\ngen/\n!gen/important.md\n", // cannot re-include below an ignored directory
	}
	dir := t.TempDir()
	writeTree(t, dir, files)
	t.Chdir(dir)

	tests := []struct {
		name  string
		paths []string
		opts  WalkOptions
		want  []string
	}{{
		name:  "defaults",
		paths: []string{"."},
		want:  []string{"a/nested.md", "a.md", "b.md", "c.txt", "logs/keep.md", "page.html", "sub/keep.md", "z/one.markdown", "z/two.htm"},
	}, {
		name:  "include replaces the default",
		paths: []string{"."},
		opts:  WalkOptions{Include: []string{"*.htm*"}},
		want:  []string{"page.html", "z/two.htm"},
	}, {
		name:  "exclude wins over include",
		paths: []string{"."},
		opts:  WalkOptions{Exclude: []string{"b.md", "z/", "**/nested.md"}},
		want:  []string{"a.md", "c.txt", "logs/keep.md", "page.html", "sub/keep.md"},
	}, {
		name:  "exclude with a slash is relative to the walked root",
		paths: []string{"sub", "."},
		opts:  WalkOptions{Exclude: []string{"sub/keep.md", "a/*"}},
		want:  []string{"sub/keep.md", "a.md", "b.md", "c.txt", "logs/keep.md", "page.html", "z/one.markdown", "z/two.htm"},
	}, {
		name:  "hidden",
		paths: []string{"."},
		opts:  WalkOptions{Hidden: true, Include: []string{"*.md"}},
		want:  []string{".github/readme.md", ".hidden.md", "a/nested.md", "a.md", "b.md", "logs/keep.md", "sub/keep.md"},
	}, {
		name:  "no ignore",
		paths: []string{"sub", "logs"},
		opts:  WalkOptions{NoIgnore: true},
		want:  []string{"sub/gen/important.md", "sub/gen/x.md", "sub/keep.md", "sub/skip.md", "logs/a.md", "logs/keep.md"},
	}, {
		name:  "arguments keep their order, files once",
		paths: []string{"z", "b.md", "./b.md", "z/one.markdown", "a"},
		want:  []string{"z/one.markdown", "z/two.htm", "b.md", "a/nested.md"},
	}, {
		name:  "files are taken as given",
		paths: []string{"image.png", ".hidden.md", "build/out.md", "./a.md"},
		want:  []string{"image.png", ".hidden.md", "build/out.md", "./a.md"},
	}, {
		name:  "stdin",
		paths: []string{"-", "a.md", "-"},
		want:  []string{"-", "a.md"},
	}, {
		name:  "a hidden directory given is walked",
		paths: []string{".github"},
		want:  []string{".github/readme.md"},
	}, {
		name:  "parents' .gitignore outside a work tree are not read",
		paths: []string{"node_modules"},
		want:  []string{"node_modules/x/doc.md"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := walkAll(t, tt.paths, tt.opts); !slices.Equal(got, tt.want) {
				t.Errorf("Walk(%q) =\n  %q\nwant\n  %q", tt.paths, got, tt.want)
			}
		})
	}
}

func TestWalkAbsoluteAndNested(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"d/e/f.md": "", "d/g.md": ""})
	got := walkAll(t, []string{dir}, WalkOptions{})
	want := []string{filepath.ToSlash(dir) + "/d/e/f.md", filepath.ToSlash(dir) + "/d/g.md"}
	if !slices.Equal(got, want) {
		t.Errorf("Walk = %q, want %q", got, want)
	}
}

func TestWalkMissingPathGoesOn(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.md": "", "b.md": ""})
	t.Chdir(dir)
	seq, err := Walk([]string{"a.md", "missing.md", "b.md"}, WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for p, err := range seq {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) || err.Error() != "missing.md: no such file or directory" {
				t.Errorf("error = %v, want one naming missing.md and no system call", err)
			}
			p = "error:" + p
		}
		got = append(got, p)
	}
	if want := []string{"a.md", "error:missing.md", "b.md"}; !slices.Equal(got, want) {
		t.Errorf("Walk = %q, want %q", got, want)
	}
}

func TestWalkStopsWhenTold(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a/1.md": "", "a/2.md": "", "b.md": ""})
	seq, err := Walk([]string{dir, dir}, WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range seq {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("walked %d files, want to stop at 2", n)
	}
}

func TestWalkBadGlob(t *testing.T) {
	_, err := Walk([]string{"."}, WalkOptions{Exclude: []string{"[a-"}})
	var pe *PatternError
	if !errors.As(err, &pe) || pe.Pattern != "[a-" {
		t.Errorf("Walk with a bad glob: %v, want a *PatternError", err)
	}
}

func TestWalkReadsParentGitignoreInWorkTree(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		".git/HEAD":              "ref: refs/heads/main\n",
		".gitignore":             "docs/build/\n*.draft.md\n",
		"docs/.gitignore":        "private/\n",
		"docs/a.md":              "",
		"docs/b.draft.md":        "",
		"docs/build/x.md":        "",
		"docs/book/private/p.md": "",
		"docs/book/c.md":         "",
	})
	t.Chdir(filepath.Join(dir, "docs", "book"))
	if got, want := walkAll(t, []string{"."}, WalkOptions{}), []string{"c.md"}; !slices.Equal(got, want) {
		t.Errorf("Walk(.) in docs/book = %q, want %q", got, want)
	}
	t.Chdir(filepath.Join(dir, "docs"))
	if got, want := walkAll(t, []string{"."}, WalkOptions{}), []string{"a.md", "book/c.md"}; !slices.Equal(got, want) {
		t.Errorf("Walk(.) in docs = %q, want %q", got, want)
	}
}

// walkResults returns what Walk yields: each path, or "path: error" for
// a path with an error, and "notice: path: error" for one that wraps
// ErrSkipped.
func walkResults(t *testing.T, paths []string, opts WalkOptions) []string {
	t.Helper()
	seq, err := Walk(paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for p, err := range seq {
		switch {
		case errors.Is(err, ErrSkipped):
			got = append(got, "notice: "+err.Error())
		case err != nil:
			got = append(got, "error: "+err.Error())
		default:
			got = append(got, p)
		}
	}
	return got
}

// TestWalkSymlinks: a link to a file is taken; a link met in a walk that
// cannot be read, dangling or in a loop of links, is an error naming it
// (as it is when named as an argument), if the include globs take its
// name; a link to a directory is not followed, with a notice, which says
// so when the link would loop (issue 20, item 14).
func TestWalkSymlinks(t *testing.T) {
	dir := t.TempDir()
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{"real/a.md": "", "b.md": "", "sub/c.md": ""})
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skip("no symlinks:", err)
		}
	}
	link(filepath.Join(dir, "b.md"), "real/link.md")
	link(filepath.Join(dir, "real"), "other")
	link("missing.md", "broken.md")
	link("missing.png", "broken.png") // not a name the walk takes
	link("loop-b.md", "loop-a.md")
	link("loop-a.md", "loop-b.md")
	link("..", "sub/up")
	t.Chdir(dir)
	want := []string{
		"b.md",
		"error: broken.md: a symbolic link to missing.md, which does not exist",
		"error: loop-a.md: too many levels of symbolic links",
		"error: loop-b.md: too many levels of symbolic links",
		"notice: other: skipped: a symbolic link to a directory, not followed; name it to check it",
		"real/a.md",
		"sub/c.md",
		"notice: sub/up: skipped: a symbolic link to a directory above it, which would loop",
	}
	if got := walkResults(t, []string{"."}, WalkOptions{}); !slices.Equal(got, want) {
		t.Errorf("Walk =\n  %q\nwant\n  %q", got, want)
	}
	// Excluded, the links say nothing.
	want = []string{"b.md", "real/a.md", "sub/c.md"}
	if got := walkResults(t, []string{"."}, WalkOptions{Exclude: []string{"broken.md", "loop-*", "other", "up"}}); !slices.Equal(got, want) {
		t.Errorf("Walk with the links excluded =\n  %q\nwant\n  %q", got, want)
	}
	// Named, a link to a directory is walked; outside a git work tree,
	// links in it may lead only into it.
	want = []string{"other/a.md", "notice: other/link.md: skipped: a symbolic link to " + filepath.ToSlash(filepath.Join(real, "b.md")) + ", outside " + filepath.ToSlash(filepath.Join(real, "real")) + "; name it to check it"}
	if got := walkResults(t, []string{"other"}, WalkOptions{}); !slices.Equal(got, want) {
		t.Errorf("Walk(other) =\n  %q\nwant\n  %q", got, want)
	}
}

// TestWalkSameFileOnce: a file reached by two paths is yielded once, at
// the first: another spelling of its path, an absolute path, a symbolic
// link, a hard link, or a directory walked that holds a file named too
// (issue 20, item 14).
func TestWalkSameFileOnce(t *testing.T) {
	dir := t.TempDir()
	// In a git work tree, so that docs/link.md may lead to a.md.
	writeTree(t, dir, map[string]string{"a.md": "", "docs/x.md": "", "docs/y.md": "", ".git/HEAD": ""})
	if err := os.Symlink(filepath.Join("..", "a.md"), filepath.Join(dir, "docs", "link.md")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := os.Link(filepath.Join(dir, "docs", "y.md"), filepath.Join(dir, "hard.md")); err != nil {
		t.Skip("no hard links:", err)
	}
	t.Chdir(dir)
	paths := []string{"a.md", "./a.md", filepath.Join(dir, "a.md"), "docs", "docs/x.md", "../" + filepath.Base(dir) + "/docs/x.md", "hard.md", "-", "-"}
	want := []string{"a.md", "docs/x.md", "docs/y.md", "-"}
	if got := walkResults(t, paths, WalkOptions{}); !slices.Equal(got, want) {
		t.Errorf("Walk(%q) =\n  %q\nwant\n  %q", paths, got, want)
	}
}

// TestWalkLinkOutsideRepository: in a directory walked, a symbolic link to
// a file outside the git work tree is not followed, with a notice, so
// that a tree anyone may have written (a pull request checked in CI)
// cannot make a check read, and quote, any file of the machine; a link to
// a file elsewhere in the work tree is followed, and a link named as an
// argument is read, as the user asked (issue 20, item 12).
func TestWalkLinkOutsideRepository(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, top, map[string]string{"outside/secret.md": "", "repo/.git/HEAD": "", "repo/shared/y.md": "", "repo/docs/a.md": ""})
	repo := filepath.Join(top, "repo")
	if err := os.Symlink(filepath.Join(top, "outside", "secret.md"), filepath.Join(repo, "docs", "leak.md")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := os.Symlink(filepath.Join("..", "shared", "y.md"), filepath.Join(repo, "docs", "y.md")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(repo)
	notice := "notice: docs/leak.md: skipped: a symbolic link to " + filepath.ToSlash(filepath.Join(top, "outside", "secret.md")) + ", outside " + filepath.ToSlash(repo) + "; name it to check it"
	for _, tt := range []struct {
		paths []string
		want  []string
	}{
		{[]string{"docs"}, []string{"docs/a.md", notice, "docs/y.md"}},
		{[]string{"."}, []string{"docs/a.md", notice, "docs/y.md"}}, // shared/y.md, met again, is left out
		{[]string{"docs/leak.md"}, []string{"docs/leak.md"}},
	} {
		if got := walkResults(t, tt.paths, WalkOptions{}); !slices.Equal(got, tt.want) {
			t.Errorf("Walk(%q) =\n  %q\nwant\n  %q", tt.paths, got, tt.want)
		}
	}
}
