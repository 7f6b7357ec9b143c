package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	data := `# a house configuration
glossaries: [house.yaml, ../shared/terms.yaml]
style: official
scope: all
fail-on: error
rules:
  untranslated: off
  missing: error
include:
  - "*.md"
  - "*.po"
exclude: drafts/
bilingual: on
encoding: gbk
zh-column: 2
en-column: target
baseline: .termlint-baseline.json
paths: [docs]
`
	cfg, err := Parse(filepath.Join("repo", FileName), []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{DefaultGlossary, filepath.Join("repo", "house.yaml"), filepath.Join("shared", "terms.yaml")}; !reflect.DeepEqual(cfg.Glossaries, want) {
		t.Errorf("Glossaries = %q, want %q", cfg.Glossaries, want)
	}
	if want := []string{filepath.Join("repo", "docs")}; !reflect.DeepEqual(cfg.Paths, want) {
		t.Errorf("Paths = %q, want %q", cfg.Paths, want)
	}
	var got []string
	for _, s := range cfg.Settings {
		got = append(got, s.Flag+"="+strings.Join(s.Values, "|")+"@"+s.At.String())
	}
	want := []string{
		"style=official@repo/.termlint.yaml:3:8",
		"scope=all@repo/.termlint.yaml:4:8",
		"fail-on=error@repo/.termlint.yaml:5:10",
		"include=*.md|*.po@repo/.termlint.yaml:10:3",
		"exclude=drafts/@repo/.termlint.yaml:12:10",
		"bilingual=on@repo/.termlint.yaml:13:12",
		"encoding=gbk@repo/.termlint.yaml:14:11",
		"zh-column=2@repo/.termlint.yaml:15:12",
		"en-column=target@repo/.termlint.yaml:16:12",
		"baseline=" + filepath.Join("repo", ".termlint-baseline.json") + "@repo/.termlint.yaml:17:11",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Settings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(cfg.Rules) != 2 || cfg.Rules[0] != (RuleSetting{"untranslated", Off, Pos{File: "repo/.termlint.yaml", Line: 7, Column: 17}}) || cfg.Rules[1].Level != "error" {
		t.Errorf("Rules = %+v", cfg.Rules)
	}
}

func TestParseGlossaries(t *testing.T) {
	for _, tc := range []struct {
		data string
		want []string
	}{
		{"style: literal\n", nil},
		{"default-glossary: true\n", nil},
		{"glossaries: [a.yaml]\n", []string{DefaultGlossary, "a.yaml"}},
		{"glossaries: [a.yaml]\ndefault-glossary: false\n", []string{"a.yaml"}},
		{"glossaries: [a.yaml, '@default']\n", []string{"a.yaml", DefaultGlossary}},
		{"", nil},
		{"# only a comment\n", nil},
	} {
		cfg, err := Parse(FileName, []byte(tc.data))
		if err != nil {
			t.Errorf("%q: %v", tc.data, err)
			continue
		}
		if !reflect.DeepEqual(cfg.Glossaries, tc.want) {
			t.Errorf("%q: Glossaries = %q, want %q", tc.data, cfg.Glossaries, tc.want)
		}
	}
}

// TestParseErrors checks that every problem is reported at once, each at
// its line and column.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		data string
		want []string
	}{
		{"sytle: official\nscope: every\n", []string{
			`c.yaml:1:1: unknown key "sytle" (did you mean "style"?)`,
			`c.yaml:2:8: invalid scope "every": use file or all`,
		}},
		{"fail-on: [error]\nrules:\n  missin: off\n  deprecated: loud\n", []string{
			`c.yaml:1:10: fail-on must be text, not a list`,
			`c.yaml:3:3: unknown rule "missin" (did you mean "missing"?)`,
			`c.yaml:4:15: rule deprecated must be error, warning, info or off, not the str "loud"`,
		}},
		{"rules: off\n", []string{`c.yaml:1:8: rules must be a mapping of rule names to error, warning, info or off, not the str "off"`}},
		{"default-glossary: no way\n", []string{`c.yaml:1:19: default-glossary must be true or false, not the str "no way"`}},
		{"default-glossary: false\n", []string{`c.yaml:1:19: default-glossary: false needs glossaries to use instead`}},
		{"encoding: klingon\n", []string{`c.yaml:1:11: invalid encoding: unknown encoding "klingon" (try utf-8, utf-16le, utf-16be, gb18030, gbk, big5)`}},
		{"style: a\nstyle: b\n", []string{`c.yaml:2:1: key "style" appears twice`}},
		{"- style\n", []string{`c.yaml:1:1: the configuration must be a mapping of keys to values, not a list`}},
		{"style: [unclosed\n", []string{`c.yaml:1: invalid YAML: did not find expected ',' or ']'`}},
		{"include: [a, {b: c}]\n", []string{`c.yaml:1:14: include must be text, not a mapping`}},
	} {
		_, err := Parse("c.yaml", []byte(tc.data))
		var problems Error
		if !errors.As(err, &problems) {
			t.Errorf("%q: error %v, want an Error", tc.data, err)
			continue
		}
		if got := strings.Split(problems.Error(), "\n"); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n%s\nwant:\n%s", tc.data, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

func TestFind(t *testing.T) {
	top := t.TempDir()
	deep := filepath.Join(top, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != "" {
		t.Fatalf("Find with no file = %q, %v", got, err)
	}
	if err := os.WriteFile(filepath.Join(top, FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != filepath.Join(top, FileName) {
		t.Errorf("Find(%s) = %q, %v", deep, got, err)
	}
	t.Chdir(deep)
	if got, err := Find("."); err != nil || got != filepath.Join("..", "..", FileName) {
		t.Errorf("Find(.) = %q, %v; want a path relative to the working directory", got, err)
	}
	// The nearest file wins.
	if err := os.WriteFile(filepath.Join(top, "a", FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Find("."); err != nil || got != filepath.Join("..", FileName) {
		t.Errorf("Find(.) = %q, %v; want the nearer file", got, err)
	}
	// A directory of that name is not a configuration file.
	if err := os.Mkdir(filepath.Join(deep, FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find("."); err != nil || got != filepath.Join("..", FileName) {
		t.Errorf("Find(.) = %q, %v; a directory named %s must be passed over", got, err, FileName)
	}
}

// TestStarter checks that the file `termlint init` writes documents every
// key and parses.
func TestStarter(t *testing.T) {
	data := Starter("literal", []Style{{"official", "current"}, {"literal", "scholarly"}})
	for _, k := range keys {
		if !strings.Contains(string(data), "\n"+k.name+":") && !strings.Contains(string(data), "\n# "+k.name+":") {
			t.Errorf("the starter does not mention %s", k.name)
		}
	}
	cfg, err := Parse(FileName, data)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Glossaries != nil || cfg.Paths != nil {
		t.Errorf("the starter changes the glossaries %q or paths %q", cfg.Glossaries, cfg.Paths)
	}
	if cfg.Settings[0].Flag != "style" || cfg.Settings[0].Values[0] != "literal" {
		t.Errorf("the starter does not set the style: %+v", cfg.Settings[0])
	}
}
