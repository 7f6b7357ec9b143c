package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/termlint/termlint/internal/escape"
)

// writeGuard holds off SIGINT and SIGTERM while termlint writes files: a
// signal is noted, the file in hand is finished (atomicfile writes it
// whole and removes its temporary file), and the command stops before the
// next file, says which files were written and which were not, and exits
// with 128 plus the signal's number, as a shell reports a process the
// signal ended. Without it the signal would end the process with a
// temporary file left behind and no word of which files were fixed.
type writeGuard struct {
	signals chan os.Signal
	got     os.Signal
}

// guardWrites starts holding off the signals; stop ends it.
func guardWrites() *writeGuard {
	g := &writeGuard{signals: make(chan os.Signal, 1)}
	notifySignals(g.signals)
	return g
}

// notifySignals relays SIGINT and SIGTERM to c; tests send on c instead.
var notifySignals = func(c chan<- os.Signal) { signal.Notify(c, os.Interrupt, syscall.SIGTERM) }

// stop gives the signals their default action back; a signal noted and
// not yet acted on is kept for interrupted.
func (g *writeGuard) stop() {
	signal.Stop(g.signals)
	g.interrupted()
}

// interrupted returns the signal received since guardWrites, or nil.
func (g *writeGuard) interrupted() os.Signal {
	if g.got == nil {
		select {
		case g.got = <-g.signals:
		default:
		}
	}
	return g.got
}

// exit reports what an interrupted run wrote (done: "fixed", say) and did
// not, and returns the error that ends it with the signal's status.
func (g *writeGuard) exit(w io.Writer, done string, written, unwritten []string) error {
	fmt.Fprintf(w, "termlint: interrupted (%v): %s %s, %s not %[3]s\n", g.got, plural(len(written), "file"), done, plural(len(unwritten), "file"))
	for _, name := range written {
		io.WriteString(w, escape.Line(fmt.Sprintf("termlint: %s: %s\n", done, name)))
	}
	for _, name := range unwritten {
		io.WriteString(w, escape.Line(fmt.Sprintf("termlint: not %s: %s\n", done, name)))
	}
	return &exitError{signalStatus(g.got)}
}

// signalStatus is the exit status of a process ended by sig: 130 for
// SIGINT, 143 for SIGTERM.
func signalStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + int(syscall.SIGINT)
}
