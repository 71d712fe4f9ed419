#!/bin/sh
# tests/cli/run.sh - golden tests of the llmtco command line.
#
# usage, from the repository root:
#   sh tests/cli/run.sh PROGRAM [--update] [CASE...]
#
# Every directory tests/cli/cases/NAME/ is one case (or only the CASEs named):
#
#   args       the arguments after the program name: one line of shell words,
#              expanded with  eval "set -- $(cat args)"  so quoting works.
#              "$T" in it names the case's scratch directory (below).
#   stdin      optional: fed to standard input (otherwise /dev/null).
#   env        optional: NAME=VALUE lines exported to the program only
#              (e.g. LLMTCO_GNUPLOT=/nonexistent to test a missing gnuplot).
#   setup      optional: shell commands run (in the repository root, with $T
#              set) before the program, e.g. to copy a fixture into "$T".
#   after      optional: shell commands run after the program; what they print
#              (standard output and error) is appended to the program's
#              captured standard output. Used to check an --output file, e.g.
#                  ls "$T"; cat "$T/out.csv"
#   stdout-to  optional: a path (first line) the program's standard output is
#              redirected to instead of being captured, e.g. /dev/full to test
#              a failed write; the captured standard output is then empty.
#   stdout, stderr, status
#              what the program must print and its exit status, compared
#              exactly, byte for byte (CSV output has CRLF line ends).
#
# $T is a fresh empty directory per case, removed afterwards. Wherever its
# path appears in the captured standard output or error it is replaced by
# the literal text $T, so expected files do not depend on it.
#
# The program runs in the repository root with LC_ALL=C, prefixed by
# $LLMTCO_WRAP when that is set and not empty (for example
# LLMTCO_WRAP="valgrind --quiet --error-exitcode=99 --leak-check=full");
# a status of 99 then means the wrapper found an error.
#
# Output: one "FAIL name: ..." line per failing case, each followed by the
# differences (diff -u, expected first), then exactly one line
# "N passed, N failed". Exit status: 0 when every case passed, 1 when any
# failed, 2 when the runner itself cannot run.
#
# --update (re)writes stdout, stderr and status of the cases from the
# current output, to create cases. Check every expected value by hand
# against the spec and the catalog before committing it.

LC_ALL=C
export LC_ALL

me=tests/cli/run.sh
if [ $# -lt 1 ]; then
	echo "usage: sh $me PROGRAM [--update] [CASE...]" >&2
	exit 2
fi
prog=$1
shift
update=0
if [ "${1-}" = --update ]; then
	update=1
	shift
fi

case $prog in
/*) ;;
*) prog=$(pwd)/$prog ;;
esac
if [ ! -f "$prog" ] || [ ! -x "$prog" ]; then
	echo "$me: no program at $prog (run make first)" >&2
	exit 2
fi

# The repository root: two levels above this script.
case $0 in
*/*) here=${0%/*} ;;
*) here=. ;;
esac
root=$(cd "$here/../.." && pwd) || exit 2
cd "$root" || exit 2
cases=tests/cli/cases
if [ ! -d "$cases" ]; then
	echo "$me: no $cases directory" >&2
	exit 2
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/llmtco-cli.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM

if [ $# -eq 0 ]; then
	for d in "$cases"/*/; do
		[ -d "$d" ] || continue
		d=${d%/}
		set -- "$@" "${d##*/}"
	done
fi
set -f # no pathname expansion of args or of LLMTCO_WRAP from here on

# The text $1 as a sed regular expression.
sed_quote() {
	printf '%s\n' "$1" | sed 's/[][\\/.*^$]/\\&/g'
}

passed=0
failed=0
cap=$scratch/.captured
for name in "$@"; do
	dir=$cases/$name
	if [ ! -f "$dir/args" ]; then
		echo "FAIL $name: no $dir/args"
		failed=$((failed + 1))
		continue
	fi
	T=$scratch/$name
	export T
	rm -rf "$T" "$cap"
	mkdir -p "$T" "$cap" || exit 2
	out=$cap/stdout
	err=$cap/stderr
	: >"$out"
	in=/dev/null
	[ -f "$dir/stdin" ] && in=$dir/stdin
	dest=$out
	[ -f "$dir/stdout-to" ] && dest=$(sed -n 1p "$dir/stdout-to")

	if [ -f "$dir/setup" ] && ! (. "./$dir/setup") >/dev/null 2>&1; then
		echo "FAIL $name: its setup failed"
		failed=$((failed + 1))
		continue
	fi
	args=$(cat "$dir/args")
	(
		if [ -f "$dir/env" ]; then
			set -a
			. "./$dir/env"
			set +a
		fi
		eval "set -- $args" || exit 98
		exec ${LLMTCO_WRAP-} "$prog" "$@"
	) <"$in" >"$dest" 2>"$err"
	status=$?
	if [ -f "$dir/after" ]; then
		(. "./$dir/after") >>"$out" 2>&1
	fi
	pat=$(sed_quote "$T")
	for f in "$out" "$err"; do
		sed "s/$pat/\$T/g" "$f" >"$f.tmp" && mv "$f.tmp" "$f"
	done

	if [ $update = 1 ]; then
		cp "$out" "$dir/stdout" && cp "$err" "$dir/stderr" &&
			echo "$status" >"$dir/status" || exit 2
		passed=$((passed + 1))
		continue
	fi

	why=
	for f in stdout stderr status; do
		[ -f "$dir/$f" ] || why="$why $f(missing)"
	done
	if [ -z "$why" ]; then
		cmp -s "$dir/stdout" "$out" || why="$why stdout"
		cmp -s "$dir/stderr" "$err" || why="$why stderr"
		[ "$(cat "$dir/status")" = "$status" ] || why="$why status"
	fi
	if [ -z "$why" ]; then
		passed=$((passed + 1))
		continue
	fi
	failed=$((failed + 1))
	note=
	if [ "$status" = 99 ] && [ -n "${LLMTCO_WRAP-}" ]; then
		note=" (status 99: LLMTCO_WRAP found an error)"
	fi
	echo "FAIL $name:$why differ$note"
	case $why in *" stdout "* | *" stdout")
		diff -u "$dir/stdout" "$out" | sed "1s|.*|--- $dir/stdout (expected)|; 2s|.*|+++ stdout (actual)|"
	esac
	case $why in *" stderr "* | *" stderr")
		diff -u "$dir/stderr" "$err" | sed "1s|.*|--- $dir/stderr (expected)|; 2s|.*|+++ stderr (actual)|"
	esac
	case $why in *" status "* | *" status")
		echo "    status: expected $(cat "$dir/status"), got $status"
	esac
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
