package yamlnode

import (
	"strconv"
	"strings"
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
	for _, tc := range []struct {
		data      string
		line, col int
		msg       string
	}{
		{"a: 1\nb: c: d\n", 2, 0, "invalid YAML: mapping values are not allowed in this context"},
		{"a: 1\nb: [x, *y]\n", 2, 8, "invalid YAML: unknown anchor 'y' referenced"},
		{"# c\n%YAML 2.0\n---\na: 1\n", 2, 1, "invalid YAML: found incompatible YAML document"},
		// The reader's errors name no line; the first bad character is
		// found again.
		{"a: 1\nb: 周边\x1b[2J\n", 2, 6, "invalid YAML: control characters are not allowed"},
		{"a: 1\n\nb: caf\xe9\n", 3, 7, "invalid YAML: incomplete UTF-8 octet sequence"}, {"a: \xff", 1, 4, "invalid YAML: invalid leading UTF-8 octet"},
		{"a: \xe5\x91", 1, 4, "invalid YAML: incomplete UTF-8 octet sequence"},
		{"\"", 1, 0, "invalid YAML: found unexpected end of stream"},
	} {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(tc.data), &n)
		if err == nil {
			t.Fatalf("no error for %q", tc.data)
		}
		line, col, msg := SyntaxError(err, []byte(tc.data))
		if line != tc.line || col != tc.col || msg != tc.msg {
			t.Errorf("SyntaxError(%q) = %d, %d, %q; want %d, %d, %q", tc.data, line, col, msg, tc.line, tc.col, tc.msg)
		}
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

// TestExcerpt: a value quoted in a message is short and escaped, so that
// a file named as a glossary or configuration by mistake (or on purpose)
// is not copied out through its error messages, and nothing in it can
// drive a terminal or forge a CI runner's workflow command.
func TestExcerpt(t *testing.T) {
	long := strings.Repeat("root:x:0:0:", 40)
	tests := []struct{ in, want string }{
		{"periphery", `"periphery"`},
		{"周边外交", `"周边外交"`},
		{"a\nb\r\x1b[31m\u202e\x00", `"a\nb\r\x1b[31m\u202e\x00"`},
		{"\xff\xfe", `"\xff\xfe"`},
		{long, strconv.Quote(long[:80]) + "..."},
		{strings.Repeat("周", 81), strconv.Quote(strings.Repeat("周", 80)) + "..."},
		{strings.Repeat("周", 80), strconv.Quote(strings.Repeat("周", 80))},
	}
	for _, tt := range tests {
		if got := Excerpt(tt.in); got != tt.want {
			t.Errorf("Excerpt(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(long+"sh\n"), &doc); err != nil {
		t.Fatal(err)
	}
	if got, want := Describe(doc.Content[0]), "the str "+strconv.Quote(long[:80])+"..."; got != want {
		t.Errorf("Describe of a long line = %s, want %s", got, want)
	}
	// A tag the file makes up is quoted too (%00 in a tag is a NUL).
	if err := yaml.Unmarshal([]byte("!x%00%1b[2J 3\n"), &doc); err != nil {
		t.Fatal(err)
	}
	if got, want := Describe(doc.Content[0]), `the value "3" tagged "!x\x00\x1b[2J"`; got != want {
		t.Errorf("Describe of a made-up tag = %s, want %s", got, want)
	}
}
