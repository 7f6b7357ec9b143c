package gitdiff

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Changes are the lines of a working tree changed since a revision. Its
// methods are not safe for concurrent use.
type Changes struct {
	// Root is the working tree's top-level directory, symbolic links
	// resolved.
	Root string
	// Files are the changed files by repository-relative slash path;
	// untracked files that are not ignored are there as Whole.
	Files map[string]*File
	// dirs caches each directory's path with symbolic links resolved.
	dirs map[string]string
}

// Load asks git, in dir, which lines of the working tree (staged or not)
// differ from rev: git diff --unified=0 --find-renames rev, plus the
// untracked files git does not ignore. A bad revision, dir outside a git
// repository or a missing git is an error carrying git's message.
func Load(dir, rev string) (*Changes, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		// git would take it for an option (--output=FILE writes a file).
		return nil, fmt.Errorf("bad revision %q", rev)
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root := strings.TrimSuffix(string(top), "\n")
	if resolved, err := filepath.EvalSymlinks(root); err == nil {
		root = resolved
	}
	// The options pin down what user configuration could change: the
	// a/ and b/ prefixes (diff.noprefix, diff.mnemonicPrefix), paths from
	// the top (diff.relative), and lines as stored (textconv drivers).
	diff, err := git(root, "-c", "diff.relative=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
		"--src-prefix=a/", "--dst-prefix=b/", "--unified=0", "--find-renames", rev, "--")
	if err != nil {
		return nil, err
	}
	files, err := Parse(diff)
	if err != nil {
		return nil, fmt.Errorf("reading git diff %s: %v", rev, err)
	}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	c := &Changes{Root: root, Files: make(map[string]*File), dirs: make(map[string]string)}
	for _, f := range files {
		c.Files[f.Path] = f
	}
	for _, p := range strings.Split(string(untracked), "\x00") {
		if p != "" {
			c.Files[p] = &File{Path: p, Whole: true}
		}
	}
	return c, nil
}

// git runs git with args in dir and returns its standard output, or an
// error holding what git said on standard error.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if msg := strings.TrimSpace(stderr.String()); errors.As(err, &exit) && msg != "" {
			return nil, fmt.Errorf("git %s: %s", gitVerb(args), msg)
		}
		return nil, fmt.Errorf("git %s: %v", gitVerb(args), err)
	}
	return out, nil
}

// gitVerb is the git command args run, skipping -c options.
func gitVerb(args []string) string {
	for len(args) > 2 && args[0] == "-c" {
		args = args[2:]
	}
	return args[0]
}

// Touches reports whether lines first to last (inclusive) of the file at
// path touch a change (see File.Touches). path is as a user gives it:
// relative to the working directory, or absolute. Standard input ("-")
// and files outside the working tree count as changed: git cannot say
// they are not, and --diff-base hides only what git vouches for.
func (c *Changes) Touches(path string, first, last int) bool {
	if path == "-" {
		return true
	}
	rel, ok := c.relative(path)
	if !ok {
		return true
	}
	f := c.Files[rel]
	return f != nil && f.Touches(first, last)
}

// relative returns path relative to the working tree's top, slash
// separated, or false when it lies outside. The directory's symbolic
// links are resolved, as git resolved the top's; the file's own are not,
// since git tracks a link as a link.
func (c *Changes) relative(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	dir := filepath.Dir(abs)
	resolved, ok := c.dirs[dir]
	if !ok {
		resolved = dir
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			resolved = r
		}
		c.dirs[dir] = resolved
	}
	rel, err := filepath.Rel(c.Root, filepath.Join(resolved, filepath.Base(abs)))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(os.PathSeparator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
