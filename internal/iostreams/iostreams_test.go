package iostreams

import "testing"

func TestColorEnabled(t *testing.T) {
	tests := []struct {
		name    string
		tty     bool
		noColor bool
		mode    string
		want    bool
	}{
		{"pipe", false, false, "auto", false},
		{"terminal", true, false, "auto", true},
		{"terminal with NO_COLOR", true, true, "auto", false},
		{"pipe forced", false, false, "always", true},
		{"terminal refused", true, false, "never", false},
	}
	for _, tt := range tests {
		ios, _, _, _ := Test()
		ios.SetStdoutTTY(tt.tty)
		ios.SetNoColorEnv(tt.noColor)
		if err := ios.SetColorMode(tt.mode); err != nil {
			t.Fatal(err)
		}
		if got := ios.ColorEnabled(); got != tt.want {
			t.Errorf("%s: ColorEnabled() = %v, want %v", tt.name, got, tt.want)
		}
		cs := ios.ColorScheme()
		if painted := cs.Good("x") != "x"; painted != tt.want {
			t.Errorf("%s: colour scheme paints = %v, want %v", tt.name, painted, tt.want)
		}
	}
	ios, _, _, _ := Test()
	if err := ios.SetColorMode("rainbow"); err == nil {
		t.Error("SetColorMode accepted an unknown mode")
	}
}

// TestMessagesEscapeNames checks that a message naming a hostile file
// stays one line on standard error, through Eprintf and through a
// progress indicator's Printf alike, with its control characters shown
// as escapes.
func TestMessagesEscapeNames(t *testing.T) {
	const name = "x\n::error file=README.md::forged\x1b[2J\n.md"
	const want = `termlint: x\n::error file=README.md::forged\x1b[2J\n.md: skipped` + "\n"
	ios, _, _, errOut := Test()
	ios.Eprintf("termlint: %s: skipped\n", name)
	if errOut.String() != want {
		t.Errorf("Eprintf wrote %q, want %q", errOut.String(), want)
	}
	errOut.Reset()
	p := ios.StartProgress()
	p.Printf("termlint: %s: skipped\n", name)
	p.Stop()
	if errOut.String() != want {
		t.Errorf("Progress.Printf wrote %q, want %q", errOut.String(), want)
	}
}
