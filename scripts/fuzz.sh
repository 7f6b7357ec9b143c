#!/usr/bin/env bash
# Runs every fuzz target of the module (go test -fuzz) for a set time, one
# after the other, and prints a table of what each did.
#
# usage: scripts/fuzz.sh [--time 10m] [--parallel N] [--log DIR] [--save N] [REGEXP]
#
# REGEXP picks targets by name (default: all). --parallel is the number of
# fuzzing workers per target (default: GOMAXPROCS). Each target's output goes
# to DIR/PACKAGE.NAME.log (default: ${TMPDIR:-/tmp}/termlint-fuzz). A target that
# finds a failing input stops there; Go writes the input under the
# package's testdata/fuzz/NAME/, where `go test` runs it from then on as a
# regression case. --save N (with --time 0 to fuzz no more) copies the N
# smallest inputs of each target's corpus in Go's cache, the inputs that
# found new code, into testdata/fuzz/NAME/ too, so that every `go test`
# replays them. Exits 1 if any target failed.
set -euo pipefail

fuzztime=10m
parallel=
logdir="${TMPDIR:-/tmp}/termlint-fuzz"
save=0
pattern=.
while [[ $# -gt 0 ]]; do
	case "$1" in
	--time) fuzztime="$2"; shift 2 ;;
	--parallel) parallel="$2"; shift 2 ;;
	--log) logdir="$2"; shift 2 ;;
	--save) save="$2"; shift 2 ;;
	-h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "fuzz.sh: unknown flag $1" >&2; exit 2 ;;
	*) pattern="$1"; shift ;;
	esac
done

cd "$(dirname "$0")/.."
mkdir -p "$logdir"

# go test -list prints a package's matching names, then "ok  <package>".
targets=()
while read -r pkg; do
	while read -r name; do
		[[ $name == Fuzz* && $name =~ $pattern ]] && targets+=("$pkg $name")
	done < <(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true)
done < <(go list ./...)
if [[ ${#targets[@]} -eq 0 ]]; then
	echo "fuzz.sh: no fuzz target matches $pattern" >&2
	exit 2
fi

if [[ $save -gt 0 ]]; then
	cache="$(go env GOCACHE)/fuzz"
	for t in "${targets[@]}"; do
		read -r pkg name <<<"$t"
		src="$cache/$pkg/$name"
		dst="$(go list -f '{{.Dir}}' "$pkg")/testdata/fuzz/$name"
		[[ -d $src ]] || continue
		mkdir -p "$dst"
		# The smallest first: ls -S sorts by size, largest first. (Not
		# through head, whose early exit would fail the pipeline.)
		mapfile -t inputs < <(ls -Sr "$src")
		for f in "${inputs[@]:0:$save}"; do cp "$src/$f" "$dst/$f"; done
		echo "$name: $(ls "$dst" | wc -l) inputs in ${dst#"$PWD"/}"
	done
	[[ $fuzztime == 0 ]] && exit 0
fi

echo "| target | package | time | execs | new inputs | result |"
echo "|---|---|---:|---:|---:|---|"
failed=0
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	log="$logdir/${pkg##*/}.$name.log" # two packages may have a FuzzRead
	args=(-run '^$' -fuzz "^$name\$" -fuzztime "$fuzztime")
	[[ -n $parallel ]] && args+=(-parallel "$parallel")
	start=$SECONDS
	if go test "${args[@]}" "$pkg" >"$log" 2>&1; then
		result=ok
	else
		result="FAIL (see $log)"
		failed=1
	fi
	last=$(grep -E '^fuzz: elapsed' "$log" | tail -1 || true)
	execs=$(sed -nE 's/.*execs: ([0-9]+).*/\1/p' <<<"$last")
	fresh=$(sed -nE 's/.*new interesting: ([0-9]+).*/\1/p' <<<"$last")
	echo "| $name | ${pkg#github.com/termlint/termlint/} | $((SECONDS - start)) s | ${execs:-?} | ${fresh:-?} | $result |"
done
exit $failed
