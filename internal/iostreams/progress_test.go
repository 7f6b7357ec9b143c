package iostreams

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

// fakeClock is a clock the test moves by hand, so that no test waits or
// depends on how fast it runs.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestProgressNotATerminal(t *testing.T) {
	ios, _, _, errOut := Test()
	p := ios.StartProgress()
	p.Phase("reading", 0)
	p.Add(500)
	p.Phase("scanning", 500)
	p.Add(500)
	p.Stop()
	if errOut.Len() != 0 {
		t.Errorf("progress on a non-terminal wrote %q", errOut.String())
	}
}

func TestProgressTerminalFlagEnables(t *testing.T) {
	ios, _, _, errOut := Test()
	ios.SetStderrTTY(true)
	if !ios.IsStderrTTY() {
		t.Fatal("SetStderrTTY(true) did not take")
	}
	p := ios.StartProgress()
	p.Phase("scanning", 100)
	p.Stop()
	if !strings.HasPrefix(errOut.String(), "\rscanning [") {
		t.Errorf("progress on a terminal wrote %q, want a bar", errOut.String())
	}
}

func TestProgressSmallFastRunDrawsNothing(t *testing.T) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Unix(0, 0)}
	p := newProgress(&buf, true, clock.now)
	p.Phase("reading", 0)
	for range progressMinItems {
		p.Add(1)
		clock.advance(time.Millisecond)
	}
	p.Phase("scanning", progressMinItems)
	p.Add(progressMinItems)
	p.Stop()
	if buf.Len() != 0 {
		t.Errorf("a run of %d files in %v drew %q", progressMinItems, 2*progressMinItems*time.Millisecond, buf.String())
	}
}

func TestProgressManyFiles(t *testing.T) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Unix(0, 0)}
	p := newProgress(&buf, true, clock.now)

	// More files than the threshold: the bar is drawn as the phase starts,
	// and then no more often than the interval allows.
	p.Phase("scanning", 40)
	first := "\rscanning [>                       ] 0/40 files"
	if buf.String() != first {
		t.Fatalf("phase start drew %q, want %q", buf.String(), first)
	}
	p.Add(10)
	if buf.String() != first {
		t.Fatalf("redrawn before the interval: %q", buf.String())
	}
	clock.advance(progressInterval)
	p.Add(10)
	second := "\rscanning [============>           ] 20/40 files"
	if buf.String() != first+second {
		t.Fatalf("after the interval: %q, want %q", buf.String(), first+second)
	}
	clock.advance(progressInterval)
	p.Add(20)
	third := "\rscanning [========================] 40/40 files"
	if buf.String() != first+second+third {
		t.Fatalf("at the end: %q, want %q", buf.String(), first+second+third)
	}

	// Stop wipes exactly the width drawn and returns to the line's start.
	buf.Reset()
	p.Stop()
	if want := "\r" + strings.Repeat(" ", len(third)-1) + "\r"; buf.String() != want {
		t.Errorf("Stop wrote %q, want %q", buf.String(), want)
	}
	buf.Reset()
	p.Add(1)
	p.Stop()
	if buf.Len() != 0 {
		t.Errorf("after Stop: %q", buf.String())
	}
}

func TestProgressSlowRun(t *testing.T) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Unix(0, 0)}
	p := newProgress(&buf, true, clock.now)
	p.Phase("reading", 0)
	p.Add(2)
	if buf.Len() != 0 {
		t.Fatalf("drawn before the delay: %q", buf.String())
	}
	clock.advance(progressDelay)
	p.Add(1)
	if want := "\rreading 3 files"; buf.String() != want {
		t.Fatalf("after the delay: %q, want %q", buf.String(), want)
	}
	// A new phase draws at once, padding over the longer line before it.
	buf.Reset()
	p.Phase("scanning", 3)
	if want := "\rscanning [>                       ] 0/3 files"; buf.String() != want {
		t.Fatalf("new phase: %q, want %q", buf.String(), want)
	}
	buf.Reset()
	p.Phase("x", 0)
	wide := len("scanning [>                       ] 0/3 files")
	if want := "\rx 0 files" + strings.Repeat(" ", wide-len("x 0 files")); buf.String() != want {
		t.Fatalf("shorter line: %q, want %q", buf.String(), want)
	}
	buf.Reset()
	p.Stop()
	if want := "\r" + strings.Repeat(" ", wide) + "\r"; buf.String() != want {
		t.Errorf("Stop after a shorter line wrote %q, want %q", buf.String(), want)
	}
}

func TestProgressPrintfWipesAndRedraws(t *testing.T) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Unix(0, 0)}
	p := newProgress(&buf, true, clock.now)
	p.Phase("reading", 40)
	line := "\rreading [>                       ] 0/40 files"
	buf.Reset()
	p.Printf("termlint: %s\n", "open gone.txt: no such file or directory")
	wipe := "\r" + strings.Repeat(" ", len(line)-1) + "\r"
	if want := wipe + "termlint: open gone.txt: no such file or directory\n"; buf.String() != want {
		t.Fatalf("Printf wrote %q, want %q", buf.String(), want)
	}
	// The next update draws the line again under the message, without
	// waiting for the redraw interval: there is no line on screen.
	buf.Reset()
	p.Add(20)
	if want := "\rreading [============>           ] 20/40 files"; buf.String() != want {
		t.Fatalf("after Printf, Add drew %q, want %q", buf.String(), want)
	}
	// With no line on screen, Printf wipes nothing.
	p.Stop()
	buf.Reset()
	p.Printf("done\n")
	if buf.String() != "done\n" {
		t.Errorf("Printf after Stop wrote %q", buf.String())
	}
}

func TestProgressPrintfNotATerminal(t *testing.T) {
	ios, _, _, errOut := Test()
	p := ios.StartProgress()
	p.Phase("reading", 100)
	p.Add(50)
	p.Printf("termlint: %d\n", 1)
	p.Stop()
	if errOut.String() != "termlint: 1\n" {
		t.Errorf("stderr %q, want only the message", errOut.String())
	}
}

// TestProgressConcurrentWorkers has workers add to the count while
// messages are printed: every message must start a clean line (after a
// wipe or another message), never follow a progress line on screen. Run
// with -race, it also checks the locking.
func TestProgressConcurrentWorkers(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, true, time.Now)
	p.Phase("reading", 4*200)
	done := make(chan bool)
	for range 4 {
		go func() {
			for range 200 {
				p.Add(1)
			}
			done <- true
		}()
	}
	for i := range 50 {
		p.Printf("message %d\n", i)
	}
	for range 4 {
		<-done
	}
	p.Stop()
	out := buf.String()
	for i := range 50 {
		msg := fmt.Sprintf("message %d\n", i)
		at := strings.Index(out, msg)
		if at < 0 {
			t.Fatalf("%q missing from %q", msg, out)
		}
		if at > 0 && out[at-1] != '\r' && out[at-1] != '\n' {
			t.Fatalf("%q written after a progress line: %q", msg, out[max(0, at-60):at+len(msg)])
		}
	}
	if !strings.HasSuffix(out, "\r") && !strings.HasSuffix(out, "\n") {
		t.Errorf("the line is not wiped at the end: %q", out[max(0, len(out)-60):])
	}
}
