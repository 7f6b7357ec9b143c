package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target when GOGC is not set.
//
// A check allocates about five bytes per byte of Markdown it reads
// (goldmark's syntax trees) and keeps little of it: per file only findings
// and quoted lines. With Go's default of 100 the collector runs every few
// megabytes and takes a fifth of the CPU time; at 400 it runs a quarter as
// often, for a heap that peaks a few times higher but still small, because
// what is live at any moment is the files the workers hold and the glossary.
const gcPercent = 400

// tuneGC sets the collector's target unless the user has chosen one with
// GOGC, which also lets the benchmarks compare settings.
func tuneGC() {
	if _, ok := os.LookupEnv("GOGC"); !ok {
		debug.SetGCPercent(gcPercent)
	}
}
