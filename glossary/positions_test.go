package glossary_test

import (
	"fmt"
	"testing"

	"github.com/termlint/termlint/glossary"
)

// TestRenderingAt reads the positions of a rendering's new fields, both
// ways through Parse: a status in a style is at "status_in.STYLE" (the
// style's id whole, dots and digits included), a context pattern at
// "context.require.N" or "context.exclude.N". A path that names nothing
// written is the rendering's own position.
func TestRenderingAt(t *testing.T) {
	src := []byte(`concepts:
  - id: qiao
    zh: 桥
    renderings:
      - en: bridge
        phrase: verb
        status_in: {formal: preferred, a.b: admitted, 2020: superseded}
        context:
          require: ["the _ over", "a _"]
          exclude:
            - "_ club"
`)
	tests := []struct{ path, want string }{
		{"en", "5:13"},
		{"phrase", "6:17"},
		{"status_in", "7:20"},
		{"status_in.formal", "7:29"},
		{"status_in.a.b", "7:45"},
		{"status_in.2020", "7:61"},
		{"context", "9:11"},
		{"context.require", "9:20"},
		{"context.require.0", "9:21"},
		{"context.require.1", "9:35"},
		{"context.exclude", "11:13"},
		{"context.exclude.0", "11:15"},
		// Not written: the rendering's position.
		{"status_in.plain", "5:9"},
		{"status_in.never-named-anywhere", "5:9"},
		{"context.require.2", "5:9"},
		{"context.exclude.x", "5:9"},
		{"context.colour", "5:9"},
		{"styles.0", "5:9"},
	}
	fast, ps, ok := glossary.ParseFast("at.yaml", src)
	if !ok || len(ps) > 0 {
		t.Fatalf("fast path: %v %v", ok, ps)
	}
	slow, ps := glossary.ParseYAMLv3("at.yaml", src)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	for name, g := range map[string]*glossary.Glossary{"fast path": fast, "yaml.v3": slow} {
		r := g.Concepts[0].Renderings[0]
		for _, tc := range tests {
			at := r.At(tc.path)
			if got := fmt.Sprintf("%d:%d", at.Line, at.Column); got != tc.want || at.File != "at.yaml" {
				t.Errorf("%s: At(%q) = %s:%s, want at.yaml:%s", name, tc.path, at.File, got, tc.want)
			}
		}
	}
}
