package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
)

// TestCheckSameFileOnce: a file reached by several paths on the command
// line, or through a symbolic link in a directory walked, is checked and
// reported once, under the first path that reached it (issue 20, item 14).
func TestCheckSameFileOnce(t *testing.T) {
	const inconsistent = "neighborhood diplomacy and then periphery diplomacy\n"
	dir := writeFiles(t, map[string]string{"a.md": inconsistent, "docs/x.md": inconsistent})
	t.Chdir(dir)
	symlink(t, filepath.Join("..", "a.md"), "docs/link.md")
	code, out, errOut := runCLI(t, "--no-config", "check", "--format", "json",
		"a.md", "./a.md", "docs", "docs/x.md", filepath.Join(dir, "a.md"), "docs/link.md")
	if code != exitFound {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	var report struct {
		Findings []struct{ File string }
		Summary  struct{ Files int }
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range report.Findings {
		files = append(files, f.File)
	}
	if want := []string{"a.md", "docs/x.md"}; !slices.Equal(files, want) || report.Summary.Files != 2 {
		t.Errorf("findings in %q, %d files; want one each in %q, 2 files", files, report.Summary.Files, want)
	}
}
