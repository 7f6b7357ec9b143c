package glossary_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary"
)

func lookupIndex(t *testing.T) *glossary.Index {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, "lookup.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	g, ps := glossary.Load([]glossary.Input{{Name: "lookup.yaml", Data: data}}, glossary.ValidateOptions{})
	if g == nil || len(ps) > 0 {
		t.Fatalf("fixture glossary: %v", ps)
	}
	return glossary.NewIndex(g)
}

// summary writes matches as "kind:id" in order.
func summary(ms []glossary.Match) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = fmt.Sprintf("%s:%s", m.Kind, m.Concept.ID)
	}
	return strings.Join(parts, " ")
}

func TestLookup(t *testing.T) {
	idx := lookupIndex(t)
	tests := []struct {
		query, want string
	}{
		// Chinese: the term or a variant, then terms containing it.
		{"周边", "exact:zhoubian contains:zhoubian-gongzuo"},
		{"週邊", "exact:zhoubian"},
		{"命運共同體", "exact:mingyun-gongtongti"},
		// Whitespace and line breaks inside a term, full-width forms,
		// and punctuation between its parts do not matter.
		{"周 边\n工作", "exact:zhoubian-gongzuo part:zhoubian"},
		{"睦邻安邻富邻", "exact:mulin-anlin-fulin"},
		// A longer Chinese phrase lists the concepts inside it.
		{"周边工作会议", "part:zhoubian-gongzuo part:zhoubian"},
		// English: case, plural, possessive and British spelling fold.
		{"periphery", "exact:zhoubian contains:zhoubian-gongzuo"},
		{"Communities of Common Destiny", "exact:mingyun-gongtongti"},
		{"neighbourhood", "exact:zhoubian contains:zhoubian-gongzuo contains:mulin-anlin-fulin"},
		{"the neighbourhood’s", "part:zhoubian"},
		{"BRI", "exact:yidai-yilu"},
		{"one belt one road", "exact:yidai-yilu"},
		// Pinyin, with or without tones and spaces; and the id.
		{"zhoubian", "exact:zhoubian contains:zhoubian-gongzuo"},
		{"zhōubiān gōngzuò", "exact:zhoubian-gongzuo"},
		{"ZhouBianGongZuo", "exact:zhoubian-gongzuo"},
		{"mingyun-gongtongti", "exact:mingyun-gongtongti"},
		// A phrase cut short, and typos.
		{"shared futur", "contains:mingyun-gongtongti"},
		{"comunity of comon destiny", "fuzzy:mingyun-gongtongti"},
		{"perifery", "fuzzy:zhoubian fuzzy:zhoubian-gongzuo"},
		{"zhoubain", "fuzzy:zhoubian fuzzy:zhoubian-gongzuo"},
		// Nothing.
		{"xylophone", ""},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := summary(idx.Lookup(tt.query).Matches); got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestLookupSuggestsNearestWhenNothingMatches(t *testing.T) {
	idx := lookupIndex(t)
	r := idx.Lookup("peripheral states")
	if len(r.Matches) != 0 {
		t.Fatalf("unexpected matches: %s", summary(r.Matches))
	}
	if got := summary(r.Nearest); !strings.Contains(got+" ", "nearest:zhoubian ") {
		t.Errorf("nearest = %q, want zhoubian among them", got)
	}
	if r := idx.Lookup("xylophone"); len(r.Nearest) != 0 {
		t.Errorf("a query sharing nothing with the glossary got suggestions: %s", summary(r.Nearest))
	}
}

func TestLookupReportsWhatMatched(t *testing.T) {
	idx := lookupIndex(t)
	m := idx.Lookup("OBOR").Matches[0]
	if m.Field != "form" || m.Text != "OBOR" || m.Rendering == nil || m.Rendering.EN != "One Belt, One Road" {
		t.Errorf("got field %q text %q rendering %v", m.Field, m.Text, m.Rendering)
	}
	m = idx.Lookup("comunity of comon destiny").Matches[0]
	if m.Distance != 2 {
		t.Errorf("fuzzy distance = %d, want 2", m.Distance)
	}
}
