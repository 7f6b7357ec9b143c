package iostreams

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/termlint/termlint/internal/escape"
)

// When the progress line appears and how often it is redrawn. A run over
// a handful of files is over before anyone would read a bar, so the bar
// waits until the run has more than progressMinItems files or has lasted
// progressDelay; redraws are throttled so that a fast scan does not spend
// its time writing to the terminal.
const (
	progressMinItems = 20
	progressDelay    = 200 * time.Millisecond
	progressInterval = 100 * time.Millisecond
	progressBarWidth = 24
)

// Progress is a one-line progress indicator on standard error, redrawn in
// place with carriage returns. It writes only when standard error is a
// terminal: in pipes, CI logs and tests it does nothing, so callers use it
// unconditionally; a nil *Progress does nothing too. Findings go to
// standard output; write to standard error through Printf while the
// indicator runs, and call Stop, which wipes the line, before writing
// anything else there. Its methods may be called from several goroutines.
//
// A run goes through phases (listing, then reading, say); a phase with an
// unknown total shows a count, one with a total shows a bar.
type Progress struct {
	w       io.Writer
	enabled bool // fixed at the start; Stop sets stopped
	now     func() time.Time

	mu      sync.Mutex
	stopped bool

	start, lastDraw time.Time
	label           string
	done, total     int
	// width is the length of the line on screen, 0 when none is.
	width int
}

// StartProgress returns a progress indicator for a run starting now; it
// draws nothing unless standard error is a terminal whose TERM is not
// dumb (editor shells that set it do not redraw a line in place).
func (s *IOStreams) StartProgress() *Progress {
	return newProgress(s.ErrOut, s.errTTY && !s.dumbTerm, time.Now)
}

func newProgress(w io.Writer, enabled bool, now func() time.Time) *Progress {
	return &Progress{w: w, enabled: enabled, now: now, start: now()}
}

// Phase starts a new phase: label says what is being done to the items
// ("reading", "scanning"), total is how many there are, 0 if unknown.
func (p *Progress) Phase(label string, total int) {
	if !p.lock() {
		return
	}
	defer p.mu.Unlock()
	p.label, p.done, p.total = label, 0, total
	p.update(true)
}

// Add records n more items done in the current phase.
func (p *Progress) Add(n int) {
	if !p.lock() {
		return
	}
	defer p.mu.Unlock()
	p.done += n
	p.update(false)
}

// Printf writes a message, which should end in a newline, to standard
// error while the indicator runs: it wipes the line if one is on screen,
// so that the message starts a clean line, and the next update draws the
// line again below it. It holds the lock that Add takes, so that a worker
// adding to the count cannot draw between the wipe and the message. It
// writes whether or not standard error is a terminal; unlike the other
// methods it needs a Progress from StartProgress, not a nil one. The
// message is escaped as IOStreams.Eprintf escapes it: it names files and
// quotes them.
func (p *Progress) Printf(format string, a ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.wipe()
	io.WriteString(p.w, escape.Line(fmt.Sprintf(format, a...)))
}

// Stop wipes the progress line, if one is on screen, leaving the cursor at
// the start of an empty line. Later calls to Phase and Add draw nothing.
func (p *Progress) Stop() {
	if p == nil || !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.wipe()
	p.stopped = true
}

// lock takes the lock of an indicator that draws and has not stopped, and
// reports whether it did; there is nothing to do otherwise.
func (p *Progress) lock() bool {
	if p == nil || !p.enabled {
		return false
	}
	p.mu.Lock()
	if p.stopped {
		p.mu.Unlock()
		return false
	}
	return true
}

// wipe clears the line, if one is on screen, leaving the cursor at its
// start.
func (p *Progress) wipe() {
	if p.width > 0 {
		fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.width)+"\r")
		p.width = 0
	}
}

// update draws the line if it is due: once the run is big or slow enough
// to deserve one, and then at most every progressInterval (or at once, for
// a new phase).
func (p *Progress) update(newPhase bool) {
	now := p.now()
	switch {
	case p.width == 0:
		if p.done <= progressMinItems && p.total <= progressMinItems && now.Sub(p.start) < progressDelay {
			return
		}
	case !newPhase && now.Sub(p.lastDraw) < progressInterval:
		return
	}
	line := p.line()
	// Pad over the end of a longer previous line rather than using an
	// erase escape, so that any terminal that knows '\r' is enough.
	pad := max(0, p.width-len(line))
	fmt.Fprint(p.w, "\r"+line+strings.Repeat(" ", pad))
	p.width = len(line) + pad
	p.lastDraw = now
}

// line is the text of the indicator, ASCII only so that its length is its
// width, and short enough (under 60 columns for totals below a million) not
// to wrap on any terminal, which would defeat the carriage return.
func (p *Progress) line() string {
	if p.total <= 0 {
		return fmt.Sprintf("%s %d files", p.label, p.done)
	}
	filled := min(progressBarWidth, progressBarWidth*p.done/p.total)
	bar := strings.Repeat("=", filled)
	if filled < progressBarWidth {
		bar += ">" + strings.Repeat(" ", progressBarWidth-filled-1)
	}
	return fmt.Sprintf("%s [%s] %d/%d files", p.label, bar, p.done, p.total)
}
