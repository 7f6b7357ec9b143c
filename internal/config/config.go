// Package config reads termlint's configuration file, .termlint.yaml, which
// a repository keeps at its top so that `termlint check` run anywhere in it
// uses the same glossaries, style and rules.
//
// Most keys are the long names of the check command's flags and take the
// same values, so a setting means exactly what the flag means; a flag given
// on the command line wins over the file, and the file over the defaults.
// Paths in the file are relative to the file's directory.
//
// A configuration file comes with a repository, which anyone may have
// written, so the files it names must be inside that repository: see
// Parse. A user who means to read a file outside names it on the command
// line.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/internal/yamlnode"
)

// FileName is the name of the configuration file Find looks for.
const FileName = ".termlint.yaml"

// DefaultGlossary names the embedded glossary among glossary paths, as the
// --glossary flag does.
const DefaultGlossary = "@default"

// Config is a configuration file as read.
type Config struct {
	// Path is the file's path, relative to the working directory when Find
	// found it there or above.
	Path string
	// Glossaries are the glossary files to load, in order, resolved against
	// the file's directory, with DefaultGlossary first unless the file says
	// default-glossary: false; nil when the file names no glossaries and
	// keeps the default.
	Glossaries []string
	// Paths are the files and directories to check when the command line
	// names none, resolved against the file's directory.
	Paths []string
	// Settings are the keys that set a flag of the same name, in file
	// order, path values resolved.
	Settings []Setting
	// Rules are the per-rule severities, in file order.
	Rules []RuleSetting
}

// Pos is a place in the configuration file.
type Pos = yamlnode.Pos

// Setting is a key that sets the flag of the same name.
type Setting struct {
	// Flag is the flag's long name, the same as the key.
	Flag string
	// Values are the flag's arguments: one for a single value, one per
	// item for a list (as repeating the flag would).
	Values []string
	At     Pos
}

// RuleSetting sets a rule's severity, or turns the rule off.
type RuleSetting struct {
	Rule string
	// Level is a checker.Severity, or Off.
	Level string
	At    Pos
}

// Off is the rule level that turns a rule off.
const Off = "off"

// Levels are the values a rule may be set to.
var Levels = []string{string(checker.SeverityError), string(checker.SeverityWarning), string(checker.SeverityInfo), Off}

// Problem is one thing wrong in a configuration file.
type Problem struct {
	At  Pos
	Msg string
}

func (p Problem) Error() string { return p.At.String() + ": " + p.Msg }

// Error is every problem found in a configuration file; Load reports them
// all at once.
type Error []Problem

func (e Error) Error() string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// key is one key the file may hold: its kind and, for enumerations, the
// values it takes.
type key struct {
	name string
	kind kind
	// values, when set, are the only values the key takes.
	values []string
	// check, when set, validates a value.
	check func(string) error
	doc   string
}

type kind int

const (
	scalar kind = iota
	list
	path     // a scalar resolved against the file's directory
	pathList // a list of paths
	boolean
	rules
)

// Keys are the keys of a configuration file, in the order `termlint init`
// writes them.
var keys = []key{
	{name: "glossaries", kind: pathList, doc: "glossary files, in order; later ones extend or override earlier ones by id"},
	{name: "default-glossary", kind: boolean, doc: "whether the embedded glossary comes first (default true)"},
	{name: "paths", kind: pathList, doc: "files and directories to check when the command line names none"},
	{name: "style", kind: scalar, doc: "house style whose preferred renderings to enforce"},
	{name: "scope", kind: scalar, values: []string{string(checker.ScopeFile), string(checker.ScopeAll)}, doc: "where renderings must agree: file or all"},
	{name: "fail-on", kind: scalar, values: []string{"error", "warning", "info", "none"}, doc: "lowest severity that makes the exit status 1"},
	{name: "rules", kind: rules, doc: "per-rule severity (error, warning, info) or off"},
	{name: "include", kind: list, doc: "globs of files to check in directories (replaces the default)"},
	{name: "exclude", kind: list, doc: "globs of files and folders to skip"},
	{name: "bilingual", kind: scalar, values: []string{"auto", "on", "off"}, doc: "pair Chinese and English paragraphs: auto, on or off"},
	{name: "encoding", kind: scalar, check: checkEncoding, doc: "the files' encoding when not detected"},
	{name: "zh-column", kind: scalar, doc: "the Chinese column of CSV and TSV files, by header or number"},
	{name: "en-column", kind: scalar, doc: "the English column of CSV and TSV files, by header or number"},
	{name: "baseline", kind: path, doc: "report only findings not recorded in this baseline file"},
}

func checkEncoding(name string) error {
	if len(name) > yamlnode.ExcerptLen {
		// No encoding has such a name; the message quotes little of it.
		return fmt.Errorf("unknown encoding %s", yamlnode.Excerpt(name))
	}
	_, _, err := input.Decode(nil, name)
	return err
}

func keyNames() []string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.name
	}
	return names
}

// Find looks for FileName in dir and its parents and returns its path, or
// "" when there is none. The path is relative when dir is.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	rel := dir
	for {
		p := filepath.Join(abs, FileName)
		fi, err := os.Stat(p)
		switch {
		case err == nil && !fi.IsDir():
			if filepath.IsAbs(dir) {
				return p, nil
			}
			return filepath.Join(rel, FileName), nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", nil
		}
		abs, rel = parent, filepath.Join(rel, "..")
	}
}

// Load reads and checks the configuration file at path. Problems in the
// file come back together as an Error.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read config: %w", err)
	}
	return Parse(path, data)
}

// Parse reads a configuration file's content; path names it in messages
// and is the base of relative paths in it.
//
// The files the configuration names (glossaries, paths, baseline) must be
// inside its repository: the top of the git work tree the file is in (the
// nearest directory above it with a .git), or, outside a work tree, the
// file's own directory. An absolute path elsewhere, a ".." that climbs
// out, or a symbolic link on the way that leads out is a problem at the
// entry's line: otherwise a configuration committed to a repository could
// read any file of whoever runs termlint there (glossaries:
// [/etc/shadow]) and show it in messages or findings.
func Parse(path string, data []byte) (*Config, error) {
	p := &parser{cfg: &Config{Path: path}, dir: filepath.Dir(path)}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, col, msg := yamlnode.SyntaxError(err, data)
		p.errorf(Pos{File: path, Line: line, Column: col}, "%s", msg)
		return nil, p.problems
	}
	if len(doc.Content) > 0 && !yamlnode.IsNull(doc.Content[0]) {
		p.file(yamlnode.Resolve(doc.Content[0]))
	}
	if len(p.problems) > 0 {
		return nil, p.problems
	}
	return p.cfg, nil
}

type parser struct {
	cfg      *Config
	dir      string
	problems Error
	// defaultGlossary is the default-glossary key, nil when absent.
	defaultGlossary   *bool
	defaultGlossaryAt Pos
	// root is the directory the configuration's files must be in, found
	// when first needed (see Parse); repo says whether it is the top of a
	// git work tree.
	root      string
	repo      bool
	rootFound bool
}

func (p *parser) pos(n *yaml.Node) Pos { return yamlnode.At(p.cfg.Path, n) }

func (p *parser) errorf(at Pos, format string, args ...any) {
	p.problems = append(p.problems, Problem{at, fmt.Sprintf(format, args...)})
}

func (p *parser) file(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.errorf(p.pos(n), "the configuration must be a mapping of keys to values, not %s", yamlnode.Describe(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		i := slices.IndexFunc(keys, func(c key) bool { return c.name == k.Value })
		switch {
		case i < 0:
			p.errorf(p.pos(k), "unknown key %s%s", yamlnode.Excerpt(k.Value), yamlnode.DidYouMean(k.Value, keyNames(), "known keys"))
		case seen[k.Value]:
			p.errorf(p.pos(k), "key %s appears twice", yamlnode.Excerpt(k.Value))
		case !yamlnode.IsNull(v):
			p.value(keys[i], v)
		}
		seen[k.Value] = true
	}
	withDefault := p.defaultGlossary == nil || *p.defaultGlossary
	switch {
	case !withDefault && len(p.cfg.Glossaries) == 0:
		p.errorf(p.defaultGlossaryAt, "default-glossary: false needs glossaries to use instead")
	case withDefault && p.cfg.Glossaries != nil && !slices.Contains(p.cfg.Glossaries, DefaultGlossary):
		p.cfg.Glossaries = append([]string{DefaultGlossary}, p.cfg.Glossaries...)
	}
}

// value reads the value of key k.
func (p *parser) value(k key, v *yaml.Node) {
	at := p.pos(v)
	switch k.kind {
	case boolean:
		var b bool
		if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
			p.errorf(at, "%s must be true or false, not %s", k.name, yamlnode.Describe(v))
			return
		}
		p.defaultGlossary, p.defaultGlossaryAt = &b, at
	case rules:
		p.rules(v)
	case scalar, path:
		s, ok := p.text(k, v)
		if !ok {
			return
		}
		if k.kind == path {
			if s, ok = p.resolve(k, v, s); !ok {
				return
			}
		}
		p.cfg.Settings = append(p.cfg.Settings, Setting{Flag: k.name, Values: []string{s}, At: at})
	case list, pathList:
		items := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			items = v.Content
		}
		var values []string
		for _, item := range items {
			s, ok := p.text(k, yamlnode.Resolve(item))
			if !ok {
				continue
			}
			if k.kind == pathList {
				if s, ok = p.resolve(k, item, s); !ok {
					continue
				}
			}
			values = append(values, s)
		}
		switch k.name {
		case "glossaries":
			p.cfg.Glossaries = append([]string{}, values...)
			return
		case "paths":
			p.cfg.Paths = values
			return
		}
		p.cfg.Settings = append(p.cfg.Settings, Setting{Flag: k.name, Values: values, At: at})
	}
}

// text reads a scalar value of key k and checks it against the key's
// values.
func (p *parser) text(k key, v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode || yamlnode.IsNull(v) {
		p.errorf(p.pos(v), "%s must be text, not %s", k.name, yamlnode.Describe(v))
		return "", false
	}
	if k.values != nil && !slices.Contains(k.values, v.Value) {
		p.errorf(p.pos(v), "invalid %s %s: use %s", k.name, yamlnode.Excerpt(v.Value), orList(k.values))
		return "", false
	}
	if k.check != nil {
		if err := k.check(v.Value); err != nil {
			p.errorf(p.pos(v), "invalid %s: %v", k.name, err)
			return "", false
		}
	}
	return v.Value, true
}

func (p *parser) rules(v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		p.errorf(p.pos(v), "rules must be a mapping of rule names to %s, not %s", orList(Levels), yamlnode.Describe(v))
		return
	}
	var names []string
	for _, r := range checker.Rules {
		names = append(names, r.Name)
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, level := v.Content[i], yamlnode.Resolve(v.Content[i+1])
		if !slices.Contains(names, k.Value) {
			p.errorf(p.pos(k), "unknown rule %s%s", yamlnode.Excerpt(k.Value), yamlnode.DidYouMean(k.Value, names, "rules"))
			continue
		}
		if level.Kind != yaml.ScalarNode || !slices.Contains(Levels, level.Value) {
			p.errorf(p.pos(level), "rule %s must be %s, not %s", k.Value, orList(Levels), yamlnode.Describe(level))
			continue
		}
		p.cfg.Rules = append(p.cfg.Rules, RuleSetting{Rule: k.Value, Level: level.Value, At: p.pos(level)})
	}
}

// resolve makes the path s, the value of key k at node n, relative to the
// file's directory, and checks that it stays inside the repository.
func (p *parser) resolve(k key, n *yaml.Node, s string) (string, bool) {
	if s == DefaultGlossary && k.name == "glossaries" {
		return s, true
	}
	// Cleaned before the check and returned cleaned, so that the file
	// checked is the file read: the system reads "link/.." as the link
	// target's parent, Clean as the link's own folder.
	full := filepath.Clean(filepath.FromSlash(s))
	if !filepath.IsAbs(full) {
		full = filepath.Join(p.dir, full)
	}
	root, repo := p.repoRoot()
	abs, err := filepath.Abs(full)
	if err != nil {
		p.errorf(p.pos(n), "%s %s: %v", k.name, yamlnode.Excerpt(s), err)
		return "", false
	}
	where := "the repository at " + root
	if !repo {
		where = root + ", the configuration file's folder (not in a git work tree)"
	}
	flag := map[string]string{"glossaries": "--glossary FILE", "paths": "an argument", "baseline": "--baseline FILE"}[k.name]
	if real := realPath(abs); !within(root, real) {
		// A relative path without ".." starts inside, so only a link
		// can have led it out.
		if !filepath.IsAbs(s) && !slices.Contains(strings.Split(filepath.ToSlash(s), "/"), "..") {
			p.errorf(p.pos(n), "%s %s leads outside %s through a symbolic link (to %s); a configuration file may name only files inside its repository: give it on the command line (%s) instead",
				k.name, yamlnode.Excerpt(s), where, yamlnode.Excerpt(real), flag)
			return "", false
		}
		p.errorf(p.pos(n), "%s %s is outside %s; a configuration file may name only files inside its repository: give it on the command line (%s) instead",
			k.name, yamlnode.Excerpt(s), where, flag)
		return "", false
	}
	return full, true
}

// repoRoot returns the directory the configuration's files must be in,
// with symbolic links resolved, and whether it is a git work tree's top
// (see Parse).
func (p *parser) repoRoot() (root string, repo bool) {
	if p.rootFound {
		return p.root, p.repo
	}
	p.rootFound = true
	dir, err := filepath.Abs(p.dir)
	if err != nil {
		dir = p.dir
	}
	dir = realPath(dir)
	p.root = dir
	for d := dir; ; {
		// A .git folder, or a file in a linked work tree or submodule.
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			p.root, p.repo = d, true
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return p.root, p.repo
}

// realPath resolves the symbolic links in the clean absolute path abs as
// far as it exists: the part that does not exist yet is joined as it is.
func realPath(abs string) string {
	if real, err := evalSymlinks(abs); err == nil {
		return real
	}
	// The prefixes of a clean path that exist come before those that do
	// not: find the longest by bisection, so that a path of n elements
	// costs log n lookups, not n.
	root := len(filepath.VolumeName(abs)) + 1 // past the first separator
	var ends []int                            // abs[:e] for each e are the prefixes below the root
	for i := root; i < len(abs); i++ {
		if os.IsPathSeparator(abs[i]) {
			ends = append(ends, i)
		}
	}
	base, rest := abs[:root], abs[root:]
	lo, hi := 0, len(ends) // ends[:lo] exist, ends[hi:] do not
	for lo < hi {
		mid := (lo + hi) / 2
		if real, err := evalSymlinks(abs[:ends[mid]]); err == nil {
			base, rest, lo = real, abs[ends[mid]+1:], mid+1
		} else {
			hi = mid
		}
	}
	if base == abs[:root] {
		if real, err := evalSymlinks(base); err == nil {
			base = real
		}
	}
	return filepath.Join(base, rest)
}

// evalSymlinks is filepath.EvalSymlinks; tests count the calls.
var evalSymlinks = filepath.EvalSymlinks

// within reports whether the clean absolute path abs is dir or inside it.
func within(dir, abs string) bool {
	rel, err := filepath.Rel(dir, abs)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// orList writes values as "a, b or c".
func orList(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}
