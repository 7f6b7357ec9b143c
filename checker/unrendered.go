package checker

// Unrendered returns the terms of a bilingual segment's Chinese that the
// missing rule would report: those whose English has no rendering of
// their concept, nor of each of its parts, nor of a term overlapping
// them. As in that rule, only the terms found at their place count, not
// shorter ones inside them (周边 in 周边外交), and parts of compounds (工作,
// 外交) are passed over. An untranslated segment has none: it awaits its
// translation.
//
// It is what termlint suggest looks for new renderings of.
func (c *Checker) Unrendered(seg *Segment) []*Term {
	if seg.Untranslated {
		return nil
	}
	rendered := seg.renderedSet()
	var out []*Term
	for _, t := range seg.Terms {
		if !t.Concept.IsPart() && !c.termRendered(t, rendered) {
			out = append(out, t)
		}
	}
	return out
}
