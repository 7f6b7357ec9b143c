package termlint_test

import (
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/glossary"
)

// TestDefaultGlossaryIsClean keeps the embedded terms.yaml free of errors
// and warnings, its examples holding under the real checker.
func TestDefaultGlossaryIsClean(t *testing.T) {
	g, problems := glossary.Load([]glossary.Input{termlint.DefaultInput()},
		glossary.ValidateOptions{CheckExample: checker.ExampleChecker()})
	for _, p := range problems {
		t.Error(p)
	}
	if g == nil {
		t.Fatal("the default glossary does not load")
	}
	for _, id := range []string{"zhoubian", "zhoubian-gongzuo", "mingyun-gongtongti"} {
		if g.Concept(id) == nil {
			t.Errorf("the default glossary lacks concept %q", id)
		}
	}
}
