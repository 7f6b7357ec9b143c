// Package gittest makes git repositories for tests: shielded from the
// user's and the system's git configuration, with a fixed author, so that
// a test gives the same result on every machine.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Isolate skips the test when git is not installed and shields every git
// the test runs, its own and the code's under test, from the user's and
// the system's configuration and from any repository above dir.
func Isolate(t *testing.T, dir string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
}

// Repo makes an empty repository in a new temporary directory, isolated
// as Isolate says, and returns the directory.
func Repo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	Isolate(t, dir)
	Run(t, dir, "init", "-q")
	return dir
}

// Run runs git in dir as a fixed author and committer, without the user's
// configuration, and returns its output with surrounding space trimmed;
// a failure fails the test.
func Run(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}
