package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuild(t *testing.T) {
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "6eeb6f5a1b2c3d4e5f60718293a4b5c6d7e8f901"},
			{Key: "vcs.time", Value: "2026-12-06T15:04:05Z"},
			{Key: "vcs.modified", Value: modified},
		}
	}
	build := func(main string, settings []debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/termlint/termlint", Version: main}, Settings: settings}
	}
	for _, tc := range []struct {
		name  string
		info  *debug.BuildInfo
		stamp string
		want  string
	}{
		{"installed at a tag", build("v1.2.0", nil), "", "v1.2.0"},
		{"go build from a commit (Go 1.24+)", build("v0.0.0-20261206150405-6eeb6f5a1b2c+dirty", vcs("true")), "x", "v0.0.0-20261206150405-6eeb6f5a1b2c+dirty"},
		{"a commit recorded, no version", build("(devel)", vcs("false")), "", "v0.0.0-20261206150405-6eeb6f5a1b2c"},
		{"a modified work tree", build("(devel)", vcs("true")), "", "v0.0.0-20261206150405-6eeb6f5a1b2c+dirty"},
		{"a revision without time", build("(devel)", []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}}), "", "abc"},
		{"nothing recorded, stamped", build("(devel)", nil), "v1.3.0", "v1.3.0"},
		{"nothing recorded", build("(devel)", nil), "", ""},
		{"no build info", nil, "", ""},
	} {
		if got := FromBuild(tc.info, tc.stamp); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
