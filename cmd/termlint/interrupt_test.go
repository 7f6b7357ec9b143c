//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/termlint/termlint/internal/iostreams"
)

// interruptChildEnv, set, makes TestFixInterrupted the child process:
// termlint check --fix over the files of that folder, paused before the
// second file is written until a signal comes.
const interruptChildEnv = "TERMLINT_INTERRUPT_CHILD"

// TestFixInterrupted sends SIGINT, then SIGTERM, to a termlint check
// --fix (this test binary run again as the child) while it writes the
// second of four files: the file in hand is finished, the rest are left
// as they were, no temporary file stays, stderr names the files fixed and
// not fixed, and the exit status is 128 plus the signal's number.
func TestFixInterrupted(t *testing.T) {
	if dir := os.Getenv(interruptChildEnv); dir != "" {
		interruptChild(dir)
		return
	}
	names := []string{"a.md", "b.md", "c.md", "d.md"}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range names {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(inconsistentDraft), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestFixInterrupted$")
			cmd.Env = append(os.Environ(), interruptChildEnv+"="+dir)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			paused := filepath.Join(dir, "paused")
			for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(10 * time.Millisecond) {
				if _, err := os.Stat(paused); err == nil {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("the child never paused:\n%s", &stderr)
				}
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "sent"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 128+int(sig) {
				t.Errorf("child ended with %v, want exit status %d", err, 128+int(sig))
			}
			for i, name := range names {
				got, _ := os.ReadFile(filepath.Join(dir, name))
				if fixed := string(got) != inconsistentDraft; fixed != (i < 2) {
					t.Errorf("%s fixed: %v, want %v", name, fixed, i < 2)
				}
			}
			entries, _ := os.ReadDir(dir)
			var left []string
			for _, e := range entries {
				if !slices.Contains(names, e.Name()) && e.Name() != "paused" && e.Name() != "sent" {
					left = append(left, e.Name())
				}
			}
			if len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
			want := "termlint: interrupted (" + sig.String() + "): 2 files fixed, 2 files not fixed\n" +
				"termlint: fixed: " + filepath.Join(dir, "a.md") + "\ntermlint: fixed: " + filepath.Join(dir, "b.md") + "\n" +
				"termlint: not fixed: " + filepath.Join(dir, "c.md") + "\ntermlint: not fixed: " + filepath.Join(dir, "d.md") + "\n"
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("stderr:\n%s\nwant it to hold:\n%s", &stderr, want)
			}
		})
	}
}

// interruptChild is the child of TestFixInterrupted: it fixes the files
// of dir and exits with termlint's status.
//
// The child does not catch the signal itself (that would change what the
// signal does): it waits for the file the parent writes once the signal
// is sent, and a little longer for the runtime to hand it on.
func interruptChild(dir string) {
	calls := 0
	beforeReplace = func(path string) {
		if calls++; calls == 2 {
			os.WriteFile(filepath.Join(dir, "paused"), nil, 0o644)
			for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
				if _, err := os.Stat(filepath.Join(dir, "sent")); err == nil {
					time.Sleep(100 * time.Millisecond)
					break
				}
			}
		}
	}
	args := []string{"check", "--fix"}
	for _, name := range []string{"a.md", "b.md", "c.md", "d.md"} {
		args = append(args, filepath.Join(dir, name))
	}
	os.Exit(run(args, iostreams.System()))
}
