package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/termlint/termlint/internal/gittest"
	"github.com/termlint/termlint/internal/sarifschema"
)

// sarifPlaces runs check --format sarif in dir on the file named and
// returns the log's %SRCROOT% and its first result's artifact location.
func sarifPlaces(t *testing.T, dir, file string) (root, uri, base string) {
	t.Helper()
	t.Chdir(dir)
	code, out, errOut := runCLI(t, "check", "--format", "sarif", file)
	if code != exitFound {
		t.Fatalf("exit %d, want %d: %s", code, exitFound, errOut)
	}
	sarifschema.Validate(t, []byte(out))
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string
							URIBaseID string `json:"uriBaseId"`
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Fatalf("%v: want one run with results:\n%s", err, out)
	}
	run := log.Runs[0]
	a := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	return run.OriginalURIBaseIDs["%SRCROOT%"].URI, a.URI, a.URIBaseID
}

// TestCheckSARIFFromRepositoryRoot checks that SARIF locates a file
// checked from a subfolder of a repository relative to the repository's
// top, as GitHub code scanning resolves it, and names that top.
func TestCheckSARIFFromRepositoryRoot(t *testing.T) {
	repo := gittest.Repo(t)
	sub := filepath.Join(repo, "chapters")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "one.md"), []byte("Our old notes still say One Belt, One Road.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, uri, base := sarifPlaces(t, sub, "one.md")
	if want := "file://" + filepath.ToSlash(repo) + "/"; root != want {
		t.Errorf("%%SRCROOT%% %q, want %q", root, want)
	}
	if uri != "chapters/one.md" || base != "%SRCROOT%" {
		t.Errorf("artifact %q under %q, want chapters/one.md under %%SRCROOT%%", uri, base)
	}
}

// TestCheckSARIFOutsideRepository checks that outside a git work tree
// %SRCROOT% is the working directory.
func TestCheckSARIFOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	gittest.Isolate(t, dir)
	if err := os.WriteFile(filepath.Join(dir, "two.md"), []byte("A draft that writes One Belt, One Road.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, uri, base := sarifPlaces(t, dir, "two.md")
	if want := "file://" + filepath.ToSlash(dir) + "/"; root != want || uri != "two.md" || base != "%SRCROOT%" {
		t.Errorf("%%SRCROOT%% %q, artifact %q under %q; want %s, two.md under %%SRCROOT%%", root, uri, base, want)
	}
}
