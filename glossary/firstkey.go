package glossary

import "github.com/termlint/termlint/internal/workcount"

// linearKeys is how many keys a firstKeys compares one by one before it
// builds a map: most concepts have a few renderings and a few styles, for
// which a map costs more than it saves, but some have thousands.
const linearKeys = 8

// firstKeys records keys in order and finds the first one equal to a key,
// in time independent of how many there are: duplicate renderings of a
// concept were found by comparing each with all before it, which made a
// concept of 50,000 renderings take seconds to load.
type firstKeys struct {
	keys []string
	// at maps each key to its first index, once there are more than
	// linearKeys.
	at map[string]int
}

// add records key, as the next index whether or not it was recorded
// before (so that indexes follow the list the keys are of), and returns
// the index of the first equal key recorded before it, or -1.
func (f *firstKeys) add(key string) int {
	i := f.index(key)
	f.keys = append(f.keys, key)
	if f.at != nil && i < 0 {
		f.at[key] = len(f.keys) - 1
	}
	return i
}

// reset forgets the keys recorded, keeping the memory for the next.
func (f *firstKeys) reset() {
	f.keys = f.keys[:0]
	f.at = nil
}

// index returns the index of the first recorded key equal to key, or -1.
func (f *firstKeys) index(key string) int {
	if f.at == nil && len(f.keys) > linearKeys {
		f.at = make(map[string]int, 2*len(f.keys))
		for i := len(f.keys) - 1; i >= 0; i-- {
			f.at[f.keys[i]] = i
		}
	}
	if f.at != nil {
		keyComparisons.Add(1)
		if i, ok := f.at[key]; ok {
			return i
		}
		return -1
	}
	keyComparisons.Add(len(f.keys))
	for i, k := range f.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// keyComparisons counts the keys firstKeys compared: the work the
// doubling tests of renderings per concept bound.
var keyComparisons workcount.Counter
