package checker

import (
	"strings"
	"testing"

	"github.com/termlint/termlint/checker/input"
)

// pairsOf makes segments of Chinese and English pairs, each a text of its
// own (markMisaligned reads only the text).
func pairsOf(pairs [][2]string) []*Segment {
	segs := make([]*Segment, len(pairs))
	for i, p := range pairs {
		segs[i] = &Segment{Segment: &input.Segment{Chinese: input.Span{Text: []byte(p[0])}, English: input.Span{Text: []byte(p[1])}}}
	}
	return segs
}

// TestShiftedByNames: names in Latin letters in the Chinese (iPhone, NBA)
// are figures too; pairs shifted by one whose only figures are names form
// a run, and the reason quotes them.
func TestShiftedByNames(t *testing.T) {
	pairs := [][2]string{
		{"他在家里用iPhone给远方的朋友打电话。", "He phoned a friend far away on his iPhone at home."},
		{"孩子们每天晚上都要看NBA的比赛直播。", "The children watch NBA games live every evening."},
		{"这家公司的新工厂采用了SAP的管理软件。", "The company's new plant uses management software from SAP."},
		{"她的论文发表在Nature杂志上，引起了关注。", "Her paper appeared in Nature and drew attention."},
		{"学校的图书馆开通了Wikipedia的离线版本。", "The school library now offers an offline copy of Wikipedia."},
		{"镇上的咖啡馆只接受PayPal和现金付款。", "The café in the town takes only PayPal and cash."},
	}
	// the English of the third to fifth pairs one early, the second's last
	shifted := [][2]string{pairs[0], {pairs[1][0], pairs[2][1]}, {pairs[2][0], pairs[3][1]}, {pairs[3][0], pairs[4][1]}, {pairs[4][0], pairs[1][1]}, pairs[5]}
	segs := pairsOf(shifted)
	markMisaligned(segs)
	var got []int
	for i, s := range segs {
		if s.misaligned != "" {
			got = append(got, i)
		}
	}
	if len(got) != 4 || got[0] != 1 || got[3] != 4 {
		t.Fatalf("misaligned segments %v, want 1 to 4", got)
	}
	if !strings.Contains(segs[1].misaligned, "(SAP)") && !strings.Contains(segs[1].misaligned, "(NBA)") {
		t.Errorf("reason %q quotes no name", segs[1].misaligned)
	}
	// as they were, nothing is misaligned
	segs = pairsOf(pairs)
	markMisaligned(segs)
	for i, s := range segs {
		if s.misaligned != "" {
			t.Errorf("pair %d as it was: %s", i, s.misaligned)
		}
	}
}

func TestTimesAsLong(t *testing.T) {
	for f, want := range map[float64]string{3.24: "3.2 times as long", 1: "1.0 times as long", 0.2: "1/5 as long", 0.024: "1/42 as long"} {
		if got := timesAsLong(f); got != want {
			t.Errorf("timesAsLong(%v) = %q, want %q", f, got, want)
		}
	}
}
