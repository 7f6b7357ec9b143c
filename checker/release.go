package checker

// Release drops what only Scan reads from a scanned file: the document's
// masked copy, as long as the text, and each segment's set of concepts.
// A run that holds many files until it checks them together (--scope all)
// releases each as it is scanned, so that it keeps the text once. Check
// reads a released file as it read it before; Brief, which matches the
// masked text again, does not.
func (f *File) Release() {
	f.Masked = nil
	for _, seg := range f.Segments {
		seg.concepts = nil
	}
}
