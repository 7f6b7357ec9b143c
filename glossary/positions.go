package glossary

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// positions records where the values of a concept, rendering, seen entry
// or example were written, for messages. A large glossary has over a
// million of them, so each is 16 bytes without a pointer, which also
// spares the collector scanning them: a field is its index in the
// owner's list of keys (conceptFields, ...), a list item carries its
// index, and the file is a number (see fileID).
type positions []fieldPos

// fieldPos is the position of one value: a field's, or an item's of a
// list field.
type fieldPos struct {
	line, col int32
	file      uint32
	// key holds the field's index in the owner's keys in its top byte
	// and, below, 1 + the item's index in the list, or 0 for the field's
	// value itself.
	key uint32
}

// maxItem is the last list item whose position is recorded.
const maxItem = 1<<24 - 2

// posKey packs field and index (-1 for the field's value) into a key.
func posKey(field, index int) uint32 { return uint32(field)<<24 | uint32(index+1) }

func (e fieldPos) pos() Pos {
	return Pos{File: fileName(e.file), Line: int(e.line), Column: int(e.col)}
}

func (e fieldPos) field() int { return int(e.key >> 24) }

// get returns the position at path ("family", "parts.1"), the owner's
// keys being fields, or fallback.
func (ps positions) get(fields []string, path string, fallback Pos) Pos {
	name, index := path, -1
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		n, err := strconv.Atoi(path[i+1:])
		if err != nil || n < 0 || n > maxItem {
			return fallback
		}
		name, index = path[:i], n
	}
	field := slices.Index(fields, name)
	if field < 0 {
		return fallback
	}
	if e, ok := ps.entry(field, index); ok {
		return e.pos()
	}
	return fallback
}

// entry returns the position of field's value (index -1) or item.
func (ps positions) entry(field, index int) (fieldPos, bool) {
	key := posKey(field, index)
	for _, e := range ps {
		if e.key == key {
			return e, true
		}
	}
	return fieldPos{}, false
}

// put records e, replacing the position of the same value.
func (ps *positions) put(e fieldPos) {
	for i := range *ps {
		if (*ps)[i].key == e.key {
			(*ps)[i] = e
			return
		}
	}
	*ps = append(*ps, e)
}

// set records pos for field's value (index -1) or item.
func (ps *positions) set(field, index int, pos Pos) {
	if index <= maxItem {
		ps.put(fieldPos{line: int32(pos.Line), col: int32(pos.Column), file: fileID(pos.File), key: posKey(field, index)})
	}
}

// drop forgets field's value and items.
func (ps *positions) drop(field int) {
	*ps = slices.DeleteFunc(*ps, func(e fieldPos) bool { return e.field() == field })
}

// files numbers the names of the files positions are in. A process reads
// few glossary files, so it keeps every name it has numbered.
var files struct {
	mu  sync.Mutex
	ids map[string]uint32
	// names is indexed by number; it is replaced, never changed, when a
	// name is added, so that reading it takes no lock.
	names atomic.Pointer[[]string]
}

// fileID returns the number of the file name.
func fileID(name string) uint32 {
	files.mu.Lock()
	defer files.mu.Unlock()
	if id, ok := files.ids[name]; ok {
		return id
	}
	var names []string
	if p := files.names.Load(); p != nil {
		names = *p
	}
	id := uint32(len(names))
	names = append(names[:len(names):len(names)], name)
	files.names.Store(&names)
	if files.ids == nil {
		files.ids = map[string]uint32{}
	}
	files.ids[name] = id
	return id
}

// fileName returns the file name numbered id.
func fileName(id uint32) string { return (*files.names.Load())[id] }
