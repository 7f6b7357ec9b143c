package glossary

// Input is one glossary file: the name its positions are reported under and
// its contents.
type Input struct {
	Name string
	Data []byte
}

// Load parses each input, merges them in order and validates the result.
// It returns every problem found, warnings included, sorted by position;
// the glossary is nil when any of them is an error.
func Load(inputs []Input, opts ValidateOptions) (*Glossary, Problems) {
	var problems Problems
	parsed := make([]*Glossary, 0, len(inputs))
	for _, in := range inputs {
		g, ps := Parse(in.Name, in.Data)
		problems = append(problems, ps...)
		parsed = append(parsed, g)
	}
	merged := merge(parsed, nil, true)
	// A file that failed to parse has already said why it holds nothing.
	if len(merged.Concepts) == 0 && problems.Errors() == 0 && len(inputs) > 0 {
		problems.errorf(Pos{File: inputs[len(inputs)-1].Name, Line: 1, Column: 1}, "the glossary has no concepts")
	}
	problems = append(problems, Validate(merged, opts)...)
	problems.Sort()
	if problems.Errors() > 0 {
		return nil, problems
	}
	return merged, problems
}
