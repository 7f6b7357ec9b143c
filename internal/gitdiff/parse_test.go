package gitdiff

import (
	"reflect"
	"strings"
	"testing"
)

// A diff in the shape git diff --unified=0 --find-renames prints, written
// by hand: one file of each kind.
const sampleDiff = `diff --git a/notes/new.md b/notes/new.md
new file mode 100644
index 0000000..3e75765
--- /dev/null
+++ b/notes/new.md
@@ -0,0 +1,2 @@
+A new paragraph on neighborhood work.
+And its second line.
diff --git a/gone.md b/gone.md
deleted file mode 100644
index 3e75765..0000000
--- a/gone.md
+++ /dev/null
@@ -1 +0,0 @@
-Nothing left of it.
diff --git a/old name.md b/new name.md
similarity index 80%
rename from old name.md
rename to new name.md
index f384549..1d0ff88 100644
--- a/old name.md	
+++ b/new name.md	
@@ -2 +1,0 @@ heading
-a line removed
@@ -4,0 +4 @@ four
+five
diff --git a/moved.md b/elsewhere/moved.md
similarity index 100%
rename from moved.md
rename to elsewhere/moved.md
diff --git "a/\344\270\255\346\226\207.md" "b/\344\270\255\346\226\207.md"
index 587be6b..975fbec 100644
--- "a/\344\270\255\346\226\207.md"
+++ "b/\344\270\255\346\226\207.md"
@@ -1 +1 @@
-旧
\ No newline at end of file
+新
\ No newline at end of file
diff --git "a/say \"hi\".md" "b/say \"hi\".md"
index 9745a83..4286f42 100644
--- "a/say \"hi\".md"
+++ "b/say \"hi\".md"
@@ -3,2 +3,3 @@ context
--- a removed line that looked like a header
-+++ b/another
+++ b/an added line that looks like a header
+@@ -1 +1 @@
+plain
@@ -10 +11,0 @@ context
-gone
diff --git a/with space.md b/with space.md
index de98044..f8f7a32 100644
--- a/with space.md	
+++ b/with space.md	
@@ -7,2 +6,0 @@
-x
-y
@@ -9 +8,3 @@
-z
+z1
+z2
+z3
diff --git a/utf16.txt b/utf16.txt
index 1111111..2222222 100644
Binary files a/utf16.txt and b/utf16.txt differ
diff --git a/script.sh b/script.sh
old mode 100644
new mode 100755
`

func TestParse(t *testing.T) {
	files, err := Parse([]byte(sampleDiff))
	if err != nil {
		t.Fatal(err)
	}
	want := []*File{
		{Path: "notes/new.md", Whole: true, Lines: []Range{{1, 2}}},
		{Path: "new name.md", OldPath: "old name.md", Lines: []Range{{4, 4}}, Cuts: []int{1}},
		{Path: "中文.md", OldPath: "中文.md", Lines: []Range{{1, 1}}},
		{Path: `say "hi".md`, OldPath: `say "hi".md`, Lines: []Range{{3, 5}}, Cuts: []int{11}},
		{Path: "with space.md", OldPath: "with space.md", Lines: []Range{{8, 10}}, Cuts: []int{6}},
		{Path: "utf16.txt", OldPath: "utf16.txt", Whole: true},
	}
	if !reflect.DeepEqual(files, want) {
		for _, f := range files {
			t.Logf("%+v", *f)
		}
		t.Error("Parse returned the files above")
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ name, diff, want string }{
		{"bad hunk header", "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +x @@\n", "line 4: bad hunk header"},
		{"short hunk", "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n-a\n+b\ndiff --git a/y b/y\n", "line 7: hunk ends early"},
		{"bad quoting", "diff --git \"a/x\\q\" \"b/x\\q\"\n", "line 1: bad quoted path"},
		{"wrong prefix", "diff --git a/x b/x\n--- a/x\n+++ x\n", "line 3: path \"x\" does not start with b/"},
	} {
		if _, err := Parse([]byte(tt.diff)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestTouches: a span touches changed lines it overlaps, and a deletion
// only when it holds the lines on both sides of it.
func TestTouches(t *testing.T) {
	f := &File{Path: "x.md", Lines: []Range{{4, 6}}, Cuts: []int{10, 0}}
	for _, tt := range []struct {
		first, last int
		want        bool
	}{
		{1, 3, false}, {3, 4, true}, {5, 5, true}, {6, 9, true}, {7, 7, false},
		{10, 10, false}, {11, 11, false}, // beside the deletion after line 10
		{10, 11, true}, // across it
		{1, 1, false},  // the deletion before line 1 has no line before it
	} {
		if got := f.Touches(tt.first, tt.last); got != tt.want {
			t.Errorf("Touches(%d, %d) = %v, want %v", tt.first, tt.last, got, tt.want)
		}
	}
	if !(&File{Whole: true}).Touches(100, 100) {
		t.Error("a whole file is not touched")
	}
}

func TestUnquote(t *testing.T) {
	for in, want := range map[string]string{
		`plain/path.md`:          "plain/path.md",
		`"tab\there"`:            "tab\there",
		`"\346\226\207.md"`:      "文.md",
		`"back\\slash \"q\".md"`: `back\slash "q".md`,
		`"a\a\b\f\n\r\v.md"`:     "a\a\b\f\n\r\v.md",
	} {
		if got, err := unquote(in); err != nil || got != want {
			t.Errorf("unquote(%s) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{`"open`, `"trailing\"`, `"\9"`, `"\34"`} {
		if got, err := unquote(bad); err == nil {
			t.Errorf("unquote(%s) = %q, want an error", bad, got)
		}
	}
}
