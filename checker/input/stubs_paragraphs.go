package input

func pairParagraphs(d *Document, force bool) ([]Segment, error) {
	return nil, nil
}

// Align pairs the paragraphs of a Chinese document with those of its
// English translation, by position.
func Align(chinese, english *Document) error {
	return nil
}
