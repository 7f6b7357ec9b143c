// Package workcount counts units of work for the doubling tests, which
// bound how work grows by counting it rather than timing it: allocations
// do not show a loop that compares without allocating.
package workcount

import "sync/atomic"

// Counter counts work only while Count runs, so that the code it sits in
// pays one atomic load per Add the rest of the time. The zero value is
// ready to use.
type Counter struct {
	on atomic.Bool
	n  atomic.Int64
}

// Add counts n units of work, if a Count is running.
func (c *Counter) Add(n int) {
	if c.on.Load() {
		c.n.Add(int64(n))
	}
}

// Count runs f and returns the work counted meanwhile. Tests that count
// the same Counter must not run in parallel.
func (c *Counter) Count(f func()) int64 {
	c.on.Store(true)
	defer c.on.Store(false)
	before := c.n.Load()
	f()
	return c.n.Load() - before
}
