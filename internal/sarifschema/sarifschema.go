// Package sarifschema validates SARIF logs in tests against the official
// SARIF 2.1.0 JSON schema, which is kept in ../shared beside the
// repository rather than copied into it.
package sarifschema

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Path is where the official schema is: shared/schemas/sarif beside the
// repository, found from this file's place in it.
var Path = func() string {
	_, file, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(file), "..", "..")
	return filepath.Join(repo, "..", "shared", "schemas", "sarif", "sarif-schema-2.1.0.json")
}()

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	return jsonschema.NewCompiler().Compile(Path)
})

// Validate fails t unless data is a SARIF log the official schema
// accepts, and returns the log as a generic JSON value (numbers as
// json.Number). Where the schema is missing, as on a user's machine,
// the test is skipped; under CI it fails.
func Validate(t testing.TB, data []byte) any {
	t.Helper()
	if _, err := os.Stat(Path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the official SARIF schema is missing: %v", err)
		}
		t.Skipf("the official SARIF schema is missing: %v", err)
	}
	schema, err := compiled()
	if err != nil {
		t.Fatalf("compiling %s: %v", Path, err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v\n%s", err, data)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, data)
	}
	return doc
}
