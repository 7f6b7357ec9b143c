package input

import (
	"bytes"
	"path"
	"strings"
)

// This file matches gitignore patterns, and the --include and --exclude
// globs, which follow the same rules without negation.
//
// It is written here rather than taken from go-git
// (plumbing/format/gitignore, the usual Go implementation) because that
// package alone brings five modules into termlint's build (go-git, billy,
// gcfg, go-context, warnings), and with the go-git module every
// vulnerability report against go-git's network code would be flagged on a
// tool that only reads .gitignore files. The rules fit in a page, path.Match
// matches each path element, and glob_test.go checks the result against
// git check-ignore itself.

// pattern is one compiled gitignore line or glob.
type pattern struct {
	negate   bool     // "!pattern": a later match re-includes
	dirOnly  bool     // "pattern/": matches directories only
	anchored bool     // has a '/' before its end: matches whole relative paths
	elems    []string // path elements; "**" is any number of elements
}

// parsePattern compiles one pattern: a .gitignore line when gitignore is
// set, else an --include or --exclude glob. ok is false for a blank line or
// a comment, err is set for a pattern path.Match rejects.
func parsePattern(line string, gitignore bool) (p pattern, ok bool, err error) {
	line = strings.TrimSuffix(line, "\r")
	if gitignore {
		if strings.HasPrefix(line, "#") {
			return p, false, nil
		}
		// Trailing spaces are dropped unless escaped with a backslash.
		for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, `\ `) {
			line = line[:len(line)-1]
		}
		if rest, ok := strings.CutPrefix(line, "!"); ok {
			p.negate, line = true, rest
		}
	}
	if rest, ok := strings.CutSuffix(line, "/"); ok {
		p.dirOnly, line = true, rest
	}
	if line == "" {
		return p, false, nil
	}
	if strings.Contains(line, "/") {
		p.anchored = true
		line = strings.TrimPrefix(line, "/")
	}
	for _, e := range strings.Split(line, "/") {
		if e != "**" {
			e = bracketNegation(e)
			if _, err := path.Match(e, ""); err != nil {
				return p, false, err
			}
		}
		p.elems = append(p.elems, e)
	}
	return p, true, nil
}

// bracketNegation rewrites the shell's "[!a-z]" as path.Match's "[^a-z]".
func bracketNegation(e string) string {
	if !strings.Contains(e, "[!") {
		return e
	}
	b := []byte(e)
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '[':
			if i+1 < len(b) && b[i+1] == '!' {
				b[i+1] = '^'
			}
		}
	}
	return string(b)
}

// match reports whether the pattern matches a slash-separated path
// relative to the pattern's directory. A pattern that matches a directory
// also excludes everything in it; the walker does not descend there.
func (p *pattern) match(rel string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	if !p.anchored {
		ok, _ := path.Match(p.elems[0], path.Base(rel))
		return ok
	}
	return matchElems(p.elems, strings.Split(rel, "/"))
}

func matchElems(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for len(pat) > 1 && pat[1] == "**" {
				pat = pat[1:]
			}
			if len(pat) == 1 {
				return true
			}
			for k := range len(name) + 1 {
				if matchElems(pat[1:], name[k:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// ignoreFile is the patterns of one .gitignore file.
type ignoreFile struct {
	dir      string // slash-separated, relative to the top of the walk; "" for the top
	patterns []pattern
}

func parseIgnoreFile(dir string, data []byte) *ignoreFile {
	f := &ignoreFile{dir: dir}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	for line := range strings.SplitSeq(string(data), "\n") {
		if p, ok, _ := parsePattern(line, true); ok { // git, too, skips what it cannot read
			f.patterns = append(f.patterns, p)
		}
	}
	return f
}

// ignored reports whether a path relative to the top of the walk is
// ignored by a stack of .gitignore files, outermost first: the last
// pattern that matches decides, and deeper files come later.
func ignored(files []*ignoreFile, rel string, isDir bool) bool {
	for i := len(files) - 1; i >= 0; i-- {
		f := files[i]
		r := rel
		if f.dir != "" {
			var ok bool
			if r, ok = strings.CutPrefix(rel, f.dir+"/"); !ok {
				continue
			}
		}
		for j := len(f.patterns) - 1; j >= 0; j-- {
			if p := &f.patterns[j]; p.match(r, isDir) {
				return !p.negate
			}
		}
	}
	return false
}

// globs is a compiled --include or --exclude list.
type globs []pattern

func compileGlobs(list []string) (globs, error) {
	var g globs
	for _, s := range list {
		p, ok, err := parsePattern(s, false)
		if err != nil {
			return nil, &PatternError{Pattern: s, Err: err}
		}
		if ok {
			g = append(g, p)
		}
	}
	return g, nil
}

// match reports whether any glob matches a path relative to the walked
// root.
func (g globs) match(rel string, isDir bool) bool {
	for i := range g {
		if g[i].match(rel, isDir) {
			return true
		}
	}
	return false
}

// PatternError reports a malformed --include or --exclude glob.
type PatternError struct {
	Pattern string
	Err     error
}

// Error names the pattern and what is wrong with it.
func (e *PatternError) Error() string { return "bad pattern " + e.Pattern + ": " + e.Err.Error() }

// Unwrap returns the error path.Match gave.
func (e *PatternError) Unwrap() error { return e.Err }
