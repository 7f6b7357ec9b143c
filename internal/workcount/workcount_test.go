package workcount

import "testing"

func TestCountsOnlyWhileCounting(t *testing.T) {
	var c Counter
	c.Add(5) // not counted: no Count runs
	if got := c.Count(func() { c.Add(2); c.Add(3) }); got != 5 {
		t.Errorf("counted %d, want 5", got)
	}
	c.Add(7)
	if got := c.Count(func() {}); got != 0 {
		t.Errorf("counted %d with nothing added, want 0", got)
	}
}
