package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

// styledGlossary loads the glossary and checks that style, unless empty,
// is one of its styles; configPos is where the configuration file set the
// style, or "" when --style did.
func styledGlossary(load func() (*glossary.Glossary, error), style, configPos string) (*glossary.Glossary, error) {
	g, err := load()
	if err != nil {
		return nil, err
	}
	if style != "" && g.Style(style) == nil {
		styles := strings.Join(g.StyleIDs(), ", ")
		if configPos != "" {
			return nil, fmt.Errorf("%s: unknown style %q (styles: %s)", configPos, style, styles)
		}
		return nil, fmt.Errorf("unknown --style %q (styles: %s)", style, styles)
	}
	return g, nil
}

// readFlags are the flags that say which files to read and how, shared by
// the commands that read a corpus (check, lookup --in).
type readFlags struct {
	Include   []string
	Exclude   []string
	Bilingual string
	Encoding  string
	ZHColumn  string
	ENColumn  string
	// Source and Target are a Chinese file and its English translation,
	// aligned by paragraph (check only).
	Source, Target string
}

var bilingualModes = map[string]input.Bilingual{"auto": input.BilingualAuto, "on": input.BilingualOn, "off": input.BilingualOff}

func (r *readFlags) register(fs *pflag.FlagSet, verb string) {
	fs.StringArrayVar(&r.Include, "include", nil, "`glob` of files to "+verb+" in directories (repeatable; replaces the default, see above)")
	fs.StringArrayVar(&r.Exclude, "exclude", nil, "`glob` of files or folders to skip (repeatable)")
	fs.StringVar(&r.Bilingual, "bilingual", "auto", "pair Chinese and English paragraphs of text, Markdown and HTML files: auto (when they alternate), on (always) or off (read every file as English only)")
	fs.StringVar(&r.Encoding, "encoding", "", "`name` of the files' encoding (gb18030, gbk, utf-16le, utf-16be, ...); default: detected")
	fs.StringVar(&r.ZHColumn, "zh-column", "", "the Chinese `column` of CSV and TSV files, by header or 1-based number; default: detected")
	fs.StringVar(&r.ENColumn, "en-column", "", "the English `column` of CSV and TSV files, by header or 1-based number; default: detected")
}

// options validates the flags and returns the reader options they say.
func (r *readFlags) options() (input.Options, error) {
	mode, ok := bilingualModes[r.Bilingual]
	if !ok {
		return input.Options{}, fmt.Errorf("invalid --bilingual %q: use auto, on or off", r.Bilingual)
	}
	if r.Encoding != "" {
		if _, _, err := input.Decode(nil, r.Encoding); err != nil {
			return input.Options{}, fmt.Errorf("invalid --encoding: %v", err)
		}
	}
	if (r.Source == "") != (r.Target == "") {
		return input.Options{}, fmt.Errorf("--source and --target go together: the Chinese file and its English translation")
	}
	return input.Options{Bilingual: mode, Encoding: r.Encoding, ChineseColumn: r.ZHColumn, EnglishColumn: r.ENColumn}, nil
}

// readDocument reads one path; "-" is standard input, read as plain text.
func readDocument(path string, stdin io.Reader, opts input.Options) (*input.Document, error) {
	if path == "-" {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return nil, err
		}
		opts.Format = input.PlainText
		return input.ReadWith(path, data, opts)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, input.FileError(err)
	}
	return input.ReadWith(path, data, opts)
}

// readPair reads a Chinese file and its English translation as one
// bilingual document, paragraph by paragraph. Files that do not align
// give an *alignError.
func readPair(source, target string, opts input.Options) (*input.Document, error) {
	opts.Bilingual = input.BilingualOff // each side is one language
	zh, err := readDocument(source, nil, opts)
	if err != nil {
		return nil, err
	}
	en, err := readDocument(target, nil, opts)
	if err != nil {
		return nil, err
	}
	if err := input.Align(zh, en); err != nil {
		return nil, &alignError{err}
	}
	en.Notices = append(zh.Notices, en.Notices...) // both files' notices, the source's first
	return en, nil
}

// alignError says that the two files of a pair do not align.
type alignError struct{ err error }

func (e *alignError) Error() string { return e.err.Error() }

// readSiblings reads sibling files (see pairSiblings) as a pair. Siblings
// whose paragraphs do not align are no error, since nobody named them as
// a pair: the English file is read on its own, with a notice saying why.
func readSiblings(zh, en string, opts input.Options) (*input.Document, error) {
	doc, err := readPair(zh, en, opts)
	var notAligned *alignError
	if !errors.As(err, &notAligned) {
		return doc, err
	}
	if doc, err = readDocument(en, nil, opts); err != nil {
		return nil, err
	}
	doc.Notices = append(doc.Notices, fmt.Sprintf("%s: not read against its Chinese sibling %s (%v); read on its own, name them with --source and --target to pair them", en, zh, notAligned))
	return doc, nil
}
