package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/gittest"
)

// TestVersionFlag checks that --version never says "(devel)", which
// names no build: a build that recorded no version says how to get one.
func TestVersionFlag(t *testing.T) {
	code, out, errOut := runCLI(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "termlint version ") || strings.Contains(out, "(devel)") {
		t.Errorf("--version: exit %d, %q %q; want a version or how to get one", code, out, errOut)
	}
}

// TestVersionFromBuild builds termlint from a git commit of its sources,
// as go build in a clone does, and checks that --version and SARIF's
// tool.driver name that commit, with +dirty once the work tree changes;
// and that a build that recorded nothing takes the version stamped at
// link time, as the GitHub Action's build does.
func TestVersionFromBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not building termlint three times")
	}
	for _, tool := range []string{"git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	src := copySources(t)
	gittest.Isolate(t, src)
	gittest.Run(t, src, "init", "-q")
	gittest.Run(t, src, "add", "-A")
	gittest.Run(t, src, "commit", "-q", "-m", "sources")
	rev := gittest.Run(t, src, "rev-parse", "HEAD")[:12]

	clean := buildTermlint(t, src, "-buildvcs=true")
	want := regexp.MustCompile(`^v0\.0\.0-\d{14}-` + rev + `$`)
	if v := versionOf(t, clean); !want.MatchString(v) {
		t.Errorf("a build of commit %s says version %q, want v0.0.0-TIME-%s", rev, v, rev)
	} else {
		checkSARIFVersion(t, clean, v)
	}

	if err := os.WriteFile(filepath.Join(src, "NOTES"), []byte("uncommitted\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if v := versionOf(t, buildTermlint(t, src, "-buildvcs=true")); !strings.HasSuffix(v, rev+"+dirty") {
		t.Errorf("a build of a modified work tree says version %q, want ...%s+dirty", v, rev)
	}

	stamped := buildTermlint(t, src, "-buildvcs=false", "-ldflags=-X github.com/termlint/termlint/internal/version.stamped=v9.8.7")
	if v := versionOf(t, stamped); v != "v9.8.7" {
		t.Errorf("a build without git information stamped v9.8.7 says version %q", v)
	}
}

// copySources copies the repository's files, tracked and untracked but
// not ignored, into a new directory without its git metadata.
func copySources(t *testing.T) string {
	t.Helper()
	top := filepath.Join("..", "..")
	out, err := exec.Command("git", "-C", top, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("not in a git work tree: %v", err)
	}
	dst := t.TempDir()
	for name := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(top, name))
		if os.IsNotExist(err) {
			continue // deleted, not yet staged
		} else if err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// buildTermlint builds ./cmd/termlint in src with the flags and returns
// the binary.
func buildTermlint(t *testing.T, src string, flags ...string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "termlint")
	cmd := exec.Command("go", append(append([]string{"build", "-trimpath", "-o", bin}, flags...), "./cmd/termlint")...)
	cmd.Dir = src
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", strings.Join(flags, " "), err, out)
	}
	return bin
}

// versionOf is what bin --version says its version is.
func versionOf(t *testing.T, bin string) string {
	t.Helper()
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version: %v", bin, err)
	}
	v, ok := strings.CutPrefix(strings.TrimSuffix(string(out), "\n"), "termlint version ")
	if !ok {
		t.Fatalf("--version: %q", out)
	}
	return v
}

// checkSARIFVersion checks that bin's SARIF names version v.
func checkSARIFVersion(t *testing.T, bin, v string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "d.md"), []byte("Nothing to report here.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "check", "--format", "sarif", "d.md")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("check --format sarif: %v", err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Version, SemanticVersion string }
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("%v:\n%s", err, out)
	}
	d := log.Runs[0].Tool.Driver
	if d.Version != v || d.SemanticVersion != strings.TrimPrefix(v, "v") {
		t.Errorf("SARIF driver version %q, semanticVersion %q; --version says %q", d.Version, d.SemanticVersion, v)
	}
}
