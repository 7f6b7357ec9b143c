#!/usr/bin/env bash
# Times `termlint check` beside ripgrep doing bare matching of the same
# renderings, on a generated corpus, and reports medians, ratios and peak
# memory against the targets of issue 7. See bench/README.md.
#
#   bench/run.sh [--size 100MB] [--seed 1] [--rounds 5] [--concepts 100000]
#                [--workdir DIR] [--profile]
#
# It is a measurement: it exits 0 whether the targets are met or not, and
# non-zero only when something could not be run.
set -euo pipefail
export LC_ALL=C # EPOCHREALTIME and awk with a decimal point

size=100MB
seed=1
rounds=5
concepts=100000
workdir=
profile=false

usage() {
	sed -n '2,10s/^# \{0,1\}//p' "$0"
	exit 2
}

while (($#)); do
	case $1 in
	--size) size=${2:?--size needs a value}; shift 2 ;;
	--seed) seed=${2:?--seed needs a value}; shift 2 ;;
	--rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
	--concepts) concepts=${2:?--concepts needs a value}; shift 2 ;;
	--workdir) workdir=${2:?--workdir needs a value}; shift 2 ;;
	--profile) profile=true; shift ;;
	-h | --help) usage ;;
	*) echo "run.sh: unknown argument $1" >&2; usage ;;
	esac
done
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --rounds $rounds: want a positive number" >&2; exit 2; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
workdir=${workdir:-${TMPDIR:-/tmp}/termlint-bench}
mkdir -p "$workdir/bin" "$workdir/out"
workdir=$(cd "$workdir" && pwd)
[[ $workdir != *[[:space:]]* ]] || { echo "run.sh: --workdir $workdir: the commands are printed to be pasted, so it must not contain spaces" >&2; exit 2; }
cd "$repo"

as_root() {
	if [[ $(id -u) == 0 ]]; then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo "$@"
	else
		echo "run.sh: need root to run $*" >&2
		return 1
	fi
}

# install_pkg PACKAGE: from Debian's packages, updating the lists if the
# package is not known yet.
install_pkg() {
	echo "run.sh: installing $1 from Debian's packages: apt-get install -y $1"
	as_root apt-get install -y "$1" >/dev/null || { as_root apt-get update >/dev/null && as_root apt-get install -y "$1" >/dev/null; }
}

command -v rg >/dev/null || { echo "run.sh: rg not found"; install_pkg ripgrep; }
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time (GNU time) not found"; install_pkg time; }

echo "== build"
show() { printf '$ %s\n' "$*"; }
show go build -o "$workdir/bin/termlint" ./cmd/termlint
go build -o "$workdir/bin/termlint" ./cmd/termlint
go build -o "$workdir/bin/gencorpus" ./bench/gencorpus
termlint=$workdir/bin/termlint

echo "== inputs (in $workdir)"
# A stamp names what made an input; an input whose stamp matches is reused.
sources_sum=$(cat bench/corpus/*.go bench/gencorpus/*.go terms.yaml | sha256sum | cut -c1-16)
corpus=$workdir/corpus-$size-seed$seed
renderings=$corpus.renderings.txt
stamp="gencorpus -size $size -seed $seed ($sources_sum)"
if [[ -f $corpus.stamp && $(<"$corpus.stamp") == "$stamp" ]]; then
	echo "reusing $corpus"
else
	rm -rf "$corpus" "$corpus.stamp"
	show go run ./bench/gencorpus -out "$corpus" -size "$size" -seed "$seed" -renderings "$renderings"
	"$workdir/bin/gencorpus" -out "$corpus" -size "$size" -seed "$seed" -renderings "$renderings"
	echo "$stamp" >"$corpus.stamp"
fi
synthetic=$workdir/synthetic-$concepts-seed$seed.yaml
renderings_large=$workdir/synthetic-$concepts-seed$seed.renderings.txt
stamp="gencorpus -glossary $concepts -seed $seed ($sources_sum)"
if [[ -f $synthetic.stamp && $(<"$synthetic.stamp") == "$stamp" ]]; then
	echo "reusing $synthetic"
else
	show go run ./bench/gencorpus -glossary "$concepts" -out "$synthetic" -seed "$seed" -renderings "$renderings_large"
	"$workdir/bin/gencorpus" -glossary "$concepts" -out "$synthetic" -seed "$seed" -renderings "$renderings_large"
	echo "$stamp" >"$synthetic.stamp"
fi
empty=$workdir/empty.md
: >"$empty"
files=$(find "$corpus" -type f | wc -l)
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
printf 'corpus: %d files, %d bytes; renderings: %d (default), %d (with %s synthetic concepts); synthetic glossary: %d bytes\n' \
	"$files" "$bytes" "$(wc -l <"$renderings")" "$(wc -l <"$renderings_large")" "$concepts" "$(stat -c %s "$synthetic")"

# The runs, in the order each round makes them. Each writes its output to a
# file, not to /dev/null, so that no program can skip work nobody reads.
names=(termlint rg termlint-100k rg-100k termlint-all load-default load-100k)
declare -A cmd
cmd[termlint]="$termlint --no-config check --format json --fail-on none $corpus"
cmd[rg]="rg -o -i -F -f $renderings $corpus"
cmd[termlint-100k]="$termlint --no-config -g @default -g $synthetic check --format json --fail-on none $corpus"
# ripgrep 13 cannot compile this many patterns with -i: the regex exceeds its
# size limit, and with a larger limit it ran for minutes. Case-sensitive
# matching still shows what a list this long costs a bare matcher.
cmd[rg-100k]="rg -o -F -f $renderings_large $corpus"
cmd[termlint-all]="$termlint --no-config check --scope all --format json --fail-on none $corpus"
cmd[load-default]="$termlint --no-config check --format json --fail-on none $empty"
cmd[load-100k]="$termlint --no-config -g @default -g $synthetic check --format json --fail-on none $empty"

runs=$workdir/out/runs.tsv
: >"$runs"

# measure NAME ROUND: runs cmd[NAME] under GNU time and records the wall
# time (bash's clock, microseconds) and peak RSS (KiB) in runs.tsv.
measure() {
	local name=$1 round=$2 t0 t1 status=0
	t0=$EPOCHREALTIME
	# shellcheck disable=SC2086 # the commands are word lists
	/usr/bin/time -f '%M' -o "$workdir/out/$name.rss" ${cmd[$name]} >"$workdir/out/$name.out" 2>"$workdir/out/$name.err" || status=$?
	t1=$EPOCHREALTIME
	if ((status != 0)) && ! [[ $name == rg* && $status == 1 ]]; then
		echo "run.sh: $name exited $status:" >&2
		cat "$workdir/out/$name.err" >&2
		exit 1
	fi
	local rss
	rss=$(tail -1 "$workdir/out/$name.rss")
	printf '%s\t%d\t%s\t%s\n' "$name" "$round" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')" "$rss" >>"$runs"
	printf '  %-14s %7.3f s %8.1f MB\n' "$name" "$(tail -1 "$runs" | cut -f3)" "$(awk -v k="$rss" 'BEGIN {print k * 1024 / 1e6}')"
}

echo "== machine"
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ {printf "%.0f GB", $2 * 1024 / 1e9}' /proc/meminfo)
facts=(
	"date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	"nproc: $(nproc) ($cpu), memory $mem"
	"kernel: $(uname -sr)"
	"go: $(go version | cut -d' ' -f3-)"
	"rg: $(rg --version | head -1)"
	"termlint: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
	"load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
)
printf '%s\n' "${facts[@]}"

echo "== commands"
for n in "${names[@]}"; do printf '%-14s $ %s\n' "$n" "${cmd[$n]}"; done

echo "== warm-up (not counted)"
measure termlint 0
measure rg 0
: >"$runs"

for ((r = 1; r <= rounds; r++)); do
	echo "== round $r of $rounds"
	for n in "${names[@]}"; do measure "$n" "$r"; done
done
facts+=("load average after: $(cut -d' ' -f1-3 /proc/loadavg)")

# col NAME COLUMN FUNC: median, min or max of a column of NAME's runs.
col() {
	awk -F'\t' -v n="$1" -v c="$2" '$1 == n {print $c}' "$runs" | sort -g | awk -v f="$3" '
		{v[NR] = $1}
		END {
			if (f == "min") print v[1]
			else if (f == "max") print v[NR]
			else if (NR % 2) print v[(NR + 1) / 2]
			else print (v[NR / 2] + v[NR / 2 + 1]) / 2
		}'
}
wall() { col "$1" 3 "${2:-median}"; }
rss_mb() { awk -v k="$(col "$1" 4 median)" 'BEGIN {printf "%.1f", k * 1024 / 1e6}'; }
calc() { awk "BEGIN {printf \"$1\", $2}"; }
verdict() { awk "BEGIN {print ($1) ? \"PASS\" : \"FAIL\"}"; }

# What the runs found: termlint's findings by rule, ripgrep's matches.
findings() {
	local out=$workdir/out/$1.out
	local total
	total=$(grep -o '"findings": [0-9]*' "$out" | tail -1 | grep -o '[0-9]*')
	printf '%s findings' "$total"
	{ grep -o '"rule": "[a-z-]*"' "$out" || true; } | sort | uniq -c | sort -rn | awk '{gsub(/"/, "", $3); printf "%s%s %s", (NR == 1 ? " (" : ", "), $1, $3} END {if (NR) printf ")"}'
}
matches() { printf '%s matches' "$(wc -l <"$workdir/out/$1.out")"; }

report=$workdir/results.md
{
	echo "Corpus: $files files, $(calc '%.1f' "$bytes / 1e6") MB (\`go run ./bench/gencorpus -out DIR -size $size -seed $seed\`);"
	echo "glossaries: the default one ($(wc -l <"$renderings") renderings and forms) and the default one with"
	echo "$concepts synthetic concepts ($(wc -l <"$renderings_large") renderings, $(calc '%.1f' "$(stat -c %s "$synthetic") / 1e6") MB of YAML)."
	echo "$rounds rounds, each running every command once in the order below."
	echo
	printf -- '- %s\n' "${facts[@]}"
	echo
	echo "| run | median wall | min – max | median peak RSS | output |"
	echo "|-----|------------:|----------:|----------------:|--------|"
	for n in "${names[@]}"; do
		case $n in
		rg*) what=$(matches "$n") ;;
		*) what=$(findings "$n") ;;
		esac
		printf '| %s | %.2f s | %.2f – %.2f s | %s MB | %s |\n' "$n" "$(wall "$n")" "$(wall "$n" min)" "$(wall "$n" max)" "$(rss_mb "$n")" "$what"
	done
	echo
	echo "Commands (\$W is $workdir):"
	echo
	echo '```'
	for n in "${names[@]}"; do printf '%-14s %s\n' "$n" "${cmd[$n]//$workdir/\$W}"; done
	echo '```'
	echo
	ratio=$(calc '%.2f' "$(wall termlint) / $(wall rg)")
	growth=$(calc '%.2f' "$(wall termlint-100k) / $(wall termlint)")
	load=$(calc '%.2f' "$(wall load-100k) - $(wall load-default)")
	echo "| target | measured | limit | |"
	echo "|--------|---------:|------:|-|"
	echo "| termlint ÷ ripgrep wall time, default glossary | ${ratio}× | 1.5× | $(verdict "$ratio <= 1.5") |"
	echo "| termlint with $concepts concepts ÷ default glossary | ${growth}× | 2× | $(verdict "$growth <= 2") |"
	echo "| loading and compiling $concepts concepts (load-100k − load-default) | ${load} s | 1 s | $(verdict "$load < 1") |"
	echo "| peak RSS, per-file scope | $(rss_mb termlint) MB | 150 MB | $(verdict "$(rss_mb termlint) < 150") |"
	echo "| peak RSS, --scope all | $(rss_mb termlint-all) MB | 150 MB | $(verdict "$(rss_mb termlint-all) < 150") |"
} >"$report"
echo "== results (also in $report; every run in $runs)"
cat "$report"

if $profile; then
	echo "== CPU profile of termlint check on the corpus"
	show go test -c -o "$workdir/bin/termlint.test" ./cmd/termlint
	go test -c -o "$workdir/bin/termlint.test" ./cmd/termlint
	show "$workdir/bin/termlint.test" -test.run "'^\$'" -test.bench "'CheckCorpus\$'" -test.benchtime 1x -test.cpuprofile "$workdir/cpu.out" -corpus "$corpus"
	"$workdir/bin/termlint.test" -test.run '^$' -test.bench 'CheckCorpus$' -test.benchtime 1x -test.cpuprofile "$workdir/cpu.out" -corpus "$corpus"
	show go tool pprof -top -nodecount 15 "$workdir/bin/termlint.test" "$workdir/cpu.out"
	go tool pprof -top -nodecount 15 "$workdir/bin/termlint.test" "$workdir/cpu.out"
fi
