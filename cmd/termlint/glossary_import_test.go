package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/fixture"
)

// exportJSON returns the merged glossary of the --glossary args as
// glossary export --format json writes it.
func exportJSON(t *testing.T, glossaryArgs ...string) string {
	t.Helper()
	code, out, errOut := runCLI(t, append(glossaryArgs, "glossary", "export", "--format", "json")...)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	return out
}

// importFile runs glossary import and fails the test unless it succeeds.
func importFile(t *testing.T, args ...string) (stderr string) {
	t.Helper()
	code, out, errOut := runCLI(t, append([]string{"glossary", "import"}, args...)...)
	if code != 0 {
		t.Fatalf("import %q: exit %d: %s", args, code, errOut)
	}
	if out != "" && slices.Contains(args, "-o") {
		t.Errorf("import -o printed to stdout: %q", out)
	}
	return errOut
}

// TestExportImportTBX sends the default glossary through TBX v3 and v2
// and back: TBX carries every field, so the glossary comes back equal.
func TestExportImportTBX(t *testing.T) {
	want := exportJSON(t)
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatal(problems)
	}
	concepts, renderings := len(g.Concepts), 0
	for _, c := range g.Concepts {
		renderings += len(c.Renderings)
	}
	for _, version := range []string{"3", "2"} {
		t.Run("v"+version, func(t *testing.T) {
			dir := t.TempDir()
			tbxFile, yamlFile := filepath.Join(dir, "terms.tbx"), filepath.Join(dir, "back.yaml")
			if code, out, errOut := runCLI(t, "glossary", "export", "--tbx-version", version, "-o", tbxFile); code != 0 || out != "" || errOut != "" {
				t.Fatalf("export: exit %d, stdout %q, stderr %q", code, out, errOut)
			}
			stderr := importFile(t, tbxFile, "-o", yamlFile)
			if !strings.HasSuffix(stderr, fmt.Sprintf(": imported %d concepts, %d renderings, 0 warnings\n", concepts, renderings)) {
				t.Errorf("import said %q", stderr)
			}
			if got := exportJSON(t, "-g", yamlFile); got != want {
				t.Errorf("the glossary changed on its way through TBX v%s: %s", version, firstDifference(got, want))
			}
		})
	}
}

// TestExportImportTable sends the default glossary through CSV and TSV
// and back: exported again, the import writes the same table (which
// holds every field a table carries), and the concepts keep their ids,
// taken from the glossary by their Chinese.
func TestExportImportTable(t *testing.T) {
	wantIDs := conceptIDs(t, exportJSON(t))
	for _, format := range []string{"csv", "tsv"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			file, yamlFile := filepath.Join(dir, "terms."+format), filepath.Join(dir, "back.yaml")
			if code, _, errOut := runCLI(t, "glossary", "export", "-o", file); code != 0 {
				t.Fatalf("export: exit %d: %s", code, errOut)
			}
			importFile(t, file, "-o", yamlFile)
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			code, got, errOut := runCLI(t, "-g", yamlFile, "glossary", "export", "--format", format)
			if code != 0 {
				t.Fatalf("export of the import: exit %d: %s", code, errOut)
			}
			if got != string(want) {
				t.Errorf("the table changed on its way through %s: %s", format, firstDifference(got, string(want)))
			}
			if ids := conceptIDs(t, exportJSON(t, "-g", yamlFile)); !slices.Equal(ids, wantIDs) {
				t.Errorf("concept ids changed: %s", firstDifference(strings.Join(ids, "\n"), strings.Join(wantIDs, "\n")))
			}
		})
	}
}

// conceptIDs lists the concept ids of a glossary in the export JSON.
func conceptIDs(t *testing.T, exported string) []string {
	t.Helper()
	var g struct{ Concepts []struct{ ID string } }
	if err := json.Unmarshal([]byte(exported), &g); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range g.Concepts {
		ids = append(ids, c.ID)
	}
	return ids
}

// TestImportMarkdownRepository is the promise: a translation
// repository's Markdown glossary becomes a working termlint glossary in
// one command, and check then holds the repository's drafts to it. The
// drafts say what must be found in them, with <!-- want RULE "TEXT" -->.
func TestImportMarkdownRepository(t *testing.T) {
	t.Chdir("../..")
	const repo = "testdata/import/repo"
	house := filepath.Join(t.TempDir(), "house.yaml")
	stderr := importFile(t, repo+"/GLOSSARY.md", "-o", house)
	data, err := os.ReadFile(house)
	if err != nil {
		t.Fatal(err)
	}
	goldenFile(t, repo+"/house.golden.yaml", string(data))
	goldenFile(t, repo+"/import.golden.txt", stderr)
	// No problem, not even a warning. --strict would add the gates of a
	// curated glossary, which a Markdown table without dates cannot meet.
	if code, out, errOut := runCLI(t, "glossary", "validate", house); code != 0 || out != "" {
		t.Errorf("glossary validate on the import: exit %d\n%s%s", code, out, errOut)
	}

	checkDrafts(t, repo+"/docs", "-g", house)
}

// checkDrafts checks the drafts of dir with check --style house over the
// glossaries of glossaryArgs, and compares the findings with the drafts'
// <!-- want RULE "TEXT" --> comments.
func checkDrafts(t *testing.T, dir string, glossaryArgs ...string) {
	t.Helper()
	code, out, errOut := runCLI(t, append(glossaryArgs, "check", "--style", "house", "--format", "json", dir)...)
	if code != 1 {
		t.Fatalf("check: exit %d, want 1: %s", code, errOut)
	}
	var report struct{ Findings []checker.Finding }
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatal(err)
	}
	drafts, err := filepath.Glob(dir + "/*.md")
	if err != nil || len(drafts) == 0 {
		t.Fatalf("no drafts in %s: %v", dir, err)
	}
	found := 0
	for _, draft := range drafts {
		data, err := os.ReadFile(draft)
		if err != nil {
			t.Fatal(err)
		}
		wants, err := fixture.Wants(data)
		if err != nil {
			t.Fatalf("%s:%v", draft, err)
		}
		var findings []checker.Finding
		for _, f := range report.Findings {
			if f.File == draft {
				findings = append(findings, f)
			}
		}
		found += len(findings)
		missing, unexpected := fixture.Compare(wants, findings)
		for _, w := range missing {
			t.Errorf("%s:%d: want %s %q, not found", draft, w.Line, w.Rule, w.Text)
		}
		for _, f := range unexpected {
			t.Errorf("%s:%d:%d: unexpected %s %q: %s", draft, f.Line, f.Column, f.Rule, f.Text, f.Message)
		}
	}
	if found != len(report.Findings) {
		t.Errorf("check reported %d findings, %d of them in the drafts", len(report.Findings), found)
	}
}

// TestImportMarkdownCells imports a team's glossary whose cells hold
// articles, several renderings, bracketed notes and quoted Chinese
// (testdata/import/cells/Glossary.md, which states the concepts it must
// give), and checks drafts with it over the default glossary: the
// renderings match as the drafts write them, and the concepts the
// default glossary has take its ids, so the two merge.
func TestImportMarkdownCells(t *testing.T) {
	t.Chdir("../..")
	const dir = "testdata/import/cells"
	out := filepath.Join(t.TempDir(), "imported.yaml")
	stderr := importFile(t, dir+"/Glossary.md", "-o", out)
	if !strings.HasSuffix(stderr, ", 0 warnings\n") {
		t.Errorf("import said %q", stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	g, problems := glossary.Parse(out, data)
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	if len(g.Sources) != 1 || g.Sources[0].ID != "glossary-md" {
		t.Errorf("sources %+v, want one, glossary-md", g.Sources)
	}
	fixtureData, err := os.ReadFile(dir + "/Glossary.md")
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for line := range strings.Lines(string(fixtureData)) {
		if rest, ok := strings.CutPrefix(line, "concept: "); ok {
			want = append(want, strings.TrimSpace(rest))
		}
	}
	for _, c := range g.Concepts {
		got = append(got, dumpConcept(c))
	}
	if !slices.Equal(got, want) {
		t.Errorf("concepts:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	if code, out, errOut := runCLI(t, "-g", "@default", "-g", out, "glossary", "validate"); code != 0 || !strings.Contains(out+errOut, "no problems") {
		t.Errorf("glossary validate over the default glossary: exit %d\n%s%s", code, out, errOut)
	}
	checkDrafts(t, dir+"/docs", "-g", "@default", "-g", out)
}

// dumpConcept writes a concept on one line, as the fixtures of
// testdata/import state it:
//
//	id: zh / variant = en [status styles] {forms: ...} {note: ...} | ... -- notes
//
// the status left out when admitted without styles.
func dumpConcept(c *glossary.Concept) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", c.ID, strings.Join(append([]string{c.ZH}, c.ZHVariants...), " / "))
	b.WriteString(" =")
	for i, r := range c.Renderings {
		if i > 0 {
			b.WriteString(" |")
		}
		b.WriteString(" " + r.EN)
		if r.Status != glossary.Admitted || len(r.Styles) > 0 {
			fmt.Fprintf(&b, " [%s", strings.Join(append([]string{string(r.Status)}, r.Styles...), " "))
			b.WriteString("]")
		}
		if len(r.Forms) > 0 {
			fmt.Fprintf(&b, " {forms: %s}", strings.Join(r.Forms, ", "))
		}
		if r.Note != "" {
			fmt.Fprintf(&b, " {note: %s}", r.Note)
		}
	}
	if c.Notes != "" {
		b.WriteString(" -- " + c.Notes)
	}
	return b.String()
}

// TestImportFailsWhole checks that an import that fails names the file,
// line and column, exits 2 and writes nothing.
func TestImportFailsWhole(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	out := filepath.Join(dir, "out.yaml")
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"bad status", []string{write("bad.csv", "zh,en,status\n周边,neighborhood,best\n")},
			"bad.csv:2:17: unknown status \"best\"; it must be one of preferred, admitted, deprecated, superseded\n"},
		{"no en column", []string{write("cols.csv", "中文,说明\n周边,x\n")},
			"cols.csv:1: no en column in the header \"中文,说明\"; name it en, English, 英文, target or translation\n"},
		{"malformed TBX", []string{write("bad.tbx", "<?xml version=\"1.0\"?>\n<tbx>\n  <text>\n</tbx>\n")},
			"bad.tbx:4:7: malformed XML: element <text> closed by </tbx>\n"},
		{"unknown extension", []string{write("terms.docx", "")},
			"terms.docx: cannot tell the format from the extension; give --format (tbx, csv, tsv, md)\n"},
		{"stdin without format", []string{"-"},
			"reading standard input needs --format (tbx, csv, tsv, md)\n"},
		{"Latin-1", []string{write("latin1.csv", "zh,en\n周边,caf\xe9\n")},
			"latin1.csv:2:7: invalid UTF-8 (byte 0xE9); if the file is in another encoding, name it with --encoding\n"},
		{"unknown encoding", []string{"--encoding", "klingon", write("k.csv", "zh,en\n")},
			"k.csv: unknown encoding \"klingon\" (try utf-8, utf-16le, utf-16be, gb18030, gbk, big5)\n"},
		{"--style for a CSV", []string{"--style", "house", write("s.csv", "zh,en\n周边,neighborhood\n")},
			"termlint: --style applies to Markdown tables (--format md) only: a csv file says its own\n"},
		{"missing file", []string{filepath.Join(dir, "nosuch.csv")},
			"nosuch.csv: no such file or directory\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, append([]string{"glossary", "import", "-o", out}, tc.args...)...)
			if code != exitBadInput || stdout != "" {
				t.Errorf("exit %d, stdout %q; want exit 2 and nothing", code, stdout)
			}
			if !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr %q, want it to contain %q", stderr, tc.stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written", out)
			}
		})
	}
}

// TestImportAdoptsIDs checks that an imported concept takes the id the
// glossary has for its Chinese term, references to it follow, and
// --keep-ids keeps the file's.
func TestImportAdoptsIDs(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "house.csv")
	// 周边外交 is zhoubian-waijiao in the default glossary; the file names
	// it periphery-diplomacy.
	if err := os.WriteFile(csv, []byte("id,zh,en,status,styles\nperiphery-diplomacy,周边外交,neighbourhood diplomacy,preferred,house\nxin-ci,新词,new word,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ids := func(args ...string) []string {
		t.Helper()
		code, out, errOut := runCLI(t, append([]string{"glossary", "import", csv}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		g, problems := glossary.Parse("out.yaml", []byte(out))
		if problems.Errors() > 0 {
			t.Fatal(problems)
		}
		var ids []string
		for _, c := range g.Concepts {
			ids = append(ids, c.ID)
		}
		return ids
	}
	if got, want := ids(), []string{"zhoubian-waijiao", "xin-ci"}; !slices.Equal(got, want) {
		t.Errorf("ids %q, want %q", got, want)
	}
	if got, want := ids("--keep-ids"), []string{"periphery-diplomacy", "xin-ci"}; !slices.Equal(got, want) {
		t.Errorf("--keep-ids: ids %q, want %q", got, want)
	}
	// Merged onto the default glossary, the import extends 周边外交.
	house := filepath.Join(dir, "house.yaml")
	importFile(t, csv, "-o", house)
	code, out, errOut := runCLI(t, "-g", "@default", "-g", house, "lookup", "--format", "json", "周边外交")
	if code != 0 || !strings.Contains(out, `"en": "neighbourhood diplomacy"`) || !strings.Contains(out, `"en": "periphery diplomacy"`) {
		t.Errorf("lookup on the merged glossary: exit %d, %s%s", code, out, errOut)
	}
}

// TestExportFlags checks the format chosen by --output's extension, the
// byte order mark and the errors of bad flags.
func TestExportFlags(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "terms.csv")
	if code, _, errOut := runCLI(t, "glossary", "export", "--bom", "-o", csv); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "\uFEFFzh,en,status,styles,sources,note\n") {
		t.Errorf("terms.csv begins %q", data[:min(len(data), 40)])
	}
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"--format", "xlsx"}, "termlint: invalid --format \"xlsx\": use json, yaml, tbx, csv, tsv\n"},
		{[]string{"--format", "tbx", "--tbx-version", "4"}, "termlint: invalid --tbx-version 4: use 3 (ISO 30042:2019) or 2 (martif)\n"},
	} {
		code, out, errOut := runCLI(t, append([]string{"glossary", "export"}, tc.args...)...)
		if code != exitBadInput || out != "" || errOut != tc.stderr {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errOut, tc.stderr)
		}
	}
}

// TestImportEncodings imports the encodings spreadsheets save glossaries
// in: GB18030 CSV (Excel on a Chinese Windows) and UTF-16 TSV with a byte
// order mark (Excel's "Unicode text").
func TestImportEncodings(t *testing.T) {
	const table = "zh\ten\n新词\tnew word\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(strings.ReplaceAll(table, "\t", ","))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(table)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, data := range map[string]string{"gb.csv": gb, "utf16.tsv": utf16} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runCLI(t, "glossary", "import", path)
		if code != 0 || !strings.Contains(out, "\n    zh: 新词\n") || !strings.Contains(out, "\n      - en: new word\n") {
			t.Errorf("%s: exit %d\n%s%s", name, code, out, errOut)
		}
	}
}
