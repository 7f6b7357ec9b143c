// Command gencorpus writes the inputs of termlint's benchmark
// (bench/run.sh): a reproducible Markdown corpus that uses the default
// glossary's renderings, or a synthetic glossary of N concepts, and the
// renderings a bare matcher searches for.
//
//	go run ./bench/gencorpus -out DIR -size 100MB -seed 1 [-renderings FILE]
//	go run ./bench/gencorpus -glossary 100000 -out FILE.yaml -seed 1 [-renderings FILE]
//
// The same flags write the same bytes. The corpus is written into a new
// folder beside DIR and renamed to DIR when complete, so an interrupted run
// leaves nothing half-written; DIR must not exist.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/atomicfile"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(2)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	def := corpus.DefaultOptions()
	out := fs.String("out", "", "the corpus `folder` to create, or with -glossary the glossary `file` to write")
	size := fs.String("size", "100MB", "approximate corpus `size`: bytes, or a number with KB, MB or GB (powers of 1000)")
	seed := fs.Uint64("seed", def.Seed, "random `seed`: the same seed writes the same bytes")
	slip := fs.Int("slip", def.SlipEvery, "about one mention in `N` uses a rendering its file's house style does not prefer (0: none)")
	literal := fs.Float64("literal", def.LiteralShare, "`share` of files written in the literal style (the others are official)")
	concepts := fs.Int("glossary", 0, "write a synthetic glossary of `N` concepts to -out instead of a corpus")
	renderings := fs.String("renderings", "", "also write the renderings a bare matcher searches for to `file`, one per line: the default glossary's, and with -glossary the synthetic one's too")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case *out == "":
		return errors.New("-out is required")
	case *concepts < 0:
		return fmt.Errorf("-glossary %d: want a positive number of concepts", *concepts)
	case *slip < 0:
		return fmt.Errorf("-slip %d: want 0 or more", *slip)
	case *literal < 0 || *literal > 1:
		return fmt.Errorf("-literal %v: want a share between 0 and 1", *literal)
	}
	g, problems := termlint.LoadDefault()
	if g == nil {
		return fmt.Errorf("the default glossary does not load: %v", problems)
	}
	lines := corpus.Renderings(g)
	if *concepts > 0 {
		data := corpus.Synthetic(*concepts, *seed, g)
		if err := atomicfile.Write(*out, data, 0o644); err != nil {
			return err
		}
		if *renderings != "" {
			synth, problems := glossary.Load([]glossary.Input{{Name: *out, Data: data}}, glossary.ValidateOptions{})
			if synth == nil {
				return fmt.Errorf("the synthetic glossary does not load: %v", problems)
			}
			lines = append(lines, corpus.Renderings(synth)...)
		}
	} else {
		opts := def
		opts.Seed, opts.SlipEvery, opts.LiteralShare = *seed, *slip, *literal
		n, err := parseSize(*size)
		if err != nil {
			return err
		}
		opts.Size = n
		if err := writeCorpus(*out, func(write func(corpus.File) error) error {
			return corpus.Generate(g, opts, write)
		}); err != nil {
			return err
		}
	}
	if *renderings != "" {
		return atomicfile.Write(*renderings, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	}
	return nil
}

// parseSize reads "100MB", "500KB", "1GB" or a number of bytes.
func parseSize(s string) (int64, error) {
	num, mult := strings.ToUpper(strings.TrimSpace(s)), int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}} {
		if strings.HasSuffix(num, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("-size %q: want a positive size such as 100MB", s)
	}
	return int64(n * float64(mult)), nil
}

// writeCorpus creates dir with the files generate writes: into a fresh
// folder beside it first, renamed to dir when every file is written.
func writeCorpus(dir string, generate func(func(corpus.File) error) error) error {
	if _, err := os.Lstat(dir); err == nil {
		return fmt.Errorf("%s already exists; remove it or choose another -out", dir)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	err = generate(func(f corpus.File) error {
		name := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		return os.WriteFile(name, f.Data, 0o644)
	})
	if err == nil {
		err = os.Chmod(tmp, 0o755) // MkdirTemp makes it 0700
	}
	if err == nil {
		err = os.Rename(tmp, dir)
	}
	if err != nil {
		os.RemoveAll(tmp)
	}
	return err
}
