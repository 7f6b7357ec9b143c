package lenratio

import (
	"math"
	"testing"
)

func TestFence(t *testing.T) {
	if _, _, ok := Fence(make([]float64, MinPairs-1)); ok {
		t.Error("a file of fewer than MinPairs pairs has no fence")
	}
	// Even ratios: the fence stands at minLimit.
	even := []float64{0, 0.1, 0.1, 0.2, 0.2, 0.2, 0.3, 0.3, 0.4}
	median, limit, ok := Fence(even)
	if !ok || median != 0.2 || limit != minLimit {
		t.Errorf("even: median %v limit %v ok %v, want 0.2 1 true", median, limit, ok)
	}
	if even[0] != 0 || even[8] != 0.4 {
		t.Error("Fence reordered its argument")
	}
	// Spread ratios: three interquartile ranges (q1 = 0, q3 = 1).
	spreadOut := []float64{2, -1, 0, 0, 0.5, 1, 1, 1, 3}
	if _, limit, _ := Fence(spreadOut); math.Abs(limit-3) > 1e-9 {
		t.Errorf("spread: limit %v, want 3", limit)
	}
}

func TestLog(t *testing.T) {
	if r, ok := Log(20, 10); !ok || math.Abs(r-math.Log(2)) > 1e-12 {
		t.Errorf("Log(20, 10) = %v, %v", r, ok)
	}
	if _, ok := Log(0, 10); ok {
		t.Error("Log(0, 10) has no ratio")
	}
	if _, ok := Log(10, 0); ok {
		t.Error("Log(10, 0) has no ratio")
	}
}
