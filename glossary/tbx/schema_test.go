package tbx_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The official TBX schemas, in ../shared beside the repository, and the
// script that validates against them (jing for the RELAX NG core
// structure, Saxon-HE for the TBX-Basic Schematron rules).
const (
	schemaDir      = "../../../shared/schemas/tbx"
	validateScript = "../../scripts/validate-tbx"
)

// needValidator skips the test where jing, Java, Saxon-HE or the schemas
// are missing, as on a user's machine, and fails it under CI, whose .ci/run
// installs the tools: there a missing tool must not pass for a valid file.
func needValidator(t *testing.T) {
	t.Helper()
	var missing []string
	for _, tool := range []string{"jing", "java", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}
	saxon := os.Getenv("SAXON_JAR")
	if saxon == "" {
		saxon = "/usr/share/java/Saxon-HE.jar"
	}
	if _, err := os.Stat(saxon); err != nil {
		missing = append(missing, "Saxon-HE ("+saxon+")")
	}
	if _, err := os.Stat(filepath.Join(schemaDir, "TBXcoreStructV03.rng")); err != nil {
		missing = append(missing, "the schemas in "+schemaDir)
	}
	if len(missing) == 0 {
		return
	}
	msg := "cannot validate with the official TBX schemas: missing " + strings.Join(missing, ", ") +
		" (Debian: apt-get install jing libsaxonhe-java)"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// validate runs scripts/validate-tbx on files and returns its output and
// whether it found them valid; a failure to run it at all fails the test.
func validate(t *testing.T, files ...string) (string, bool) {
	t.Helper()
	out, err := exec.Command("bash", append([]string{validateScript, "--schemas", schemaDir}, files...)...).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), true
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		return string(out), false
	}
	t.Fatalf("validate-tbx: %v\n%s", err, out)
	return "", false
}

// TestExportValidAgainstOfficialSchemas validates the v3 exports of
// small.yaml, which has every field termlint writes, and of terms.yaml
// against TBXcoreStructV03.rng, TBX-Basic_DCA.sch and Basic.sch.
func TestExportValidAgainstOfficialSchemas(t *testing.T) {
	needValidator(t)
	dir := t.TempDir()
	small, terms := filepath.Join(dir, "small.tbx"), filepath.Join(dir, "terms.tbx")
	if err := os.WriteFile(small, write(t, loadSmall(t), 3), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(terms, write(t, loadDefault(t), 3), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, ok := validate(t, small, terms); !ok {
		t.Errorf("the v3 export is not valid TBX-Basic:\n%s", out)
	}
}

// TestValidatorRejectsEarlierExport makes sure the validation can fail: the
// v3 export of earlier termlint versions (testdata/earlier) had a
// sourceDesc per source, which the core structure forbids, and a ref type
// TBX-Basic does not have.
func TestValidatorRejectsEarlierExport(t *testing.T) {
	needValidator(t)
	out, ok := validate(t, "testdata/earlier/small.v3.tbx")
	if ok {
		t.Fatalf("validate-tbx passed the earlier export:\n%s", out)
	}
	for _, want := range []string{
		`error: element "sourceDesc" not allowed here`,
		"TBXcoreStructV03.rng (jing): 3 errors",
		"ref[1]/@type: Permitted type value(s): crossReference",
		"TBX-Basic_DCA.sch (Schematron): 1 failed assertions",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("validate-tbx does not report %q:\n%s", want, out)
		}
	}
}

// TestValidatorRejectsBrokenRules breaks the v3 export of small.yaml in
// four ways TBX-Basic_DCA.sch forbids but the core structure allows, so
// that only the Schematron rules can catch them: each must be reported.
func TestValidatorRejectsBrokenRules(t *testing.T) {
	needValidator(t)
	data := string(write(t, loadSmall(t), 3))
	for _, r := range []struct{ old, new string }{
		{`<descrip type="definition">`, `<descrip type="explanation">`},
		{`<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>`, `<termNote type="administrativeStatus">preferred</termNote>`},
		{`<admin type="customerSubset">house</admin>`, `<descrip type="subjectField">house</descrip>`},
		{`<tbx type="TBX-Basic" style="dca"`, `<tbx type="TBX-Basic" style="dct"`},
	} {
		if !strings.Contains(data, r.old) {
			t.Fatalf("the export has no %q to break", r.old)
		}
		data = strings.Replace(data, r.old, r.new, 1)
	}
	file := filepath.Join(t.TempDir(), "broken.tbx")
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, ok := validate(t, file)
	if ok {
		t.Fatalf("validate-tbx passed a broken export:\n%s", out)
	}
	for _, want := range []string{
		"TBXcoreStructV03.rng (jing): 0 errors",
		"descrip[3]/@type: Permitted type value(s): subjectField, context, definition",
		"/administrativeStatus/ type may be",
		"/subjectField/ may only appear at level(s): conceptEntry",
		"The style of this dialect should be declared as 'dca'.",
		"TBX-Basic_DCA.sch (Schematron): 4 failed assertions",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("validate-tbx does not report %q:\n%s", want, out)
		}
	}
}
