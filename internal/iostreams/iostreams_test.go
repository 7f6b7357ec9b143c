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
