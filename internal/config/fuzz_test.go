package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
)

// FuzzParse: no configuration file makes Parse panic; every problem names
// the file and a line in it, and quotes nothing raw that could drive a
// terminal or forge a CI runner's command (a control character or line
// break) nor much of the file; and what Parse accepts names only paths
// inside the repository.
func FuzzParse(f *testing.F) {
	f.Add(Starter("official", []Style{{"official", "current"}, {"literal", "scholarly"}}))
	configs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "config", "*.yaml"))
	for _, name := range configs {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"glossaries: [a.yaml, '@default', /etc/passwd, ../../../x]\npaths: [docs, ..]\nbaseline: b.json\n",
		"rules: {missing: error, inconsistent: off, nope: loud}\nstyle: [x]\n",
		"default-glossary: false\n",
		"encoding: \"\\x1b]8;;\"\nscope: \"a\\nb\"\n",
		"a: &x [*x]\n",
		"\x00\xff",
		"style: official\n\tbad",
		"- a\n- b\n",
		"encoding: " + strings.Repeat("x", 2000) + "\n",
	} {
		f.Add([]byte(s))
	}
	path := filepath.Join("fuzz", FileName)
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse(path, data)
		// Lines as YAML counts them: a lone CR, NEL, LS and PS break
		// lines too, and UTF-16 with a byte order mark is read as such.
		text := data
		if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
			units := make([]uint16, (len(data)-2)/2)
			for i := range units {
				lo, hi := data[2+2*i], data[3+2*i]
				if data[0] == 0xFE {
					lo, hi = hi, lo
				}
				units[i] = uint16(hi)<<8 | uint16(lo)
			}
			text = []byte(string(utf16.Decode(units)))
		}
		lines := 1 + bytes.Count(text, []byte("\n")) + bytes.Count(text, []byte("\r")) - bytes.Count(text, []byte("\r\n")) +
			bytes.Count(text, []byte("\u0085")) + bytes.Count(text, []byte("\u2028")) + bytes.Count(text, []byte("\u2029"))
		if err != nil {
			var problems Error
			if !errors.As(err, &problems) || len(problems) == 0 {
				t.Fatalf("error %v (%T), want problems", err, err)
			}
			for _, p := range problems {
				if p.At.File != path || p.At.Line < 1 || p.At.Line > lines {
					t.Errorf("problem at %s, not at a line of %s (1 to %d): %s", p.At, path, lines, p.Msg)
				}
				if strings.ContainsFunc(p.Msg, unicode.IsControl) {
					t.Errorf("problem with a raw control character: %q", p.Msg)
				}
				if len(p.Msg) > 1000 {
					t.Errorf("problem of %d bytes: %.200q...", len(p.Msg), p.Msg)
				}
			}
			return
		}
		root, _ := (&parser{dir: filepath.Dir(path)}).repoRoot()
		for _, g := range append(append([]string{}, cfg.Glossaries...), cfg.Paths...) {
			if g == DefaultGlossary {
				continue
			}
			if abs, err := filepath.Abs(g); err != nil || !within(root, realPath(abs)) {
				t.Errorf("accepted %q, outside %s", g, root)
			}
		}
		for _, s := range cfg.Settings {
			if s.At.File != path || s.At.Line < 1 || s.At.Line > lines {
				t.Errorf("setting %s at %s", s.Flag, s.At)
			}
		}
	})
}
