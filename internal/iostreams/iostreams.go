// Package iostreams carries a command's standard streams and what it needs
// to know about them: whether each is a terminal and whether to colour.
// Commands write through an IOStreams value, never to os.Stdout, so that
// tests capture their output and decide colour deterministically.
package iostreams

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"

	"github.com/termlint/termlint/internal/escape"
)

// ColorMode is when to colour output.
type ColorMode string

// The colour modes the --color flag takes.
const (
	ColorAuto   ColorMode = "auto"
	ColorAlways ColorMode = "always"
	ColorNever  ColorMode = "never"
)

// IOStreams is the standard input, output and error of a command.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	outTTY, errTTY bool
	// dumbTerm records TERM=dumb: no progress line redrawn in place.
	dumbTerm bool
	// noColorEnv records NO_COLOR or TERM=dumb in the environment.
	noColorEnv bool
	mode       ColorMode
}

// System returns the process's streams.
func System() *IOStreams {
	return &IOStreams{
		In:         os.Stdin,
		Out:        color.Output, // colorable stdout: escapes work on Windows consoles too
		ErrOut:     color.Error,
		outTTY:     isTerminal(os.Stdout),
		errTTY:     isTerminal(os.Stderr),
		dumbTerm:   os.Getenv("TERM") == "dumb",
		noColorEnv: os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb",
		mode:       ColorAuto,
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// Test returns streams over buffers, none of them a terminal, with the
// buffers for standard input, output and error.
func Test() (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, mode: ColorAuto}, in, out, errOut
}

// Eprintf writes a message to standard error, formatted as fmt.Sprintf
// formats it and escaped by escape.Line: a file name or a piece of a text
// in it cannot break the line, forge a GitHub workflow command or reach
// the terminal as a control sequence.
func (s *IOStreams) Eprintf(format string, a ...any) {
	io.WriteString(s.ErrOut, escape.Line(fmt.Sprintf(format, a...)))
}

// SetStdoutTTY pretends, for tests, that standard output is a terminal or not.
func (s *IOStreams) SetStdoutTTY(tty bool) { s.outTTY = tty }

// SetStderrTTY pretends, for tests, that standard error is a terminal or not.
func (s *IOStreams) SetStderrTTY(tty bool) { s.errTTY = tty }

// IsStderrTTY reports whether standard error is a terminal, where a
// progress line may be drawn.
func (s *IOStreams) IsStderrTTY() bool { return s.errTTY }

// SetNoColorEnv pretends, for tests, that NO_COLOR is set or not.
func (s *IOStreams) SetNoColorEnv(set bool) { s.noColorEnv = set }

// SetColorMode sets when to colour; it rejects anything but auto, always
// and never.
func (s *IOStreams) SetColorMode(mode string) error {
	switch ColorMode(mode) {
	case ColorAuto, ColorAlways, ColorNever:
		s.mode = ColorMode(mode)
		return nil
	}
	return fmt.Errorf("invalid --color %q: use auto, always or never", mode)
}

// ColorEnabled reports whether standard output is coloured: always with
// --color always, never with --color never, and otherwise only on a
// terminal without NO_COLOR or TERM=dumb.
func (s *IOStreams) ColorEnabled() bool {
	switch s.mode {
	case ColorAlways:
		return true
	case ColorNever:
		return false
	}
	return s.outTTY && !s.noColorEnv
}

// ColorScheme returns the colours for standard output.
func (s *IOStreams) ColorScheme() *ColorScheme {
	return newColorScheme(s.ColorEnabled())
}

// ColorScheme names the few colours termlint uses by what they mean.
type ColorScheme struct {
	enabled bool
}

func newColorScheme(enabled bool) *ColorScheme { return &ColorScheme{enabled: enabled} }

func (c *ColorScheme) paint(s string, attrs ...color.Attribute) string {
	if !c.enabled {
		return s
	}
	p := color.New(attrs...)
	// Set per value, not through the global color.NoColor, so that
	// concurrent commands (and tests) do not race on it.
	p.EnableColor()
	return p.Sprint(s)
}

// Bold is for headwords.
func (c *ColorScheme) Bold(s string) string { return c.paint(s, color.Bold) }

// Dim is for secondary detail: ids, sources, dates.
func (c *ColorScheme) Dim(s string) string { return c.paint(s, color.Faint) }

// Good is for preferred renderings.
func (c *ColorScheme) Good(s string) string { return c.paint(s, color.FgGreen) }

// Warn is for warnings and superseded renderings.
func (c *ColorScheme) Warn(s string) string { return c.paint(s, color.FgYellow) }

// Bad is for errors and deprecated renderings.
func (c *ColorScheme) Bad(s string) string { return c.paint(s, color.FgRed) }

// Accent is for pinyin and matched text.
func (c *ColorScheme) Accent(s string) string { return c.paint(s, color.FgCyan) }
