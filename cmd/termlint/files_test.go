package main

import (
	"os"
	"path/filepath"
	"testing"
)

// writeText writes text to the file at path, making its directories.
func writeText(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeFiles writes files (slash-separated name -> content) into a new
// temporary directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		writeText(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	return dir
}
