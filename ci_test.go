package termlint_test

// Tests of what a translation repository pastes into its CI: the GitHub
// Action (action.yml), the pre-commit hooks (.pre-commit-hooks.yaml) and
// the workflows README.md's "Continuous integration" section and
// docs/ci.md show.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/checker/input"

	"github.com/termlint/termlint/internal/gittest"
)

// actionlintVersion is pinned so that a new actionlint release cannot turn
// the tests red on its own.
const actionlintVersion = "v1.7.12"

type actionMeta struct {
	Name        string                  `yaml:"name"`
	Description string                  `yaml:"description"`
	Author      string                  `yaml:"author"`
	Branding    map[string]string       `yaml:"branding"`
	Inputs      map[string]actionInput  `yaml:"inputs"`
	Outputs     map[string]actionOutput `yaml:"outputs"`
	Runs        struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionInput struct {
	Description string  `yaml:"description"`
	Default     *string `yaml:"default"`
	Required    bool    `yaml:"required"`
}

type actionOutput struct {
	Description string `yaml:"description"`
	Value       string `yaml:"value"`
}

type actionStep struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Run              string            `yaml:"run"`
	Shell            string            `yaml:"shell"`
	Env              map[string]string `yaml:"env"`
	WorkingDirectory string            `yaml:"working-directory"`
}

// readAction parses action.yml, rejecting keys this test does not know, so
// that a misspelt key (which GitHub would reject) fails here first.
func readAction(t *testing.T) (*actionMeta, string) {
	t.Helper()
	data, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var meta actionMeta
	if err := dec.Decode(&meta); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &meta, string(data)
}

var (
	expression = regexp.MustCompile(`(?s)\$\{\{(.*?)\}\}`)
	inputRef   = regexp.MustCompile(`\binputs\.([A-Za-z0-9_-]+)`)
	stepRef    = regexp.MustCompile(`\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)`)
	// A remote action pinned to a major version (or a full commit).
	pinnedUses = regexp.MustCompile(`^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+|[0-9a-f]{40})$`)
)

func TestActionMetadata(t *testing.T) {
	meta, text := readAction(t)
	if meta.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", meta.Runs.Using)
	}
	if meta.Name == "" || meta.Description == "" {
		t.Error("the action needs a name and a description")
	}
	wantDefaults := map[string]string{"paths": ".", "format": "annotations", "style": "", "config": "",
		"fail-on": "", "diff-base": "auto", "args": "", "go-version": ""}
	for name, def := range wantDefaults {
		in, ok := meta.Inputs[name]
		switch {
		case !ok:
			t.Errorf("no input %q", name)
		case in.Default == nil || *in.Default != def:
			t.Errorf("input %q: default %v, want %q", name, in.Default, def)
		}
	}
	for name, in := range meta.Inputs {
		if strings.TrimSpace(in.Description) == "" {
			t.Errorf("input %q has no description", name)
		}
		if in.Required {
			t.Errorf("input %q is required: every input should have a default", name)
		}
	}
	for name, out := range meta.Outputs {
		if out.Description == "" || out.Value == "" {
			t.Errorf("output %q needs a description and a value", name)
		}
	}

	ids := map[string]bool{}
	for _, s := range meta.Runs.Steps {
		if s.ID != "" {
			ids[s.ID] = true
		}
	}
	used := map[string]bool{}
	for _, m := range expression.FindAllStringSubmatch(text, -1) {
		for _, ref := range inputRef.FindAllStringSubmatch(m[1], -1) {
			used[ref[1]] = true
			if _, ok := meta.Inputs[ref[1]]; !ok {
				t.Errorf("%s refers to an undeclared input %q", m[0], ref[1])
			}
		}
		for _, ref := range stepRef.FindAllStringSubmatch(m[1], -1) {
			if !ids[ref[1]] {
				t.Errorf("%s refers to no step: no step has id %q", m[0], ref[1])
			}
		}
	}
	for name := range meta.Inputs {
		if !used[name] {
			t.Errorf("input %q is declared but never used", name)
		}
	}

	var uploads, setupGo int
	for i, s := range meta.Runs.Steps {
		where := "step " + s.Name
		if s.Name == "" {
			t.Errorf("step %d has no name", i+1)
		}
		switch {
		case s.Run != "" && s.Uses != "":
			t.Errorf("%s: both run and uses", where)
		case s.Run != "":
			if s.Shell == "" {
				t.Errorf("%s: a composite run step needs a shell", where)
			}
			// An expression in a script is expanded into its text before
			// the shell sees it: an input holding $(...) would be run.
			if strings.Contains(s.Run, "${{") {
				t.Errorf("%s: expression in a run script; pass it through env instead", where)
			}
		case s.Uses != "":
			if !pinnedUses.MatchString(s.Uses) {
				t.Errorf("%s: uses %q, want owner/repo@vN or a commit", where, s.Uses)
			}
		default:
			t.Errorf("%s: neither run nor uses", where)
		}
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			uploads++
			if !strings.Contains(s.If, "inputs.format == 'sarif'") {
				t.Errorf("%s: runs if %q; want it only for format sarif", where, s.If)
			}
		}
		if strings.HasPrefix(s.Uses, "actions/setup-go@") {
			setupGo++
			if f := s.With["go-version-file"]; !strings.Contains(f, "github.action_path") || !strings.Contains(f, "go.mod") {
				t.Errorf("%s: go-version-file %q, want the action's own go.mod", where, f)
			}
		}
	}
	if uploads != 1 || setupGo != 1 {
		t.Errorf("%d upload-sarif and %d setup-go steps, want one each", uploads, setupGo)
	}
}

// checkStep returns the action's step that runs termlint check.
func checkStep(t *testing.T, meta *actionMeta) actionStep {
	t.Helper()
	for _, s := range meta.Runs.Steps {
		if s.ID == "check" {
			return s
		}
	}
	t.Fatal("action.yml has no step with id check")
	return actionStep{}
}

// fakeTermlint stands in for the built binary: it records its arguments,
// one per line, in $FAKE_ARGS, prints findings in the format asked for and
// exits with $FAKE_STATUS.
const fakeTermlint = `#!/usr/bin/env bash
printf '%s\n' "$@" > "$FAKE_ARGS"
case " $* " in
*" --format sarif "*) echo '{"runs":[{"results":[{"ruleId":"inconsistent"},{"ruleId":"deprecated"}]}]}' ;;
*) printf '::warning file=a.md,line=1::one\n::error file=b.md,line=2,col=3::two\n' ;;
esac
exit "${FAKE_STATUS:-0}"
`

// stepRun is what one run of the check step did.
type stepRun struct {
	code    int
	args    []string // termlint's, nil if it was not run
	outputs map[string]string
	stdout  string
	path    string // what the step added to GITHUB_PATH
}

// runCheckStep runs the check step's script as the runner would (bash
// -eo pipefail, in the workspace dir), with its env expressions evaluated
// over inputs (falling back to the action's defaults) and the pull
// request's base commit prBase ("" on push).
func runCheckStep(t *testing.T, meta *actionMeta, dir string, inputs map[string]string, prBase string, status string) stepRun {
	t.Helper()
	return runCheckStepWith(t, meta, dir, inputs, prBase, status, "")
}

// runCheckStepWith is runCheckStep with the termlint binary at path, or
// the stand-in when path is "".
func runCheckStepWith(t *testing.T, meta *actionMeta, dir string, inputs map[string]string, prBase string, status string, path string) stepRun {
	t.Helper()
	step := checkStep(t, meta)
	tmp := t.TempDir()
	fake := filepath.Join(tmp, "bin", "termlint")
	writeFile(t, fake, fakeTermlint, 0o755)
	if path != "" {
		fake = path
	}
	script := filepath.Join(tmp, "check.sh")
	writeFile(t, script, step.Run, 0o644)
	outputFile, pathFile, argsFile := filepath.Join(tmp, "output"), filepath.Join(tmp, "path"), filepath.Join(tmp, "args")
	runnerTemp := filepath.Join(tmp, "runner-temp")
	if err := os.Mkdir(runnerTemp, 0o755); err != nil {
		t.Fatal(err)
	}

	env := []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + tmp, "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C",
		"RUNNER_TEMP=" + runnerTemp, "RUNNER_OS=Linux", "GITHUB_OUTPUT=" + outputFile, "GITHUB_PATH=" + pathFile,
		"FAKE_ARGS=" + argsFile, "FAKE_STATUS=" + status,
	}
	for name, value := range step.Env {
		m := expression.FindStringSubmatch(value)
		if m == nil || m[0] != value {
			t.Fatalf("env %s: %q is not one expression", name, value)
		}
		expr := strings.TrimSpace(m[1])
		switch {
		case strings.HasPrefix(expr, "inputs."):
			in := strings.TrimPrefix(expr, "inputs.")
			v, ok := inputs[in]
			if !ok {
				v = *meta.Inputs[in].Default
			}
			env = append(env, name+"="+v)
		case expr == "steps.source.outputs.path":
			env = append(env, name+"="+fake)
		case expr == "github.event.pull_request.base.sha":
			env = append(env, name+"="+prBase)
		default:
			t.Fatalf("env %s: the test does not know how to evaluate %s", name, value)
		}
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir, cmd.Env = dir, env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var run stepRun
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		run.code = exitErr.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if stderr.Len() > 0 {
		t.Logf("stderr of the check step:\n%s", stderr.String())
	}
	run.stdout = stdout.String()
	if data, err := os.ReadFile(argsFile); err == nil {
		run.args = strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	}
	run.outputs = map[string]string{}
	if data, err := os.ReadFile(outputFile); err == nil {
		for line := range strings.Lines(string(data)) {
			k, v, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "=")
			run.outputs[k] = v
		}
	}
	if data, err := os.ReadFile(pathFile); err == nil {
		run.path = strings.TrimSpace(string(data))
	}
	run.outputs["runner-temp"] = runnerTemp
	return run
}

func writeFile(t *testing.T, name, text string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
}

// git runs git in dir as a fixed author and returns its trimmed output.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return gittest.Run(t, dir, args...)
}

// originAndShallowClone makes a repository with two commits on main and
// one on a branch release, and a clone of main one commit deep, as
// actions/checkout makes it. It returns the clone and the first commit.
func originAndShallowClone(t *testing.T) (clone, first string) {
	t.Helper()
	origin := filepath.Join(t.TempDir(), "origin")
	git(t, filepath.Dir(origin), "init", "-q", "-b", "main", origin)
	// GitHub serves any commit by its id; a local repository must be told.
	git(t, origin, "config", "uploadpack.allowAnySHA1InWant", "true")
	writeFile(t, filepath.Join(origin, "a.md"), "Periphery work.\n", 0o644)
	git(t, origin, "add", "a.md")
	git(t, origin, "commit", "-q", "-m", "first")
	first = git(t, origin, "rev-parse", "HEAD")
	writeFile(t, filepath.Join(origin, "a.md"), "Periphery work.\nNeighborhood work.\n", 0o644)
	git(t, origin, "commit", "-q", "-am", "second")
	git(t, origin, "branch", "release", first)
	clone = filepath.Join(t.TempDir(), "clone")
	git(t, filepath.Dir(clone), "clone", "-q", "--depth=1", "file://"+origin, clone)
	return clone, first
}

// TestActionCheckStepEndToEnd runs the action's check step with termlint
// itself on a pull request in a shallow clone, as a workflow pasted from
// the documentation would: only the line the pull request adds is annotated.
func TestActionCheckStepEndToEnd(t *testing.T) {
	for _, tool := range []string{"bash", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	bin := filepath.Join(t.TempDir(), "termlint")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/termlint").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	meta, _ := readAction(t)
	origin := filepath.Join(t.TempDir(), "origin")
	git(t, filepath.Dir(origin), "init", "-q", "-b", "main", origin)
	git(t, origin, "config", "uploadpack.allowAnySHA1InWant", "true")
	// On main, one slip already: the pull request is not to blame for it.
	old := "Our work on periphery affairs grew.\nPeriphery work lacks staff.\nWork on periphery affairs will go on.\n"
	writeFile(t, filepath.Join(origin, "docs", "a.md"), old, 0o644)
	git(t, origin, "add", ".")
	git(t, origin, "commit", "-q", "-m", "base")
	base := git(t, origin, "rev-parse", "HEAD")
	writeFile(t, filepath.Join(origin, "docs", "a.md"), old+"\nThe plan calls it One Belt, One Road.\n", 0o644)
	git(t, origin, "commit", "-q", "-am", "pull request")
	clone := filepath.Join(t.TempDir(), "clone")
	git(t, filepath.Dir(clone), "clone", "-q", "--depth=1", "file://"+origin, clone)

	run := runCheckStepWith(t, meta, clone, nil, base, "", bin)
	want := "::warning file=docs/a.md,line=5,col=19,endLine=5,endColumn=37,title=termlint deprecated::"
	if run.code != 0 || !strings.HasPrefix(run.stdout, want) || strings.Count(run.stdout, "::warning") != 1 {
		t.Errorf("exit %d, log:\n%s\nwant one annotation starting %q", run.code, run.stdout, want)
	}
	if run.outputs["exit-code"] != "1" || run.outputs["findings"] != "1" {
		t.Errorf("outputs %v, want exit-code 1 and findings 1", run.outputs)
	}

	// SARIF for code scanning covers every line.
	run = runCheckStepWith(t, meta, clone, map[string]string{"format": "sarif"}, base, "", bin)
	data, err := os.ReadFile(run.outputs["sarif-file"])
	if err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Version string
		Runs    []struct{ Results []struct{ RuleID string } }
	}
	if err := json.Unmarshal(data, &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 2 {
		t.Errorf("SARIF (%v): version %q, %d runs; want 2.1.0 with both findings:\n%.400s", err, sarif.Version, len(sarif.Runs), data)
	}
	if run.code != 0 || run.outputs["exit-code"] != "1" || run.outputs["findings"] != "2" {
		t.Errorf("exit %d, outputs %v; want exit-code 1 and findings 2", run.code, run.outputs)
	}
}

func TestActionCheckStep(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	meta, _ := readAction(t)

	t.Run("push, defaults", func(t *testing.T) {
		run := runCheckStep(t, meta, t.TempDir(), nil, "", "1")
		want := []string{"check", "--format", "github", "--", "."}
		if run.code != 0 || !slices.Equal(run.args, want) {
			t.Fatalf("exit %d, termlint %q; want exit 0 (findings fail the last step), termlint %q", run.code, run.args, want)
		}
		if run.outputs["exit-code"] != "1" || run.outputs["findings"] != "2" {
			t.Errorf("outputs %v, want exit-code 1 and findings 2", run.outputs)
		}
		if !strings.Contains(run.stdout, "::error file=b.md,line=2,col=3::two") {
			t.Errorf("the workflow commands do not reach the log: %q", run.stdout)
		}
		if run.path == "" || !strings.HasSuffix(run.path, "bin") {
			t.Errorf("GITHUB_PATH got %q, want the directory of termlint", run.path)
		}
	})

	t.Run("every input", func(t *testing.T) {
		inputs := map[string]string{
			"paths":     "docs/ \n translations/zh-en.tmx\n",
			"style":     "official",
			"config":    "ci/termlint.yaml",
			"glossary":  "@default house.yaml",
			"fail-on":   "error",
			"diff-base": "",
			"args":      "--scope all\n--exclude vendor/",
		}
		run := runCheckStep(t, meta, t.TempDir(), inputs, "0123abc", "0")
		want := []string{"check", "--format", "github", "--style", "official", "--config", "ci/termlint.yaml",
			"--fail-on", "error", "--glossary", "@default", "--glossary", "house.yaml",
			"--scope", "all", "--exclude", "vendor/", "--", "docs/", "translations/zh-en.tmx"}
		if run.code != 0 || !slices.Equal(run.args, want) {
			t.Errorf("exit %d, termlint %q\nwant termlint %q", run.code, run.args, want)
		}
	})

	t.Run("inputs are data, not shell code", func(t *testing.T) {
		dir := t.TempDir()
		inputs := map[string]string{"paths": "$(touch pwned) `touch pwned` * ;touch pwned", "style": "x; touch pwned"}
		run := runCheckStep(t, meta, dir, inputs, "", "0")
		want := []string{"check", "--format", "github", "--style", "x; touch pwned", "--",
			"$(touch", "pwned)", "`touch", "pwned`", "*", ";touch", "pwned"}
		if !slices.Equal(run.args, want) {
			t.Errorf("termlint %q\nwant %q", run.args, want)
		}
		if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
			t.Error("an input was run as a command")
		}
	})

	t.Run("pull request, base in the checkout", func(t *testing.T) {
		dir := t.TempDir()
		git(t, dir, "init", "-q", "-b", "main")
		writeFile(t, filepath.Join(dir, "a.md"), "Periphery work.\n", 0o644)
		git(t, dir, "add", "a.md")
		git(t, dir, "commit", "-q", "-m", "base")
		base := git(t, dir, "rev-parse", "HEAD")
		run := runCheckStep(t, meta, dir, nil, base, "0")
		want := []string{"check", "--format", "github", "--diff-base", base, "--", "."}
		if !slices.Equal(run.args, want) {
			t.Errorf("termlint %q, want %q", run.args, want)
		}
	})

	t.Run("pull request, shallow checkout fetches the base", func(t *testing.T) {
		clone, first := originAndShallowClone(t)
		if err := exec.Command("git", "-C", clone, "cat-file", "-e", first+"^{commit}").Run(); err == nil {
			t.Fatal("the shallow clone already has the base commit")
		}
		run := runCheckStep(t, meta, clone, nil, first, "0")
		want := []string{"check", "--format", "github", "--diff-base", first, "--", "."}
		if !slices.Equal(run.args, want) {
			t.Errorf("termlint %q, want %q", run.args, want)
		}
		git(t, clone, "cat-file", "-e", first+"^{commit}")
	})

	t.Run("diff-base names a branch the checkout lacks", func(t *testing.T) {
		clone, first := originAndShallowClone(t)
		run := runCheckStep(t, meta, clone, map[string]string{"diff-base": "release"}, "", "0")
		want := []string{"check", "--format", "github", "--diff-base", first, "--", "."}
		if !slices.Equal(run.args, want) {
			t.Errorf("termlint %q, want %q", run.args, want)
		}
	})

	t.Run("diff-base that cannot be found", func(t *testing.T) {
		clone, _ := originAndShallowClone(t)
		run := runCheckStep(t, meta, clone, map[string]string{"diff-base": "no-such-branch"}, "", "0")
		want := []string{"check", "--format", "github", "--", "."}
		if !slices.Equal(run.args, want) {
			t.Errorf("termlint %q, want %q (every line)", run.args, want)
		}
		if !strings.Contains(run.stdout, "::warning title=termlint action::the diff-base revision is not in the checkout") {
			t.Errorf("no warning in the log: %q", run.stdout)
		}
	})

	t.Run("sarif on a pull request", func(t *testing.T) {
		run := runCheckStep(t, meta, t.TempDir(), map[string]string{"format": "sarif"}, "0123abc", "1")
		// auto diff-base stays off: code scanning wants whole analyses.
		want := []string{"check", "--format", "sarif", "--", "."}
		if run.code != 0 || !slices.Equal(run.args, want) {
			t.Fatalf("exit %d, termlint %q; want exit 0 (so that the upload runs), termlint %q", run.code, run.args, want)
		}
		sarif := filepath.Join(run.outputs["runner-temp"], "termlint.sarif")
		if run.outputs["sarif-file"] != sarif || run.outputs["findings"] != "2" || run.outputs["exit-code"] != "1" {
			t.Errorf("outputs %v, want sarif-file %s, findings 2, exit-code 1", run.outputs, sarif)
		}
		if data, err := os.ReadFile(sarif); err != nil || !bytes.Contains(data, []byte(`"ruleId"`)) {
			t.Errorf("SARIF report not written: %v %q", err, data)
		}
	})

	t.Run("sarif-file in a new directory", func(t *testing.T) {
		dir := t.TempDir()
		run := runCheckStep(t, meta, dir, map[string]string{"format": "sarif", "sarif-file": "reports/termlint.sarif"}, "", "0")
		if run.code != 0 || run.outputs["exit-code"] != "0" || run.outputs["sarif-file"] != "reports/termlint.sarif" {
			t.Fatalf("exit %d, outputs %v", run.code, run.outputs)
		}
		if _, err := os.Stat(filepath.Join(dir, "reports", "termlint.sarif")); err != nil {
			t.Error(err)
		}
	})

	t.Run("bad usage fails the step", func(t *testing.T) {
		run := runCheckStep(t, meta, t.TempDir(), nil, "", "2")
		if run.code != 2 || run.outputs["exit-code"] != "2" {
			t.Errorf("exit %d, outputs %v; want 2", run.code, run.outputs)
		}
	})

	t.Run("unknown format", func(t *testing.T) {
		run := runCheckStep(t, meta, t.TempDir(), map[string]string{"format": "json"}, "", "0")
		if run.code != 2 || run.args != nil {
			t.Errorf("exit %d, termlint %q; want exit 2 without running termlint", run.code, run.args)
		}
		if !strings.Contains(run.stdout, "::error title=termlint action::the format input must be annotations or sarif") {
			t.Errorf("no error annotation: %q", run.stdout)
		}
	})
}

// TestActionShellcheck lints the action's scripts with shellcheck, when it
// is installed.
func TestActionShellcheck(t *testing.T) {
	shellcheck, err := exec.LookPath("shellcheck")
	if err != nil {
		t.Skip("shellcheck is not installed")
	}
	meta, _ := readAction(t)
	for _, s := range meta.Runs.Steps {
		if s.Run == "" {
			continue
		}
		cmd := exec.Command(shellcheck, "--shell=bash", "-")
		cmd.Stdin = strings.NewReader(s.Run)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("step %s: shellcheck: %v\n%s", s.Name, err, out)
		}
	}
}

// preCommitHookKeys are the keys pre-commit's manifest schema allows.
var preCommitHookKeys = []string{"id", "name", "entry", "language", "alias", "files", "exclude", "types",
	"types_or", "exclude_types", "additional_dependencies", "args", "always_run", "fail_fast",
	"pass_filenames", "description", "language_version", "log_file", "require_serial", "stages",
	"verbose", "minimum_pre_commit_version"}

func TestPreCommitManifest(t *testing.T) {
	data, err := os.ReadFile(".pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []map[string]any
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	byID := map[string]map[string]any{}
	for i, h := range hooks {
		for _, k := range []string{"id", "name", "entry", "language"} {
			if s, _ := h[k].(string); s == "" {
				t.Errorf("hook %d: no %s", i+1, k)
			}
		}
		for k := range h {
			if !slices.Contains(preCommitHookKeys, k) {
				t.Errorf("hook %v: unknown key %q", h["id"], k)
			}
		}
		id, _ := h["id"].(string)
		byID[id] = h
		if h["language"] != "golang" || !strings.HasPrefix(h["entry"].(string), "termlint check") {
			t.Errorf("hook %s: language %v, entry %v; want golang and termlint check", id, h["language"], h["entry"])
		}
		if h["require_serial"] != true {
			t.Errorf("hook %s: want require_serial, so that termlint sees every file in one run", id)
		}
		// pre-commit matches files with Python's re.search; this pattern is
		// in the syntax Go's regexp shares with it.
		files, err := regexp.Compile(h["files"].(string))
		if err != nil {
			t.Fatalf("hook %s: files: %v", id, err)
		}
		for _, glob := range input.DefaultInclude {
			name := "dir/file" + strings.TrimPrefix(glob, "*")
			if !files.MatchString(name) {
				t.Errorf("hook %s: files does not take %s, which termlint checks in a directory", id, name)
			}
		}
		for _, name := range []string{"main.go", "data.csv", "notes.md.bak", "terms.yaml", "page.html.tmpl"} {
			if files.MatchString(name) {
				t.Errorf("hook %s: files takes %s", id, name)
			}
		}
	}
	if byID["termlint"] == nil {
		t.Fatal("no hook with id termlint")
	}
	if byID["termlint-repository"]["pass_filenames"] != false {
		t.Error("termlint-repository checks the repository, not the files pre-commit passes")
	}

	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Log("pre-commit is not installed: the manifest was checked against its schema's keys only")
		return
	}
	if out, err := exec.Command(preCommit, "validate-manifest", ".pre-commit-hooks.yaml").CombinedOutput(); err != nil {
		t.Errorf("pre-commit validate-manifest: %v\n%s", err, out)
	}
}

// ciSection returns what the documentation says about CI: README.md's
// "Continuous integration" section (its one recipe) and docs/ci.md.
func ciSection(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start := strings.Index(readme, "\n## Continuous integration\n")
	if start < 0 {
		t.Fatal("README.md has no section Continuous integration")
	}
	section := readme[start+1:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	docs, err := os.ReadFile("docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	return section + "\n" + string(docs)
}

// yamlBlocks returns the ```yaml blocks of a Markdown text.
func yamlBlocks(markdown string) []string {
	var blocks []string
	var block []string
	in := false
	for line := range strings.Lines(markdown) {
		switch {
		case !in && strings.TrimSpace(line) == "```yaml":
			in, block = true, nil
		case in && strings.TrimSpace(line) == "```":
			in = false
			blocks = append(blocks, strings.Join(block, ""))
		case in:
			block = append(block, line)
		}
	}
	return blocks
}

// readmeWorkflows splits the section's YAML blocks into workflows and
// pre-commit configurations.
func readmeWorkflows(t *testing.T) (workflows, preCommit []string) {
	t.Helper()
	for _, b := range yamlBlocks(ciSection(t)) {
		var doc map[string]any
		if err := yaml.Unmarshal([]byte(b), &doc); err != nil {
			t.Fatalf("README YAML block does not parse: %v\n%s", err, b)
		}
		switch {
		case doc["jobs"] != nil:
			workflows = append(workflows, b)
		case doc["repos"] != nil:
			preCommit = append(preCommit, b)
		default:
			t.Errorf("README YAML block is neither a workflow nor a pre-commit configuration:\n%s", b)
		}
	}
	return workflows, preCommit
}

// actionRepository is the owner/name that go.mod's module path gives, as
// workflows write it in uses.
func actionRepository(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^module github\.com/(\S+)$`).FindSubmatch(data)
	if m == nil {
		t.Fatal("go.mod: no github.com module path")
	}
	return string(m[1])
}

func TestREADMEContinuousIntegration(t *testing.T) {
	workflows, preCommit := readmeWorkflows(t)
	repo := actionRepository(t)
	if len(workflows) < 2 {
		t.Fatalf("README shows %d workflows, want one for annotations and one for SARIF", len(workflows))
	}
	var sarif bool
	for _, w := range workflows {
		if !strings.Contains(w, "uses: "+repo+"@") {
			t.Errorf("workflow does not use %s:\n%s", repo, w)
		}
		if strings.Contains(w, "format: sarif") {
			sarif = true
			if !strings.Contains(w, "security-events: write") {
				t.Errorf("the SARIF workflow needs permission security-events: write:\n%s", w)
			}
		}
	}
	if !sarif {
		t.Error("no README workflow uploads SARIF")
	}

	// The pre-commit snippet names this repository and hooks that exist.
	manifest, err := os.ReadFile(".pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct{ ID string }
	if err := yaml.Unmarshal(manifest, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(preCommit) != 1 {
		t.Fatalf("README shows %d pre-commit configurations, want 1", len(preCommit))
	}
	var cfg struct {
		Repos []struct {
			Repo, Rev string
			Hooks     []struct{ ID string }
		}
	}
	if err := yaml.Unmarshal([]byte(preCommit[0]), &cfg); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Repos) != 1 || cfg.Repos[0].Repo != "https://github.com/"+repo || cfg.Repos[0].Rev == "" {
		t.Fatalf("pre-commit configuration %+v, want repo https://github.com/%s with a rev", cfg, repo)
	}
	for _, h := range cfg.Repos[0].Hooks {
		if !slices.ContainsFunc(hooks, func(m struct{ ID string }) bool { return m.ID == h.ID }) {
			t.Errorf("README's pre-commit configuration uses hook %q, which .pre-commit-hooks.yaml lacks", h.ID)
		}
	}

	// The input table lists the action's inputs, no more, no fewer.
	meta, _ := readAction(t)
	var documented []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|").FindAllStringSubmatch(ciSection(t), -1) {
		documented = append(documented, m[1])
	}
	var declared []string
	for name := range meta.Inputs {
		declared = append(declared, name)
	}
	slices.Sort(documented)
	slices.Sort(declared)
	if !slices.Equal(documented, declared) {
		t.Errorf("README's input table lists %q; action.yml declares %q", documented, declared)
	}
}

// actionlintError is one entry of actionlint's JSON output.
type actionlintError struct {
	Message  string `json:"message"`
	Filepath string `json:"filepath"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Kind     string `json:"kind"`
}

// TestREADMEWorkflowsActionlint lints README's workflows with actionlint:
// as shown, and with uses: pointing at a copy of this action.yml, so that
// actionlint also checks every with: key against the action's inputs. A
// workflow passing an input the action lacks must be caught, which proves
// that the local action was read.
func TestREADMEWorkflowsActionlint(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not running actionlint (go run github.com/rhysd/actionlint/cmd/actionlint@" + actionlintVersion + ")")
	}
	workflows, _ := readmeWorkflows(t)
	repo := actionRepository(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	action, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "action.yml"), string(action), 0o644)
	uses := regexp.MustCompile(`uses: ` + regexp.QuoteMeta(repo) + `@\S+`)
	for i, w := range workflows {
		writeFile(t, filepath.Join(dir, ".github", "workflows", "readme-"+string(rune('a'+i))+".yml"), w, 0o644)
		writeFile(t, filepath.Join(dir, ".github", "workflows", "local-"+string(rune('a'+i))+".yml"), uses.ReplaceAllString(w, "uses: ./"), 0o644)
	}
	// Every input, through the local action, and one that does not exist.
	meta, _ := readAction(t)
	var with strings.Builder
	for name := range meta.Inputs {
		with.WriteString("          " + name + ": x\n")
	}
	all := "on: [pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v6\n      - uses: ./\n        with:\n" + with.String()
	writeFile(t, filepath.Join(dir, ".github", "workflows", "all-inputs.yml"), all, 0o644)
	writeFile(t, filepath.Join(dir, ".github", "workflows", "unknown-input.yml"), all+"          no-such-input: x\n", 0o644)

	cmd := exec.Command("go", "run", "github.com/rhysd/actionlint/cmd/actionlint@"+actionlintVersion, "-format", "{{json .}}")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		t.Fatalf("actionlint: %v\n%s", err, stderr.String())
	}
	var found []actionlintError
	if err := json.Unmarshal(stdout.Bytes(), &found); err != nil {
		t.Fatalf("actionlint output: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	caught := false
	for _, e := range found {
		if filepath.Base(e.Filepath) == "unknown-input.yml" && strings.Contains(e.Message, `"no-such-input" is not defined`) {
			caught = true
			continue
		}
		t.Errorf("actionlint: %s:%d:%d: %s [%s]", e.Filepath, e.Line, e.Column, e.Message, e.Kind)
	}
	if !caught {
		t.Errorf("actionlint did not catch an undefined input of the local action; output:\n%s\n%s", stdout.String(), stderr.String())
	}
}

// TestActionSourceKey runs the step that names the cached build: the key
// follows the sources termlint is built from, and nothing else.
func TestActionSourceKey(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	meta, _ := readAction(t)
	var step actionStep
	for _, s := range meta.Runs.Steps {
		if s.ID == "source" {
			step = s
		}
	}
	if step.Run == "" || step.WorkingDirectory != "${{ github.action_path }}" {
		t.Fatalf("no source step run in the action's directory: %+v", step)
	}
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "go.mod"), "module example.com/x\n", 0o644)
	writeFile(t, filepath.Join(src, "cmd", "x", "main.go"), "package main\n", 0o644)
	writeFile(t, filepath.Join(src, "terms.yaml"), "concepts: []\n", 0o644)
	key := func(goVersion string, ref ...string) map[string]string {
		t.Helper()
		tmp := t.TempDir()
		out := filepath.Join(tmp, "output")
		script := filepath.Join(tmp, "source.sh")
		writeFile(t, script, step.Run, 0o644)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = src
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "RUNNER_TEMP=/runner/temp", "RUNNER_OS=Linux", "GITHUB_OUTPUT=" + out, "GO_VERSION=" + goVersion}
		if len(ref) > 0 {
			cmd.Env = append(cmd.Env, "ACTION_REF="+ref[0])
		}
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("source step: %v\n%s", err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outputs := map[string]string{}
		for line := range strings.Lines(string(data)) {
			k, v, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "=")
			outputs[k] = v
		}
		return outputs
	}
	first := key("")
	if !regexp.MustCompile(`^[0-9a-f]{20}-go$`).MatchString(first["key"]) ||
		first["dir"] != "/runner/temp/termlint-action" || first["path"] != "/runner/temp/termlint-action/termlint" {
		t.Fatalf("outputs %v", first)
	}
	if again := key(""); again["key"] != first["key"] {
		t.Errorf("key changed from %s to %s with nothing changed", first["key"], again["key"])
	}
	writeFile(t, filepath.Join(src, "testdata", "fixture.yaml"), "x: 1\n", 0o644)
	writeFile(t, filepath.Join(src, "cmd", "x", "main_test.go"), "package main\n", 0o644)
	if k := key(""); k["key"] != first["key"] {
		t.Errorf("tests and testdata changed the key: %s, was %s", k["key"], first["key"])
	}
	writeFile(t, filepath.Join(src, "cmd", "x", "main.go"), "package main\n\nfunc main() {}\n", 0o644)
	changed := key("")
	if changed["key"] == first["key"] {
		t.Error("a changed source file kept the key")
	}
	if k := key("1.26.1\nkey=evil"); k["key"] != strings.TrimSuffix(changed["key"], "-go")+"-go1.26.1_key_evil" {
		t.Errorf("go-version in the key: %q", k["key"])
	}
	// The build is stamped with the ref the workflow pinned, so a build
	// stamped with another ref of the same sources is not reused.
	if k := key("", "v1.2.0\nkey=evil"); k["key"] != changed["key"]+"-refv1.2.0_key_evil" || k["ref"] != "v1.2.0_key_evil" {
		t.Errorf("action ref in the key: %q, ref %q", k["key"], k["ref"])
	}
}
