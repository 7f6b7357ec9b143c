package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target when GOGC is not set.
//
// A check allocates about five bytes per byte of Markdown it reads
// (goldmark's syntax trees) and keeps little of it: per file only findings
// and quoted lines, in --scope all a few bytes per use of a rendering.
// With Go's default of 100 the collector runs every few megabytes and took
// a fifth of the CPU time. At 200 it runs half as often for a heap that
// peaks at three times what is live instead of twice; 400 saved a little
// more time but brought --scope all on the 100 MB bench corpus to 143 MB,
// too close to the 150 MB it must stay under.
const gcPercent = 200

// tuneGC sets the collector's target unless the user has chosen one with
// GOGC, which also lets the benchmarks compare settings.
func tuneGC() {
	if _, ok := os.LookupEnv("GOGC"); !ok {
		debug.SetGCPercent(gcPercent)
	}
}
