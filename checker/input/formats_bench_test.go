package input

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/glossary"
	"github.com/yuin/goldmark/text"
)

// The benchmarks of this file read generated input of a few megabytes
// (bench/corpus): Markdown as termlint meets it in a translation
// repository, the same files as plain text, and bilingual sentence pairs
// in each translation format.

const benchSize = 4_000_000

var benchGlossary = sync.OnceValue(func() *glossary.Glossary {
	g, problems := termlint.LoadDefault()
	if g == nil {
		panic(fmt.Sprint(problems))
	}
	return g
})

// benchCorpus is about benchSize bytes of generated Markdown files.
var benchCorpus = sync.OnceValue(func() []corpus.File {
	opts := corpus.DefaultOptions()
	opts.Size = benchSize
	var files []corpus.File
	if err := corpus.Generate(benchGlossary(), opts, func(f corpus.File) error {
		files = append(files, f)
		return nil
	}); err != nil {
		panic(err)
	}
	return files
})

// benchPairs returns enough sentence pairs for about benchSize bytes of a
// translation format.
var benchPairs = sync.OnceValue(func() []corpus.Pair {
	return corpus.Pairs(benchGlossary(), 25_000, 1, 200)
})

func benchmarkFiles(b *testing.B, f Format) {
	files := benchCorpus()
	var size int64
	for _, file := range files {
		size += int64(len(file.Data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, file := range files {
			if _, err := ReadAs(file.Path, file.Data, f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadMarkdownCorpus reads the generated Markdown files.
func BenchmarkReadMarkdownCorpus(b *testing.B) { benchmarkFiles(b, Markdown) }

// BenchmarkReadPlainText reads the same files as plain text: decoding,
// suppressions and the search for paragraphs to pair, without a parser.
func BenchmarkReadPlainText(b *testing.B) { benchmarkFiles(b, PlainText) }

// BenchmarkGoldmarkOnly is the Markdown parser alone on the same files,
// on every core as check runs it: what reading Markdown costs before
// termlint does anything with the syntax tree, the floor under
// BenchmarkReadMarkdownCorpus and under check's time on Markdown.
func BenchmarkGoldmarkOnly(b *testing.B) {
	files := benchCorpus()
	var size int64
	for _, file := range files {
		size += int64(len(file.Data))
	}
	b.SetBytes(size / int64(len(files))) // one file per iteration
	var next atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			file := files[int(next.Add(1))%len(files)]
			markdownParser.Parse(text.NewReader(file.Data))
		}
	})
}

func benchmarkFormat(b *testing.B, name string, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Read(name, data)
		if err != nil {
			b.Fatal(err)
		}
		if len(doc.Segments) != len(benchPairs()) {
			b.Fatalf("%d segments, want %d", len(doc.Segments), len(benchPairs()))
		}
	}
}

func BenchmarkReadTMX(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
  <body>
`)
	for i, p := range benchPairs() {
		fmt.Fprintf(&buf, "    <tu tuid=\"%d\">\n      <tuv xml:lang=\"zh-CN\"><seg>%s</seg></tuv>\n      <tuv xml:lang=\"en\"><seg>%s</seg></tuv>\n    </tu>\n",
			i+1, html.EscapeString(p.ZH), html.EscapeString(p.EN))
	}
	buf.WriteString("  </body>\n</tmx>\n")
	benchmarkFormat(b, "bench.tmx", buf.Bytes())
}

func BenchmarkReadXLIFF(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="bench" source-language="zh-CN" target-language="en" datatype="plaintext">
    <body>
`)
	for i, p := range benchPairs() {
		fmt.Fprintf(&buf, "      <trans-unit id=\"%d\">\n        <source>%s</source>\n        <target>%s</target>\n      </trans-unit>\n",
			i+1, html.EscapeString(p.ZH), html.EscapeString(p.EN))
	}
	buf.WriteString("    </body>\n  </file>\n</xliff>\n")
	benchmarkFormat(b, "bench.xlf", buf.Bytes())
}

func BenchmarkReadPO(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: en\\n\"\n\n")
	quote := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	for i, p := range benchPairs() {
		fmt.Fprintf(&buf, "#: chapter.txt:%d\nmsgid \"%s\"\nmsgstr \"%s\"\n\n", i+1, quote.Replace(p.ZH), quote.Replace(p.EN))
	}
	benchmarkFormat(b, "bench.po", buf.Bytes())
}
