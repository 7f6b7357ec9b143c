// Command precision reviews the precision of termlint on real,
// third-party text: it runs termlint check on each set of the shared
// material (../shared beside the repository) in every mode and counts the
// findings by the verdicts of the judged list, bench/precision/judged.tsv.
// See README.md.
//
//	go run ./bench/precision [--bin PATH] [--shared DIR] [--judged FILE]
//	                         [--rules NAME,...] [--list] [--unjudged FILE] [--update]
//
// It exits 0 when the review ran, whatever the numbers, and 2 on errors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// config is what the flags ask for.
type config struct {
	Bin, Shared, Judged string
	// Unjudged is where to write the unjudged findings, if anywhere.
	Unjudged string
	List     bool
	Update   bool
	// Rules, if set, are the rules the table counts, comma-separated.
	Rules string
}

// errUsage is a bad command line, which the flag package has already
// reported with the usage.
var errUsage = errors.New("bad usage")

// run runs the command and returns its exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	if err == nil {
		err = precision(ctx, cfg, stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "precision: %v\n", err)
		return 2
	}
	return 0
}

// parseFlags reads the command line.
func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("precision", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := &config{}
	fs.StringVar(&cfg.Bin, "bin", "", "termlint `binary` to review (default: build ./cmd/termlint)")
	fs.StringVar(&cfg.Shared, "shared", "", "`folder` of the material (default: ../shared beside the repository)")
	fs.StringVar(&cfg.Judged, "judged", "", "judged list `file` (default: bench/precision/judged.tsv)")
	fs.StringVar(&cfg.Unjudged, "unjudged", "", "write the unjudged findings to `file` as judged-list lines with verdict ?")
	fs.BoolVar(&cfg.List, "list", false, "print every finding with its verdict")
	fs.StringVar(&cfg.Rules, "rules", "", "count only these `rules` (comma-separated) in the table, e.g. inconsistent,non-preferred,deprecated")
	fs.BoolVar(&cfg.Update, "update", false, "rewrite the judged list sorted, marking entries open or gone by whether they are produced")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, errUsage
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return cfg, nil
}

// precision runs the review and prints what it found.
func precision(ctx context.Context, cfg *config, stdout io.Writer) error {
	opts, err := resolve(cfg)
	if err != nil {
		return err
	}
	if present, _ := presentSets(opts.Shared); len(present) == 0 {
		fmt.Fprintf(stdout, "precision: no material in %s (want seeds/ and realworld/ there); nothing to review\n", opts.Shared)
		return nil
	}
	if opts.Bin == "" {
		tmp, err := os.MkdirTemp("", "termlint-precision-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		if opts.Bin, err = buildTermlint(ctx, opts.Root, tmp); err != nil {
			return err
		}
	}
	r, err := runReview(ctx, opts)
	if err != nil {
		return err
	}
	return report(r, cfg, stdout)
}

// resolve fills in the defaults, which depend on the repository root.
func resolve(cfg *config) (reviewOptions, error) {
	root, err := findRoot(".")
	if err != nil {
		return reviewOptions{}, err
	}
	opts := reviewOptions{Root: root, Bin: cfg.Bin, Shared: cfg.Shared, Judged: cfg.Judged}
	if cfg.Rules != "" {
		opts.Rules = strings.Split(cfg.Rules, ",")
	}
	// The runs' working directory is the root, so a binary given by a
	// relative path is found from here first; a bare name is looked up in
	// PATH.
	if strings.ContainsRune(opts.Bin, filepath.Separator) {
		if opts.Bin, err = filepath.Abs(opts.Bin); err != nil {
			return reviewOptions{}, err
		}
	}
	if opts.Shared == "" {
		opts.Shared = defaultShared(root)
	}
	if opts.Judged == "" {
		opts.Judged = judgedPath(root)
	}
	return opts, nil
}

// report prints the review and writes what the flags ask for.
func report(r *review, cfg *config, stdout io.Writer) error {
	if cfg.List {
		if err := printFindings(stdout, r.outcome); err != nil {
			return err
		}
		fmt.Fprintln(stdout)
	}
	for _, name := range r.Missing {
		fmt.Fprintf(stdout, "set %s: no material, skipped\n", name)
	}
	if err := printTable(stdout, r.outcome); err != nil {
		return err
	}
	printProblems(stdout, r.outcome)
	if cfg.Unjudged != "" {
		if err := saveUnjudged(r.outcome, cfg.Unjudged, stdout); err != nil {
			return err
		}
	}
	if cfg.Update {
		open, gone, err := r.update()
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "updated %s: %d entries open, %d gone\n", r.List.Name, open, gone)
	}
	return nil
}

// printProblems says which findings are unjudged and which entries
// disagree with the findings: what the test fails on.
func printProblems(w io.Writer, o *outcome) {
	fmt.Fprintln(w)
	unjudged, lines := 0, len(unjudgedLines(o))
	for _, t := range o.Tallies {
		unjudged += t.Unjudged
	}
	if unjudged > 0 {
		fmt.Fprintf(w, "unjudged: %d findings (%d judged-list lines); to judge them: go run ./bench/precision --unjudged FILE\n", unjudged, lines)
	}
	problems := o.problems()
	for _, p := range problems {
		fmt.Fprintln(w, p)
	}
	if unjudged == 0 && len(problems) == 0 {
		fmt.Fprintln(w, "every finding is judged and the judged list is up to date")
	}
}

// saveUnjudged writes the unjudged findings to path.
func saveUnjudged(o *outcome, path string, stdout io.Writer) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	n, err := writeUnjudged(f, o)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d unjudged lines to %s: fill in each verdict and reason, then append them to the judged list\n", n, path)
	return nil
}
