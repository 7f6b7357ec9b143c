package table

// CountLooks runs f and returns how many entries the builder looked at
// meanwhile to find preferred renderings, seen entries and notes. Tests
// that call it must not run in parallel.
func CountLooks(f func()) int64 { return looks.Count(f) }
