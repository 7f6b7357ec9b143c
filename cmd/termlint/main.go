// Command termlint keeps English translations of Chinese texts
// terminologically consistent: it looks up how a term has been rendered and
// checks drafts against a curated glossary.
//
// Exit status: 0 success, 1 nothing found (lookup) or findings at or above
// --fail-on (check), 2 a usage, configuration or input error.
package main

import (
	"os"

	"github.com/termlint/termlint/internal/iostreams"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], iostreams.System()))
}
