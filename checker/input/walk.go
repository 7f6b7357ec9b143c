package input

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultInclude are the globs a file found in a directory must match when
// WalkOptions.Include is empty: every extension Read knows as Markdown,
// HTML or a translation format, .txt, and .zh and .en (sibling files a
// check pairs). CSV and TSV files are left out,
// since most of them in a repository are data, not translations: name
// them, or include them with a glob.
var DefaultInclude = []string{"*.md", "*.markdown", "*.mdx", "*.txt", "*.html", "*.htm", "*.xhtml",
	"*.tmx", "*.xlf", "*.xliff", "*.po", "*.zh", "*.en"}

// WalkOptions says which files in a directory Walk takes.
//
// A glob matches a file's or directory's name, or, if it contains a '/',
// its slash-separated path relative to the directory being walked ("**"
// stands for any number of directories, a trailing '/' for directories
// only), as in .gitignore files.
type WalkOptions struct {
	// Include are the globs a file found in a directory must match; empty
	// means DefaultInclude.
	Include []string
	// Exclude are globs of files and directories to leave out; they win
	// over Include.
	Exclude []string
	// Hidden walks hidden files and directories too (names starting with
	// '.'), which are skipped by default.
	Hidden bool
	// NoIgnore does not read .gitignore files.
	NoIgnore bool
}

// Walk returns the files to check for the paths a user gave, in their
// order, each file once: a file reached again, by another path, a
// symbolic link or a hard link (the same device and inode), is not
// yielded again, so that `check a.md ./a.md docs docs/x.md` reads each
// file once.
//
// A file named as an argument is taken as given, whatever its name and
// even if excluded or ignored. A directory is walked: entries in byte
// order of their names, the contents of a directory where its name sorts;
// files that match the include globs are taken, hidden entries and those
// excluded or ignored by a .gitignore are left out. Symbolic links to files
// are taken if they lead to a file inside the git work tree the directory
// is in (or, outside one, inside the directory); links to directories are
// not followed (which could loop). The
// .gitignore files read are those in the walked tree and, when the tree is
// inside a git work tree, those of its parent directories up to the work
// tree's top, as git reads them (not .git/info/exclude or the global
// excludes file). "-" (standard input) is passed through as "-".
//
// Paths are slash-separated, and relative when the argument was. A path
// that cannot be read (a missing argument, a directory that cannot be
// listed, a link met in a directory, with a name the include globs take,
// whose target does not exist or that is part of a loop of links) comes
// with its error, naming it, and the walk goes on with the next path, so
// that the caller can report it and check the rest. A link to a directory
// or to a file outside the work tree, met in a directory, comes with an
// error that wraps ErrSkipped: a notice, not a failure. The error Walk
// itself returns is for a malformed glob in opts.
func Walk(paths []string, opts WalkOptions) (iter.Seq2[string, error], error) {
	inc := opts.Include
	if len(inc) == 0 {
		inc = DefaultInclude
	}
	include, err := compileGlobs(inc)
	if err != nil {
		return nil, err
	}
	exclude, err := compileGlobs(opts.Exclude)
	if err != nil {
		return nil, err
	}
	return func(yield func(string, error) bool) {
		w := &walker{opts: opts, include: include, exclude: exclude, yield: yield, seen: map[fileKey]bool{}}
		for _, p := range paths {
			if !w.arg(p) {
				return
			}
		}
	}, nil
}

// walker is the state of one walk.
type walker struct {
	opts             WalkOptions
	include, exclude globs
	yield            func(string, error) bool
	seen             map[fileKey]bool // the files yielded
	// fence is the directory that links met in the directory being walked
	// may lead into (see fenceOf).
	fence string
}

// ErrSkipped is wrapped by the error Walk yields with a path it leaves
// out on purpose, for the caller to give as a notice rather than a
// failure: a symbolic link found in a directory that leads to a directory,
// or to a file outside the work tree.
var ErrSkipped = errors.New("skipped")

// arg walks one argument.
func (w *walker) arg(p string) bool {
	if p == "-" {
		return w.file(p, nil)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return w.yield(filepath.ToSlash(p), FileError(err))
	}
	if !fi.IsDir() {
		return w.file(p, fi)
	}
	var ignores []*ignoreFile
	top := "" // the walked directory, relative to the top of its git work tree
	if !w.opts.NoIgnore {
		ignores, top = parentIgnores(p)
	}
	w.fence = fenceOf(p)
	return w.dir(p, "", top, ignores)
}

// fenceOf returns the directory that links found walking dir may lead
// into: the top of the git work tree dir is in, else dir itself, with
// links resolved.
func fenceOf(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs
		}
		d = parent
	}
}

// realFile is the absolute path of the file p, links resolved.
func realFile(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// inside reports whether the clean absolute path p is dir or below it.
func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// file yields the file p, unless it was yielded before; fi is what
// os.Stat says of it, nil for "-" or when not at hand.
func (w *walker) file(p string, fi fs.FileInfo) bool {
	if fi == nil && p != "-" {
		fi, _ = os.Stat(p) // if it fails, Read will say why
	}
	key := keyOf(p, fi)
	if w.seen[key] {
		return true
	}
	w.seen[key] = true
	return w.yield(filepath.ToSlash(p), nil)
}

// dir walks the directory rel (slash-separated, "" for the root) of the
// walked root. top is the root relative to the top of the .gitignore
// files' tree, and ignores are the .gitignore files read above rel.
func (w *walker) dir(root, rel, top string, ignores []*ignoreFile) bool {
	dir := filepath.Join(root, filepath.FromSlash(rel))
	if !w.opts.NoIgnore {
		name := filepath.Join(dir, ".gitignore")
		data, err := os.ReadFile(name)
		switch {
		case err == nil:
			ignores = append(slices.Clip(ignores), parseIgnoreFile(path.Join(top, rel), data))
		case !errors.Is(err, fs.ErrNotExist):
			if !w.yield(filepath.ToSlash(name), FileError(err)) {
				return false
			}
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !w.yield(filepath.ToSlash(dir), FileError(err)) {
		return false
	}
	for _, e := range entries {
		name := e.Name()
		if !w.opts.Hidden && strings.HasPrefix(name, ".") {
			continue
		}
		r := path.Join(rel, name)
		full := filepath.Join(dir, name)
		isDir := e.IsDir()
		var fi fs.FileInfo // of a link's target
		switch t := e.Type(); {
		case t&fs.ModeSymlink != 0:
			var err error
			if fi, err = os.Stat(full); err != nil {
				// A dangling link or a loop of links: a file the tree
				// names and that cannot be read, as if it were named
				// on the command line; unless it would not be taken.
				if w.takes(r, top, ignores) && !w.yield(filepath.ToSlash(full), linkError(full, err)) {
					return false
				}
				continue
			}
			if fi.IsDir() {
				// Links to directories are not followed, which could
				// loop; a notice says so, as the files behind it go
				// unchecked unless they are in the walk elsewhere.
				if !w.exclude.match(r, true) && !ignored(ignores, path.Join(top, r), true) &&
					!w.yield(filepath.ToSlash(full), dirLinkNotice(full)) {
					return false
				}
				continue
			}
			if !fi.Mode().IsRegular() {
				continue // devices, pipes, sockets
			}
			if real, err := realFile(full); err == nil && !inside(w.fence, real) {
				// A tree that anyone may have written (a pull request in
				// CI) could otherwise make a check read any file of the
				// machine and quote its lines in findings.
				notice := fmt.Errorf("%s: %w: a symbolic link to %s, outside %s; name it to check it",
					filepath.ToSlash(full), ErrSkipped, filepath.ToSlash(real), filepath.ToSlash(w.fence))
				if w.takes(r, top, ignores) && !w.yield(filepath.ToSlash(full), notice) {
					return false
				}
				continue
			}
		case !isDir && !t.IsRegular():
			continue // devices, pipes, sockets
		}
		if w.exclude.match(r, isDir) || ignored(ignores, path.Join(top, r), isDir) {
			continue
		}
		if isDir {
			if !w.dir(root, r, top, ignores) {
				return false
			}
			continue
		}
		if w.include.match(r, false) && !w.file(filepath.Join(root, filepath.FromSlash(r)), fi) {
			return false
		}
	}
	return true
}

// takes reports whether the walk would take a file at r (relative to the
// walked root): not excluded, not ignored, and included.
func (w *walker) takes(r, top string, ignores []*ignoreFile) bool {
	return !w.exclude.match(r, false) && !ignored(ignores, path.Join(top, r), false) && w.include.match(r, false)
}

// linkError words the error of os.Stat on a symbolic link found in a
// walk: a dangling link names its target, which is what to fix.
func linkError(link string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(link); lerr == nil {
			return fmt.Errorf("%s: a symbolic link to %s, which does not exist", filepath.ToSlash(link), filepath.ToSlash(target))
		}
	}
	return FileError(err)
}

// dirLinkNotice is the notice for a symbolic link to a directory found in
// a walk, which is not followed; a link to a directory that holds it
// would loop, and the notice says so.
func dirLinkNotice(link string) error {
	target, err := filepath.EvalSymlinks(link)
	if err == nil {
		if parent, err := filepath.EvalSymlinks(filepath.Dir(link)); err == nil {
			if inside(target, parent) {
				return fmt.Errorf("%s: %w: a symbolic link to a directory above it, which would loop", filepath.ToSlash(link), ErrSkipped)
			}
		}
	}
	return fmt.Errorf("%s: %w: a symbolic link to a directory, not followed; name it to check it", filepath.ToSlash(link), ErrSkipped)
}

// parentIgnores finds the top of the git work tree a directory is in and
// reads the .gitignore files from there down to the directory's parent. It
// returns them with the directory's path relative to the top; outside a
// work tree, none and "".
func parentIgnores(dir string) (files []*ignoreFile, rel string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, ""
	}
	top := abs
	for {
		if _, err := os.Lstat(filepath.Join(top, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(top)
		if parent == top {
			return nil, ""
		}
		top = parent
	}
	r, err := filepath.Rel(top, abs)
	if err != nil || r == "." {
		return nil, ""
	}
	rel = filepath.ToSlash(r)
	d, drel := top, ""
	for elem := range strings.SplitSeq(rel, "/") {
		if data, err := os.ReadFile(filepath.Join(d, ".gitignore")); err == nil {
			files = append(files, parseIgnoreFile(drel, data))
		}
		d, drel = filepath.Join(d, elem), path.Join(drel, elem)
	}
	return files, rel
}

// FileError words an error of the os package about a file as a user
// reads it: "docs/a.md: permission denied" rather than "open docs/a.md:
// permission denied", the system call being no help. Other errors are
// returned as they are.
func FileError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", filepath.ToSlash(pe.Path), pe.Err)
	}
	return err
}
