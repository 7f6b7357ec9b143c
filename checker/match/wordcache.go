package match

// wordCache remembers the tokens of the ASCII words a scanner has folded
// lately, keyed by the word as written. Prose repeats its words (a
// vocabulary of some thousands covers nearly every word of a document), so
// most words are found here and skip textnorm's folding — lower case,
// possessive, British spelling, plural — and the symbol table: half of
// Find's time before it was added.
//
// It is direct-mapped: a word hashes to one slot, and a miss overwrites
// it. A token depends on the matcher (its symbols), so a cache belongs to
// one matcher's scratch.
type wordCache struct {
	slots [wordCacheSize]wordSlot
}

const wordCacheBits = 12
const wordCacheSize = 1 << wordCacheBits

type wordSlot struct {
	a, b uint64 // the word's bytes, packed; n == 0 for an empty slot
	n    uint8
	caps bool
	conj bool
	sym  int32
}

// slot returns the slot of an ASCII word of 1 to 16 bytes and whether it
// holds that word.
func (c *wordCache) slot(w []byte) (s *wordSlot, hit bool) {
	a, b := pack(w)
	s = &c.slots[hash2(a, b, len(w))>>(64-wordCacheBits)]
	return s, s.a == a && s.b == b && s.n == uint8(len(w))
}
