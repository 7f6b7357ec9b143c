package noun

import (
	"sync"
	"testing"
)

// TestNumber: the plurals and singulars of policy English, regular,
// irregular, in capitals, and the corrections to go-pluralize's rules.
func TestNumber(t *testing.T) {
	for _, tt := range []struct{ singular, plural string }{
		{"policy", "policies"}, {"country", "countries"}, {"process", "processes"}, {"approach", "approaches"},
		{"analysis", "analyses"}, {"criterion", "criteria"}, {"crisis", "crises"}, {"thesis", "theses"},
		{"phenomenon", "phenomena"}, {"person", "people"}, {"child", "children"}, {"woman", "women"},
		{"life", "lives"}, {"index", "indices"}, {"status", "statuses"}, {"focus", "foci"},
		{"Analysis", "Analyses"}, {"COUNTRY", "COUNTRIES"},
		// Corrections (see client).
		{"axis", "axes"}, {"specimen", "specimens"}, {"regimen", "regimens"}, {"omen", "omens"},
	} {
		if got := Plural(tt.singular); got != tt.plural {
			t.Errorf("Plural(%q) = %q, want %q", tt.singular, got, tt.plural)
		}
		if got := Singular(tt.plural); got != tt.singular {
			t.Errorf("Singular(%q) = %q, want %q", tt.plural, got, tt.singular)
		}
		if got := Singular(tt.singular); got != tt.singular {
			t.Errorf("Singular(%q) = %q, want it unchanged", tt.singular, got)
		}
		if !IsPlural(tt.plural) || IsPlural(tt.singular) {
			t.Errorf("IsPlural(%q) = %v, IsPlural(%q) = %v", tt.plural, IsPlural(tt.plural), tt.singular, IsPlural(tt.singular))
		}
	}
	// Words without another number, and singulars that only look plural.
	for _, w := range []string{
		"information", "equipment", "progress", "cooperation", "research", "governance", "infrastructure",
		"news", "series", "basis", "oasis", "crisis", "Yemen", "chassis", "",
	} {
		if got := Singular(w); got != w {
			t.Errorf("Singular(%q) = %q, want it unchanged", w, got)
		}
		if IsPlural(w) {
			t.Errorf("IsPlural(%q) = true", w)
		}
	}
	for _, w := range []string{"information", "equipment", "progress", "news", "series", ""} {
		if got := Plural(w); got != w {
			t.Errorf("Plural(%q) = %q, want it unchanged", w, got)
		}
	}
}

// TestConcurrent asks from several goroutines at once, as the checker's
// workers do: the answers are the same, and the race detector is quiet.
func TestConcurrent(t *testing.T) {
	words := []string{"analysis", "criteria", "people", "country", "news", "specimen"}
	want := make([][2]string, len(words))
	for i, w := range words {
		want[i] = [2]string{Plural(w), Singular(w)}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				for i, w := range words {
					if got := [2]string{Plural(w), Singular(w)}; got != want[i] {
						t.Errorf("%q: %v, want %v", w, got, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
