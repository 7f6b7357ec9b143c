package glossary

import "strings"

// slab hands out small slices of one larger array: a glossary of 100,000
// concepts has hundreds of thousands of concepts, renderings and lists,
// and one allocation for many of them is both faster and, since slab
// items are not rounded up to the allocator's size classes, smaller. Each
// slice it returns has no room beyond its length, so that appending to
// it (as a merge does) copies instead of writing into its neighbour.
type slab[T any] struct{ free []T }

// slabItems is how many items a slab allocates at a time.
const slabItems = 256

// take returns a slice of n zero items, never nil.
func (s *slab[T]) take(n int) []T {
	if n == 0 {
		return []T{}
	}
	if n > len(s.free) {
		if n > slabItems/4 {
			return make([]T, n) // too big to share
		}
		s.free = make([]T, slabItems)
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}

// one returns a new zero item.
func (s *slab[T]) one() *T { return &s.take(1)[0] }

// textArena copies strings into large shared buffers: one allocation for
// many small strings, which a large glossary has hundreds of thousands
// of. It builds them with a strings.Builder, which never changes bytes it
// has written, so the strings it returns stay as they are.
type textArena struct{ b strings.Builder }

// arenaChunk is the size of an arena's buffers.
const arenaChunk = 64 << 10

// copy returns a copy of s.
func (a *textArena) copy(s string) string {
	if len(s) > arenaChunk/16 {
		return strings.Clone(s) // too big to share a buffer
	}
	start := a.room(len(s))
	a.b.WriteString(s)
	return a.b.String()[start:]
}

// copyBytes returns b as a string.
func (a *textArena) copyBytes(b []byte) string {
	if len(b) > arenaChunk/16 {
		return string(b)
	}
	start := a.room(len(b))
	a.b.Write(b)
	return a.b.String()[start:]
}

// room makes room for n bytes in the current buffer, starting a new one
// when they do not fit (the strings in the old one stay valid), and
// returns where they will go.
func (a *textArena) room(n int) int {
	if a.b.Cap()-a.b.Len() < n {
		a.b = strings.Builder{}
		a.b.Grow(arenaChunk)
	}
	return a.b.Len()
}
