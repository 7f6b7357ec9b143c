//go:build race

package glossary_test

// raceEnabled is set when tests run with the race detector, under which
// the full-size comparisons would take minutes.
const raceEnabled = true
