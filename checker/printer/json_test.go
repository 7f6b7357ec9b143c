package printer

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/termlint/termlint/checker"
)

// TestJSONWireFormat pins the documented wire format field by field: "fix"
// only where a finding has one, the byte offsets never.
func TestJSONWireFormat(t *testing.T) {
	findings := []checker.Finding{
		{
			Rule: "deprecated", Severity: checker.SeverityWarning, File: "b.md", Line: 2, Column: 1, EndLine: 2, EndColumn: 19,
			Text: "One Belt, One Road", Concept: "yidai-yilu", ZH: "一带一路", Rendering: "One Belt, One Road",
			Suggestions: []string{"Belt and Road Initiative"}, Fix: "Belt and Road Initiative", Message: "deprecated rendering",
			Offset: 40, EndOffset: 58,
		},
		{
			Rule: "inconsistent", Severity: checker.SeverityWarning, File: "a.md", Line: 12, Column: 40, EndLine: 12, EndColumn: 54,
			Text: "periphery work", Concept: "zhoubian-gongzuo", ZH: "周边工作", Rendering: "periphery work",
			Suggestions: []string{"work on periphery affairs"},
			Message:     "周边工作 is rendered 'work on periphery affairs' 3 times in this scope, 'periphery work' once",
			Related:     []checker.Related{{File: "a.md", Line: 3, Column: 17, Text: "work on periphery affairs"}},
		},
		{Rule: "missing", Severity: checker.SeverityInfo, File: "a.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 3, Text: "周边", Concept: "zhoubian", ZH: "周边"},
	}
	var buf bytes.Buffer
	if err := (JSON{}).Print(&buf, &Report{Files: 2, Findings: findings}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal([]byte(`{"version": 1,
 "findings": [
  {"rule": "missing", "severity": "info", "file": "a.md", "line": 1, "column": 1, "end_line": 1, "end_column": 3,
   "text": "周边", "concept": "zhoubian", "zh": "周边", "rendering": "", "suggestions": [], "message": "", "related": []},
  {"rule": "inconsistent", "severity": "warning", "file": "a.md", "line": 12, "column": 40, "end_line": 12, "end_column": 54,
   "text": "periphery work", "concept": "zhoubian-gongzuo", "zh": "周边工作", "rendering": "periphery work",
   "suggestions": ["work on periphery affairs"],
   "message": "周边工作 is rendered 'work on periphery affairs' 3 times in this scope, 'periphery work' once",
   "related": [{"file": "a.md", "line": 3, "column": 17, "text": "work on periphery affairs"}]},
  {"rule": "deprecated", "severity": "warning", "file": "b.md", "line": 2, "column": 1, "end_line": 2, "end_column": 19,
   "text": "One Belt, One Road", "concept": "yidai-yilu", "zh": "一带一路", "rendering": "One Belt, One Road",
   "suggestions": ["Belt and Road Initiative"], "fix": "Belt and Road Initiative", "message": "deprecated rendering", "related": []}],
 "summary": {"files": 2, "findings": 3, "error": 0, "warning": 2, "info": 1}}`), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("wire format:\n got %s", buf.String())
	}
	if findings[0].File != "b.md" {
		t.Error("JSON reordered its input")
	}
}
