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

// get returns the position at path ("family", "parts.1",
// "status_in.literal", "context.require.0"), the owner's fields being
// fields, or fallback.
func (ps positions) get(fields []string, path string, fallback Pos) Pos {
	field, index, ok := pathKey(fields, path)
	if !ok {
		return fallback
	}
	if e, ok := ps.entry(field, index); ok {
		return e.pos()
	}
	return fallback
}

// keyedFields are the fields whose items are named, not numbered: a
// status_in entry is at "status_in.literal". Their paths are split at the
// first dot, since a style id may hold dots.
var keyedFields = []string{"status_in"}

// pathKey turns a path into the field's index in fields and the item's
// index (-1 for the field's value): a number for a list's item, the
// name's number (itemNameID) for a keyed field's. A field may itself be a
// path into a nested mapping ("context.require"), listed in fields as
// such. ok is false for a path that names nothing recorded.
func pathKey(fields []string, path string) (field, index int, ok bool) {
	if f := slices.Index(fields, path); f >= 0 {
		return f, -1, true
	}
	for _, k := range keyedFields {
		if name, ok := strings.CutPrefix(path, k+"."); ok {
			f := slices.Index(fields, k)
			id, known := lookupItemName(name)
			return f, int(id), f >= 0 && known
		}
	}
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(path[i+1:])
	if err != nil || n < 0 || n > maxItem {
		return 0, 0, false
	}
	f := slices.Index(fields, path[:i])
	return f, n, f >= 0
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

// remove forgets the position of field's value (index -1) or item.
func (ps *positions) remove(field, index int) {
	key := posKey(field, index)
	*ps = slices.DeleteFunc(*ps, func(e fieldPos) bool { return e.key == key })
}

// take replaces the positions of field's value and items by those from
// has of them.
func (ps *positions) take(field int, from positions) {
	ps.drop(field)
	for _, e := range from {
		if e.field() == field {
			*ps = append(*ps, e)
		}
	}
}

// renumber moves the positions of the items of a list field that lost
// some items: old[j] is the former index of item j. The positions of
// items lost are forgotten.
func (ps *positions) renumber(field int, old []int) {
	before := slices.Clone(*ps)
	*ps = slices.DeleteFunc(*ps, func(e fieldPos) bool { return e.field() == field && e.key != posKey(field, -1) })
	for j, i := range old {
		if e, ok := before.entry(field, i); ok {
			e.key = posKey(field, j)
			*ps = append(*ps, e)
		}
	}
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

// itemNames numbers the names of keyed fields' items (style ids), the way
// files numbers file names: a position records the number, which keeps
// it 16 bytes without a pointer, and a process meets few such names.
var itemNames struct {
	mu  sync.Mutex
	ids map[string]uint32
}

// itemNameID returns the number of name, numbering it if it is new.
func itemNameID(name string) int {
	itemNames.mu.Lock()
	defer itemNames.mu.Unlock()
	if id, ok := itemNames.ids[name]; ok {
		return int(id)
	}
	if itemNames.ids == nil {
		itemNames.ids = map[string]uint32{}
	}
	id := uint32(len(itemNames.ids))
	// The name may point into a file's data (the fast path): keep a copy.
	itemNames.ids[strings.Clone(name)] = id
	return int(id)
}

// lookupItemName returns the number of name, or false when no position
// was ever recorded under it.
func lookupItemName(name string) (uint32, bool) {
	itemNames.mu.Lock()
	defer itemNames.mu.Unlock()
	id, ok := itemNames.ids[name]
	return id, ok
}
