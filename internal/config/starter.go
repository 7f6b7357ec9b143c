package config

import (
	"fmt"
	"strings"

	"github.com/termlint/termlint/checker"
)

// Style is a house style a starter file lists for the style key.
type Style struct{ ID, Description string }

// Starter returns the commented configuration file `termlint init`
// writes: every key with what it does, the settings that hold by default
// written out, and the rest commented out with an example, so that the
// file reads as the documentation of the format. style, unless "", is set;
// styles are those the glossary offers.
func Starter(style string, styles []Style) []byte {
	var b strings.Builder
	b.WriteString(`# termlint configuration. termlint reads it when run in this directory or
# below it, or when named with --config. A flag given on the command line
# wins over a setting here. Paths are relative to this file.

# Glossary files, in order; later files extend or override earlier ones by
# concept id.
# glossaries:
#   - glossary.yaml

# Whether the embedded default glossary comes before them.
default-glossary: true

# Files and directories ` + "`termlint check`" + ` reads when the command line
# names none (default: the current directory).
# paths: [docs, translations]

# House style whose preferred renderings to enforce:
`)
	for _, s := range styles {
		fmt.Fprintf(&b, "#   %s: %s\n", s.ID, s.Description)
	}
	if style != "" {
		fmt.Fprintf(&b, "style: %s\n", style)
	} else if len(styles) > 0 {
		fmt.Fprintf(&b, "# style: %s\n", styles[0].ID)
	}
	b.WriteString(`
# Where renderings must agree: file (each file on its own) or all.
scope: file

# The lowest severity that makes the exit status 1: error, warning, info or
# none.
fail-on: warning

# Each rule's severity (error, warning or info), or off.
rules:
`)
	// A rule that is off unless asked for is written off, so that the
	// starter file checks what a run without it does.
	level := func(r *checker.Rule) string {
		if r.Off {
			return Off
		}
		return string(r.Severity)
	}
	width := 0
	for _, r := range checker.Rules {
		width = max(width, len(r.Name)+2+len(level(r)))
	}
	for _, r := range checker.Rules {
		fmt.Fprintf(&b, "  %-*s # %s\n", width+1, r.Name+": "+level(r), r.Doc)
	}
	b.WriteString(`
# Globs of the files to check in directories (they replace the default
# list of text, Markdown, HTML, TMX, XLIFF and PO names), and of files and
# folders to skip; .gitignore'd and hidden paths are always skipped.
# include: ["*.md", "*.po"]
# exclude: ["drafts/", "vendor/"]

# Bilingual text, Markdown and HTML: auto pairs Chinese and English
# paragraphs when they alternate; on always pairs them; off reads every
# file as English only.
bilingual: auto

# The files' encoding when it is not detected (UTF-8, UTF-16 with a byte
# order mark and GB18030 are): gb18030, gbk, big5, utf-16le, ...
# encoding: gb18030

# The Chinese and English columns of CSV and TSV files, by header or
# 1-based number, when they are not detected.
# zh-column: source
# en-column: target

# A baseline file of findings to leave unreported (see --write-baseline).
# baseline: .termlint-baseline.json
`)
	return []byte(b.String())
}
