package match

import (
	"encoding/binary"
	"math/bits"
)

// The two hash tables below replace Go maps on Find's hot path: every word
// of a text is looked up once in symtab, and every step of a trie walk below
// the root once in edgetab. Open addressing over flat arrays with integer
// keys costs a few nanoseconds where a map[string] lookup costs tens, which
// is a quarter of Find's time.

// symtab maps folded keys to symbols. Keys of up to 16 bytes (nearly every
// English word) are packed into two integers and kept in the open-addressed
// slots; longer keys go to a map.
type symtab struct {
	slots []symslot // len is a power of two, at most half full
	shift uint      // 64 - log2(len(slots))
	used  int
	long  map[string]int32
}

type symslot struct {
	a, b uint64
	n    uint32
	sym  int32 // 0: empty
}

// pack returns the bytes of a key of up to 16 bytes as two integers.
func pack(key []byte) (a, b uint64) {
	n := len(key)
	if cap(key) >= 16 {
		// Read whole words and mask what lies beyond the key.
		full := key[:16]
		a, b = binary.LittleEndian.Uint64(full), binary.LittleEndian.Uint64(full[8:])
		if n < 8 {
			return a & (1<<(8*n) - 1), 0
		}
		if n < 16 {
			b &= 1<<(8*(n-8)) - 1
		}
		return a, b
	}
	for i, c := range key {
		if i < 8 {
			a |= uint64(c) << (8 * i)
		} else {
			b |= uint64(c) << (8 * (i - 8))
		}
	}
	return a, b
}

func hash2(a, b uint64, n int) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ bits.RotateLeft64(b*0xC2B2AE3D27D4EB4F, 31) ^ uint64(n)
	h ^= h >> 32
	return h * 0x165667B19E3779F9
}

// get returns the symbol of key, or 0.
func (t *symtab) get(key []byte) int32 {
	n := len(key)
	if n > 16 {
		return t.long[string(key)]
	}
	if t.slots == nil {
		return 0
	}
	a, b := pack(key)
	mask := uint64(len(t.slots) - 1)
	for i := hash2(a, b, n) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.sym == 0 {
			return 0
		}
		if s.a == a && s.b == b && s.n == uint32(n) {
			return s.sym
		}
	}
}

// put adds key with symbol sym, which must be new and not 0.
func (t *symtab) put(key []byte, sym int32) {
	n := len(key)
	if n > 16 {
		if t.long == nil {
			t.long = make(map[string]int32)
		}
		t.long[string(key)] = sym
		return
	}
	if 2*(t.used+1) > len(t.slots) {
		t.grow()
	}
	a, b := pack(key)
	t.insert(symslot{a, b, uint32(n), sym})
	t.used++
}

func (t *symtab) insert(s symslot) {
	mask := uint64(len(t.slots) - 1)
	i := hash2(s.a, s.b, int(s.n)) >> t.shift
	for t.slots[i].sym != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

func (t *symtab) grow() {
	old := t.slots
	size := max(64, 2*len(old))
	t.slots = make([]symslot, size)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	for _, s := range old {
		if s.sym != 0 {
			t.insert(s)
		}
	}
}

// edgetab maps a trie node and a symbol to the child node.
type edgetab struct {
	slots []edgeslot // len is a power of two, at most half full
	shift uint
	used  int
}

type edgeslot struct {
	key   uint64 // node<<32 | symbol
	child int32  // 0: empty (the root is no one's child)
}

func edge(node, sym int32) uint64 { return uint64(node)<<32 | uint64(uint32(sym)) }

func hash1(k uint64) uint64 {
	k ^= k >> 29
	return k * 0x9E3779B97F4A7C15
}

// get returns the child of node by sym, or 0.
func (t *edgetab) get(node, sym int32) int32 {
	if t.slots == nil {
		return 0
	}
	k := edge(node, sym)
	mask := uint64(len(t.slots) - 1)
	for i := hash1(k) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.child == 0 || s.key == k {
			return s.child
		}
	}
}

// put adds the child of node by sym, which must be new.
func (t *edgetab) put(node, sym, child int32) {
	if 2*(t.used+1) > len(t.slots) {
		old := t.slots
		size := max(64, 2*len(old))
		t.slots = make([]edgeslot, size)
		t.shift = uint(64 - bits.TrailingZeros(uint(size)))
		for _, s := range old {
			if s.child != 0 {
				t.insert(s)
			}
		}
	}
	t.insert(edgeslot{edge(node, sym), child})
	t.used++
}

func (t *edgetab) insert(s edgeslot) {
	mask := uint64(len(t.slots) - 1)
	i := hash1(s.key) >> t.shift
	for t.slots[i].child != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}
