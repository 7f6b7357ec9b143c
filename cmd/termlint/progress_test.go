package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/iostreams"
)

// manyFiles writes n small drafts, each rendering 周边工作 two ways, into a
// temporary directory and returns it.
func manyFiles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		text := fmt.Sprintf("Chapter %d discusses periphery work at length.\nIts last page turns to neighborhood work instead.\n", i+1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("chapter-%02d.txt", i+1)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheckProgressOnTerminal(t *testing.T) {
	dir := manyFiles(t, 25)
	ios, _, out, errOut := iostreams.Test()
	ios.SetStderrTTY(true)
	code := run([]string{"check", dir, "missing.txt"}, ios)
	if code != exitBadInput {
		t.Errorf("exit %d, want %d (one path is missing)", code, exitBadInput)
	}
	stderr := errOut.String()
	// 25 files is over the threshold: the bar shows however fast the run.
	if !strings.HasPrefix(stderr, "\rlisting ") || !strings.Contains(stderr, "\rreading [") {
		t.Fatalf("stderr on a terminal has no progress line:\n%q", stderr)
	}
	// The line is wiped before the error about the missing path, which
	// starts a clean line.
	wipe := strings.Index(stderr, "termlint: ")
	if wipe < 0 {
		t.Fatalf("stderr lacks the error about missing.txt: %q", stderr)
	}
	before := stderr[:wipe]
	last := strings.LastIndex(strings.TrimSuffix(before, "\r"), "\r")
	if !strings.HasSuffix(before, "\r") || strings.Trim(before[last:], "\r ") != "" {
		t.Errorf("the progress line is not wiped before the error: %q", before)
	}
	if rest := stderr[wipe:]; strings.Contains(rest, "\r") {
		t.Errorf("progress drawn after it was stopped: %q", rest)
	}
	if strings.Contains(out.String(), "\r") {
		t.Error("progress written to standard output")
	}
	if !strings.Contains(out.String(), "in 25 files") {
		t.Errorf("findings missing from standard output:\n%s", out.String())
	}
}

func TestCheckNoProgressWhenPiped(t *testing.T) {
	dir := manyFiles(t, 25)
	ios, _, out, errOut := iostreams.Test() // standard error is not a terminal
	code := run([]string{"check", dir}, ios)
	if code != exitFound {
		t.Errorf("exit %d, want %d", code, exitFound)
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr when piped: %q", errOut.String())
	}
	if !strings.Contains(out.String(), "in 25 files") {
		t.Errorf("findings missing from standard output:\n%s", out.String())
	}
}
