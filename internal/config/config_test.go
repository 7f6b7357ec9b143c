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

// TestParseOutsideRepository: a configuration may name only files inside
// its repository (issue 20, item 12). An absolute path elsewhere, a ".."
// that climbs out of it and a symbolic link that leads out are each a
// problem at the entry's line; files inside, reached by ".." from a
// folder below the top or by an absolute path, are fine.
func TestParseOutsideRepository(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	repo, outside := filepath.Join(top, "repo"), filepath.Join(top, "outside")
	for _, dir := range []string{filepath.Join(repo, ".git"), filepath.Join(repo, "sub"), outside} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{filepath.Join(repo, "g.yaml"), filepath.Join(outside, "secret.yaml")} {
		if err := os.WriteFile(f, []byte("concepts: []\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(repo, "sub", "link.yaml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(outside, filepath.Join(repo, "sub", "linkdir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(repo, "g.yaml"), filepath.Join(repo, "sub", "inside.yaml")); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(outside, "secret.yaml")
	data := "glossaries:\n" +
		"  - ../g.yaml\n" +
		"  - " + filepath.Join(repo, "g.yaml") + "\n" +
		"  - inside.yaml\n" +
		"  - " + secret + "\n" +
		"  - ../../outside/secret.yaml\n" +
		"  - link.yaml\n" +
		"  - linkdir/not-yet.yaml\n" +
		"  - linkdir/../../g.yaml\n" +
		"paths: [.., ../..]\n" +
		"baseline: /etc/passwd\n"
	config := filepath.Join(repo, "sub", FileName)
	_, err = Parse(config, []byte(data))
	var problems Error
	if !errors.As(err, &problems) {
		t.Fatalf("error %v, want an Error", err)
	}
	where := "the repository at " + repo
	tail := "; a configuration file may name only files inside its repository: give it on the command line "
	want := []string{
		config + `:5:5: glossaries "` + secret + `" is outside ` + where + tail + "(--glossary FILE) instead",
		config + `:6:5: glossaries "../../outside/secret.yaml" is outside ` + where + tail + "(--glossary FILE) instead",
		config + `:7:5: glossaries "link.yaml" leads outside ` + where + ` through a symbolic link (to "` + secret + `")` + tail + "(--glossary FILE) instead",
		config + `:8:5: glossaries "linkdir/not-yet.yaml" leads outside ` + where + ` through a symbolic link (to "` + filepath.Join(outside, "not-yet.yaml") + `")` + tail + "(--glossary FILE) instead",
		config + `:10:13: paths "../.." is outside ` + where + tail + "(an argument) instead",
		config + `:11:11: baseline "/etc/passwd" is outside ` + where + tail + "(--baseline FILE) instead",
	}
	if got := strings.Split(problems.Error(), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Without the outside entries, the rest is read, cleaned, as named.
	data = "glossaries: [../g.yaml, " + filepath.Join(repo, "g.yaml") + ", inside.yaml, linkdir/../../g.yaml]\npaths: [..]\n"
	cfg, err := Parse(config, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(repo, "sub")
	if want := []string{DefaultGlossary, filepath.Join(repo, "g.yaml"), filepath.Join(repo, "g.yaml"), filepath.Join(sub, "inside.yaml"), filepath.Join(repo, "g.yaml")}; !reflect.DeepEqual(cfg.Glossaries, want) {
		t.Errorf("Glossaries = %q, want %q", cfg.Glossaries, want)
	}
	if want := []string{repo}; !reflect.DeepEqual(cfg.Paths, want) {
		t.Errorf("Paths = %q, want %q", cfg.Paths, want)
	}

	// Outside a git work tree, the configuration's folder is the fence.
	if err := os.WriteFile(filepath.Join(outside, "g.yaml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(outside, FileName)
	_, err = Parse(plain, []byte("glossaries: [g.yaml, ../repo/g.yaml]\n"))
	want = []string{plain + `:1:22: glossaries "../repo/g.yaml" is outside ` + outside + ", the configuration file's folder (not in a git work tree)" + tail + "(--glossary FILE) instead"}
	if !errors.As(err, &problems) || !reflect.DeepEqual(strings.Split(problems.Error(), "\n"), want) {
		t.Errorf("outside a work tree: %v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
}
