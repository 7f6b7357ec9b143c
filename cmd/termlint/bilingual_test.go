package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/fixture"
)

// TestBriefSeed002 runs lookup --in over seed 002, Chinese extracted from
// a PDF, and expects 周边命运共同体 counted wherever it occurs, also where a
// line break falls inside it.
func TestBriefSeed002(t *testing.T) {
	seed, data := fixture.SharedFile(t, "seeds/002_*.txt")
	squeezed := regexp.MustCompile(`\s+`).ReplaceAllString(string(data), "")
	want := strings.Count(squeezed, "周边命运共同体")
	if broken := want - strings.Count(string(data), "周边命运共同体"); broken == 0 {
		t.Fatalf("seed 002 no longer breaks 周边命运共同体 across lines")
	}
	code, out, errOut := runCLI(t, "lookup", "--in", "--format", "json", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var brief briefJSON
	if err := json.Unmarshal([]byte(out), &brief); err != nil {
		t.Fatal(err)
	}
	for _, c := range brief.Concepts {
		if c.ZH == "周边命运共同体" {
			if c.Count != want {
				t.Errorf("周边命运共同体 counted %d times, want %d", c.Count, want)
			}
			if len(c.Renderings) == 0 || c.Renderings[0].Status != "preferred" {
				t.Errorf("renderings do not start with a preferred one: %+v", c.Renderings)
			}
			return
		}
	}
	t.Fatalf("周边命运共同体 not in the brief: %s", out)
}

// TestCheckSourceTarget checks a Chinese file against its translation and
// refuses files that do not align.
func TestCheckSourceTarget(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		writeText(t, p, text)
		return p
	}
	zh := write("zh.txt", "做好周边工作。\n\n推进互联互通。\n")
	en := write("en.txt", "Do neighborhood work well.\n\nMove forward.\n")
	code, out, errOut := runCLI(t, "check", "--source", zh, "--target", en)
	if code != 1 || !strings.Contains(out, "zh.txt:3:3: warning missing: 互联互通") {
		t.Fatalf("exit %d, want 1 and a missing 互联互通 in zh.txt:\n%s%s", code, out, errOut)
	}
	// A notice about the source file is printed too.
	bad := write("bad-zh.txt", "做好周边工作。\xff\n\n推进互联互通。\n")
	code, _, errOut = runCLI(t, "check", "--source", bad, "--target", en)
	if code != 1 || !strings.Contains(errOut, "bad-zh.txt:1:8: invalid UTF-8 (byte 0xFF)") {
		t.Fatalf("exit %d, want 1 and a notice of the source's invalid UTF-8: %s", code, errOut)
	}
	short := write("short.txt", "Do neighborhood work well.\n")
	code, _, errOut = runCLI(t, "check", "--source", zh, "--target", short)
	if code != 2 || !strings.Contains(errOut, "2 paragraphs") {
		t.Fatalf("exit %d, want 2 and a paragraph count error: %s", code, errOut)
	}
	code, _, errOut = runCLI(t, "check", "--source", zh)
	if code != 2 || !strings.Contains(errOut, "--target") {
		t.Fatalf("exit %d, want 2 for --source alone: %s", code, errOut)
	}
}

// TestCheckBilingualFlags covers --bilingual off and a bad --encoding.
func TestCheckBilingualFlags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pair.md")
	if err := os.WriteFile(path, []byte("We plan work.\n\n我们规划周边工作。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "check", path)
	if code != 1 || !strings.Contains(out, "missing: 周边工作") {
		t.Fatalf("exit %d, want the pair read as bilingual:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "check", "--bilingual", "off", path)
	if code != 0 {
		t.Fatalf("exit %d, want nothing found with --bilingual off:\n%s", code, out)
	}
	for _, args := range [][]string{{"--bilingual", "maybe"}, {"--encoding", "klingon"}} {
		code, _, errOut := runCLI(t, append(append([]string{"check"}, args...), path)...)
		if code != 2 || !strings.Contains(errOut, args[0]) {
			t.Errorf("%v: exit %d, want 2 naming the flag: %s", args, code, errOut)
		}
	}
}

// TestCheckEncodingAndColumns reads a GBK file detected and named alike,
// and fails on a CSV column that is not there.
func TestCheckEncodingAndColumns(t *testing.T) {
	const gbk = "../../testdata/examples/notes-gbk.txt"
	_, detected, _ := runCLI(t, "check", "--format", "json", gbk)
	code, named, errOut := runCLI(t, "check", "--format", "json", "--encoding", "gbk", gbk)
	if code != 1 || named != detected || !strings.Contains(named, `"text": "periphery work"`) {
		t.Fatalf("exit %d; named and detected GBK differ or miss the finding:\n%s\n%s%s", code, detected, named, errOut)
	}
	code, _, errOut = runCLI(t, "check", "--en-column", "译文", "../../testdata/examples/sheet.csv")
	if code != 2 || !strings.Contains(errOut, `sheet.csv: no column named "译文"`) {
		t.Fatalf("exit %d, want 2 naming the file and column: %s", code, errOut)
	}
	code, out, _ := runCLI(t, "check", "--zh-column", "source text", "--en-column", "3", "../../testdata/examples/sheet.csv")
	if code != 1 || !strings.Contains(out, "sheet.csv:5:5: warning missing: 周边外交") {
		t.Fatalf("exit %d, want the columns by header and number:\n%s", code, out)
	}
}

// TestCheckSiblings: a Chinese file and its English sibling in one folder
// (x.zh.txt and x.en.txt, x.zh and x.en) are checked as a pair; siblings
// that do not align are read apart, with a notice, and are no error.
func TestCheckSiblings(t *testing.T) {
	const dir = "../../testdata/siblings"
	code, out, errOut := runCLI(t, "check", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s%s", code, out, errOut)
	}
	if !strings.Contains(out, dir+"/report.zh.txt:1:6: warning missing: 周边外交") || strings.Count(out, " missing: ") != 1 {
		t.Errorf("want one missing finding, in report.zh.txt:\n%s", out)
	}
	if !strings.Contains(out, "in 3 files") {
		t.Errorf("want three documents (two pairs and one file read on its own):\n%s", out)
	}
	if !strings.Contains(errOut, dir+"/short.en.md: not read against its Chinese sibling "+dir+"/short.zh.md") {
		t.Errorf("want a notice for the siblings that do not align: %q", errOut)
	}
	code, out, _ = runCLI(t, "check", "--bilingual", "off", dir)
	if code != 0 || strings.Contains(out, "missing") {
		t.Errorf("--bilingual off pairs nothing: exit %d\n%s", code, out)
	}
}

func TestSiblingName(t *testing.T) {
	tests := map[string]string{
		"a.zh": "a.en", "a.zh.txt": "a.en.txt", "notes.zh.md": "notes.en.md",
		"a.txt": "", ".zh": "", "zh.txt": "", "a.zh-cn.txt": "", "a.en": "",
	}
	for name, want := range tests {
		if got := siblingName(name); got != want {
			t.Errorf("siblingName(%q) = %q, want %q", name, got, want)
		}
	}
}
