// Package version tells which termlint a binary is, from what the Go
// toolchain recorded in it (runtime/debug.ReadBuildInfo), never
// "(devel)".
package version

import (
	"runtime/debug"
	"time"
)

// stamped is a version given at link time, for builds from a source tree
// without git metadata, such as the GitHub Action's download of itself:
//
//	go build -ldflags "-X github.com/termlint/termlint/internal/version.stamped=REF" ./cmd/termlint
//
// What the toolchain recorded wins over it.
var stamped string

// String is termlint's version: the module version when it was installed
// at one (go install ...@v1.2.0), else the commit it was built from as a
// Go pseudo-version, with +dirty when the work tree had changes (go build
// in a git clone), else the version stamped at link time, else "" when
// the build recorded none (go run, -buildvcs=false, a linked git work
// tree, which Go does not stamp).
func String() string {
	info, _ := debug.ReadBuildInfo()
	return FromBuild(info, stamped)
}

// FromBuild is String for the build info info (nil for none) and the
// link-time stamp.
func FromBuild(info *debug.BuildInfo, stamp string) string {
	if info != nil {
		if v := info.Main.Version; v != "" && v != "(devel)" {
			return v
		}
		if v := fromVCS(info.Settings); v != "" {
			return v
		}
	}
	return stamp
}

// fromVCS makes the version Go would record for a build from a commit
// (v0.0.0-TIME-REVISION, +dirty when modified) out of the VCS settings,
// for toolchains that record the commit but not that version.
func fromVCS(settings []debug.BuildSetting) string {
	var rev, at, modified string
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return ""
	}
	v := rev[:min(len(rev), 12)]
	if t, err := time.Parse(time.RFC3339, at); err == nil {
		v = "v0.0.0-" + t.UTC().Format("20060102150405") + "-" + v
	}
	if modified == "true" {
		v += "+dirty"
	}
	return v
}
