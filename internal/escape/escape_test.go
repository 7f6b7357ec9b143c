package escape

import "testing"

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"draft.md":                              "draft.md",
		`C:\texts\周边.md`:                        `C:\texts\周边.md`,
		"a\tb":                                  "a\tb",
		"x\n::error file=README.md::forged\n":   `x\n::error file=README.md::forged\n`,
		"red\x1b[31m!":                          `red\x1b[31m!`,
		"cr\rlf\r\n":                            `cr\rlf\r\n`,
		"nul\x00 del\x7f":                       `nul\x00 del\x7f`,
		"c1 \u009b31m \u0085":                   `c1 \u009b31m \u0085`,
		"bidi \u202eabc\u2066 ls\u2028ps\u2029": `bidi \u202eabc\u2066 ls\u2028ps\u2029`,
		"bad \xff\xe5\x91 utf8":                 `bad \xff\xe5\x91 utf8`,
		"“quotes” — and 𐐀":                      "“quotes” — and 𐐀",
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKeeping(t *testing.T) {
	if got, want := Keeping("a\r\nb\x1b\tc", "\r\n"), "a\r\nb\\x1b\\tc"; got != want {
		t.Errorf("Keeping = %q, want %q", got, want)
	}
}

// TestTextUnchangedDoesNotAllocate checks the common case, a name that
// needs nothing, costs nothing.
func TestTextUnchangedDoesNotAllocate(t *testing.T) {
	s := "speeches/2019/周边外交.md"
	if n := testing.AllocsPerRun(100, func() { _ = Text(s) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"termlint: a\nb.md: skipped\n": "termlint: a\\nb.md: skipped\n",
		"no newline\x1b":               `no newline\x1b`,
		"\n":                           "\n",
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}
