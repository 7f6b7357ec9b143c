// Package corpus generates the inputs of termlint's benchmarks: a
// reproducible corpus of Markdown files that use a glossary's renderings
// the way translators do (one house style per file, with rare slips), a
// synthetic glossary of any size, and bilingual sentence pairs for the
// readers of translation formats.
//
// Everything is built from the template sentences and word lists of this
// package with math/rand/v2 and a fixed seed: the same options give the
// same bytes on every machine and every run.
package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/glossary"
)

// Options say what corpus to generate.
type Options struct {
	// Size is the corpus's approximate size in bytes; generation stops
	// at the first file that reaches it.
	Size int64
	// Seed makes the corpus: the same seed gives the same files.
	Seed uint64
	// SlipEvery is how rare slips are: about one mention in SlipEvery
	// uses another rendering of its concept than the file's house style
	// prefers. Zero means no slips.
	SlipEvery int
	// LiteralShare is the share of files written in the literal style;
	// the others are in the official style.
	LiteralShare float64
	// MinFile and MaxFile bound the sizes of files in bytes; zero means
	// 10,000 and 60,000.
	MinFile, MaxFile int
}

// DefaultOptions are the options bench/gencorpus uses unless told
// otherwise: 100 MB, seed 1, one slip in 200 mentions, one file in ten
// in the literal style.
func DefaultOptions() Options {
	return Options{Size: 100_000_000, Seed: 1, SlipEvery: 200, LiteralShare: 0.1}
}

// File is one generated file.
type File struct {
	// Path is slash-separated and relative to the corpus's root.
	Path string
	Data []byte
}

// Generate builds the corpus from g's renderings and calls write with
// each file in turn, stopping at the first error write returns.
func Generate(g *glossary.Glossary, opts Options, write func(File) error) error {
	if opts.MinFile == 0 {
		opts.MinFile = 10_000
	}
	if opts.MaxFile == 0 {
		opts.MaxFile = 60_000
	}
	if opts.MaxFile < opts.MinFile {
		return fmt.Errorf("the largest file (%d bytes) is smaller than the smallest (%d bytes)", opts.MaxFile, opts.MinFile)
	}
	houses := map[string][]house{}
	for _, style := range []string{"official", "literal"} {
		if houses[style] = housesOf(g, style); len(houses[style]) == 0 {
			return fmt.Errorf("the glossary has no concepts with a preferred rendering in the %s style", style)
		}
	}
	r := rand.New(rand.NewPCG(opts.Seed, 0x636f72707573)) // "corpus"
	var total int64
	for i := 0; total < opts.Size; i++ {
		style := "official"
		if r.Float64() < opts.LiteralShare {
			style = "literal"
		}
		size := opts.MinFile + r.IntN(opts.MaxFile-opts.MinFile+1)
		// Each file has a generator of its own, seeded by its number, so
		// that a file does not change when another one's size does.
		fg := &fileGen{
			r:         rand.New(rand.NewPCG(opts.Seed, uint64(i)+1)),
			houses:    houses[style],
			slipEvery: opts.SlipEvery,
		}
		f := File{Path: fg.path(i), Data: fg.file(size)}
		total += int64(len(f.Data))
		if err := write(f); err != nil {
			return err
		}
	}
	return nil
}

// house is how a file of one house style writes a concept.
type house struct {
	c *glossary.Concept
	// text is the preferred rendering; abbrev, an all-capitals form of it
	// ("BRI") that may stand for it after its first mention, or "".
	text, abbrev string
	// slips are the concept's other renderings.
	slips []string
	// quoted writes the concept in quotation marks: a slogan or set phrase
	// ("amity, sincerity, mutual benefit and inclusiveness") reads as a
	// quotation in running prose.
	quoted bool
}

// housesOf lists how a file in style writes each concept that style
// prefers a rendering of, leaving out concepts that are only parts of
// compounds ("work").
func housesOf(g *glossary.Glossary, style string) []house {
	var hs []house
	for _, c := range g.Concepts {
		pref := c.Preferred(style)
		if pref == nil || c.IsPart() {
			continue
		}
		h := house{c: c, text: pref.EN, quoted: strings.Contains(pref.EN, ",") || slices.Contains(c.Tags, "principle") || slices.Contains(c.Tags, "phrase")}
		for _, f := range pref.Forms {
			if isAbbreviation(f) {
				h.abbrev = f
				break
			}
		}
		for _, other := range c.Renderings {
			if other != pref {
				h.slips = append(h.slips, other.EN)
			}
		}
		hs = append(hs, h)
	}
	return hs
}

func isAbbreviation(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// fileGen writes one file.
type fileGen struct {
	r         *rand.Rand
	houses    []house
	slipEvery int
	// topic is the file's own selection of concepts, the most mentioned
	// first; weights are their cumulative weights.
	topic   []*house
	weights []float64
	// mentioned records the concepts already written, whose abbreviation
	// may now stand for them.
	mentioned map[*glossary.Concept]bool
	// width is the column hard-wrapped files wrap at; 0 writes each
	// paragraph on one line.
	width     int
	footnotes int
}

func (fg *fileGen) path(i int) string {
	r := fg.r
	dir := path.Join(sections[r.IntN(len(sections))], fmt.Sprint(2013+r.IntN(13)))
	if r.IntN(4) == 0 {
		dir = path.Join(dir, fmt.Sprintf("part-%d", 1+r.IntN(5)))
	}
	name := fmt.Sprintf("%05d-%s-%s.md", i, topics[r.IntN(len(topics))], topics[r.IntN(len(topics))])
	return path.Join(dir, name)
}

// file writes a Markdown file of about size bytes: optional front matter,
// a title, and sections of paragraphs, lists, quotations, tables and code.
func (fg *fileGen) file(size int) []byte {
	r := fg.r
	fg.pickTopic()
	fg.mentioned = map[*glossary.Concept]bool{}
	if r.IntN(2) == 0 {
		fg.width = 72 + r.IntN(29)
	}
	var b bytes.Buffer
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %d-%02d-%02d\ndraft: %v\n---\n\n",
			fg.plain(headings[r.IntN(len(headings))]), 2013+r.IntN(13), 1+r.IntN(12), 1+r.IntN(28), r.IntN(2) == 0)
	}
	fmt.Fprintf(&b, "# %s\n\n", fg.fill(headings[r.IntN(len(headings))], false))
	fg.paragraph(&b, 2+r.IntN(3))
	for b.Len() < size {
		fmt.Fprintf(&b, "## %s\n\n", fg.fill(headings[r.IntN(len(headings))], false))
		for range 2 + r.IntN(5) {
			switch k := r.IntN(20); {
			case k < 12:
				fg.paragraph(&b, 3+r.IntN(6))
			case k < 14:
				fg.list(&b)
			case k < 15:
				fg.quote(&b)
			case k < 16:
				fg.table(&b)
			case k < 17:
				fg.code(&b)
			case k < 18:
				fmt.Fprintf(&b, "### %s\n\n", fg.fill(headings[r.IntN(len(headings))], false))
			default:
				fg.paragraph(&b, 1+r.IntN(3))
			}
		}
	}
	for i := 1; i <= fg.footnotes; i++ {
		fmt.Fprintf(&b, "[^%d]: %s\n\n", i, fg.sentence())
	}
	return b.Bytes()
}

// pickTopic chooses the concepts the file is about, and how often it
// mentions each: the k-th most mentioned about 1/k as often as the first.
func (fg *fileGen) pickTopic() {
	n := min(len(fg.houses), 6+fg.r.IntN(20))
	fg.topic = fg.topic[:0]
	for _, i := range fg.r.Perm(len(fg.houses))[:n] {
		fg.topic = append(fg.topic, &fg.houses[i])
	}
	fg.weights = make([]float64, n)
	sum := 0.0
	for i := range n {
		sum += 1 / float64(i+1)
		fg.weights[i] = sum
	}
}

// mention writes one mention of a concept of the file's topic: its house
// rendering, its abbreviation, or now and then a slip.
func (fg *fileGen) mention() string {
	r := fg.r
	x := r.Float64() * fg.weights[len(fg.weights)-1]
	i, _ := slices.BinarySearch(fg.weights, x)
	h := fg.topic[min(i, len(fg.topic)-1)]
	text := h.text
	switch {
	case fg.slipEvery > 0 && len(h.slips) > 0 && r.IntN(fg.slipEvery) == 0:
		text = h.slips[r.IntN(len(h.slips))]
	case h.abbrev != "" && fg.mentioned[h.c] && r.IntN(3) == 0:
		text = h.abbrev
	}
	fg.mentioned[h.c] = true
	if h.quoted {
		return "\u201c" + text + "\u201d"
	}
	// A proper name of several words takes the article ("the Belt and
	// Road Initiative", "the 18th CPC National Congress"); a common noun
	// phrase does not.
	words := strings.Fields(text)
	if len(words) > 1 && startsUpperOrDigit(words[0]) && startsUpperOrDigit(words[1]) {
		text = "the " + text
	}
	switch r.IntN(40) {
	case 0:
		return "*" + text + "*"
	case 1:
		return "**" + text + "**"
	}
	return text
}

func startsUpperOrDigit(w string) bool {
	c, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(c) || unicode.IsDigit(c)
}

// fill replaces each slot of tpl with a mention; with sentence set, the
// first letter is capitalised.
func (fg *fileGen) fill(tpl string, sentence bool) string {
	var b strings.Builder
	for {
		i := strings.Index(tpl, "{}")
		if i < 0 {
			b.WriteString(tpl)
			break
		}
		b.WriteString(tpl[:i])
		b.WriteString(fg.mention())
		tpl = tpl[i+2:]
	}
	s := b.String()
	if sentence {
		s = capitalize(s)
	}
	return s
}

// plain fills a template's slots with the house renderings, without
// markup, for front matter.
func (fg *fileGen) plain(tpl string) string {
	return strings.ReplaceAll(tpl, "{}", fg.topic[0].text)
}

// capitalize upper-cases the first letter of s, after any leading markup.
func capitalize(s string) string {
	for i, c := range s {
		if unicode.IsLetter(c) {
			return s[:i] + string(unicode.ToUpper(c)) + s[i+utf8.RuneLen(c):]
		}
		if c != '*' && c != '\u201c' {
			return s
		}
	}
	return s
}

func (fg *fileGen) sentence() string {
	return fg.fill(sentences[fg.r.IntN(len(sentences))], true)
}

// paragraph writes n sentences, now and then with a link, inline code or
// a footnote reference.
func (fg *fileGen) paragraph(b *bytes.Buffer, n int) {
	r := fg.r
	var p strings.Builder
	for i := range n {
		if i > 0 {
			p.WriteByte(' ')
		}
		p.WriteString(fg.sentence())
		switch r.IntN(30) {
		case 0:
			fmt.Fprintf(&p, " See [%s](https://example.org/%s/%d-%s.html).",
				fg.fill(linkTexts[r.IntN(len(linkTexts))], false), sections[r.IntN(len(sections))], 2013+r.IntN(13), topics[r.IntN(len(topics))])
		case 1:
			fmt.Fprintf(&p, " The file is kept as `%s-%d.pdf`.", topics[r.IntN(len(topics))], r.IntN(100))
		case 2:
			fg.footnotes++
			fmt.Fprintf(&p, "[^%d]", fg.footnotes)
		}
	}
	fg.wrapped(b, p.String(), "", "")
	b.WriteByte('\n')
}

func (fg *fileGen) list(b *bytes.Buffer) {
	r := fg.r
	numbered := r.IntN(3) == 0
	for i := range 3 + r.IntN(5) {
		marker := "- "
		if numbered {
			marker = fmt.Sprintf("%d. ", i+1)
		}
		text := fg.fill(items[r.IntN(len(items))], true)
		if r.IntN(3) == 0 {
			text += ": " + fg.sentence()
		}
		fg.wrapped(b, text, marker, strings.Repeat(" ", len(marker)))
	}
	b.WriteByte('\n')
}

func (fg *fileGen) quote(b *bytes.Buffer) {
	var p strings.Builder
	for i := range 1 + fg.r.IntN(3) {
		if i > 0 {
			p.WriteByte(' ')
		}
		p.WriteString(fg.sentence())
	}
	// Quotations stay on one line: termlint does not yet see a phrase
	// through the "> " that starts a quotation's continuation line, and
	// the corpus is to measure it, not to find its bugs.
	width := fg.width
	fg.width = 0
	fg.wrapped(b, p.String(), "> ", "> ")
	fg.width = width
	b.WriteByte('\n')
}

func (fg *fileGen) table(b *bytes.Buffer) {
	r := fg.r
	b.WriteString("| Year | Subject | Pages |\n|------|---------|------:|\n")
	for range 3 + r.IntN(6) {
		fmt.Fprintf(b, "| %d | %s | %d |\n", 2013+r.IntN(13), capitalize(fg.mention()), 1+r.IntN(200))
	}
	b.WriteByte('\n')
}

// code writes a fenced block of YAML naming the file's concepts: code the
// checker must skip and ripgrep still searches.
func (fg *fileGen) code(b *bytes.Buffer) {
	r := fg.r
	b.WriteString("```yaml\n")
	for range 2 + r.IntN(5) {
		h := fg.topic[r.IntN(len(fg.topic))]
		fmt.Fprintf(b, "%s: %q\n", codeKeys[r.IntN(len(codeKeys))], h.text)
	}
	fmt.Fprintf(b, "pages: %d\n```\n\n", 1+r.IntN(300))
}

// wrapped writes text after first, wrapping at the file's width with
// later lines after rest.
func (fg *fileGen) wrapped(b *bytes.Buffer, text, first, rest string) {
	b.WriteString(first)
	if fg.width == 0 {
		b.WriteString(text)
		b.WriteByte('\n')
		return
	}
	col := len(first)
	for i, w := range strings.Fields(text) {
		if i > 0 {
			if col+1+utf8.RuneCountInString(w) > fg.width {
				b.WriteByte('\n')
				b.WriteString(rest)
				col = len(rest)
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += utf8.RuneCountInString(w)
	}
	b.WriteByte('\n')
}
