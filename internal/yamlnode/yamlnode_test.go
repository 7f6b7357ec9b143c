package yamlnode

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestDidYouMean(t *testing.T) {
	known := []string{"style", "scope", "fail-on"}
	for _, tc := range []struct{ key, want string }{
		{"sytle", ` (did you mean "style"?)`},
		{"Fail-On", ` (did you mean "fail-on"?)`},
		{"colour", " (known keys: style, scope, fail-on)"},
	} {
		if got := DidYouMean(tc.key, known, "known keys"); got != tc.want {
			t.Errorf("DidYouMean(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestSyntaxError(t *testing.T) {
	var n yaml.Node
	err := yaml.Unmarshal([]byte("a: 1\nb: c: d\n"), &n)
	if err == nil {
		t.Fatal("no error for a mapping inside a plain value")
	}
	line, msg := SyntaxError(err)
	if line != 2 || msg != "invalid YAML: mapping values are not allowed in this context" {
		t.Errorf("SyntaxError = %d, %q", line, msg)
	}
}

func TestDescribeAndNull(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("a:\nb: 3\nc: [x]\nd: {}\ne: &x y\nf: *x\n"), &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	want := []string{"empty", `the int "3"`, "a list", "a mapping", `the str "y"`, `the str "y"`}
	for i := 0; i < len(m.Content); i += 2 {
		v := Resolve(m.Content[i+1])
		if got := Describe(v); got != want[i/2] {
			t.Errorf("%s: Describe = %q, want %q", m.Content[i].Value, got, want[i/2])
		}
		if IsNull(v) != (i == 0) {
			t.Errorf("%s: IsNull = %v", m.Content[i].Value, IsNull(v))
		}
	}
}
