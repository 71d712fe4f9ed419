#!/bin/sh
# tests/bad/run.sh - the bad-input corpus: every reader refuses bad data
# cleanly.
#
#   sh tests/bad/run.sh PROGRAM
#
# tests/bad/cases.txt holds one case a line (blank lines and lines starting
# with # are skipped), four fields separated by tabs:
#
#   FILE  EXIT  COMMAND-ARGS  EXPECTED-STDERR-SUBSTRING
#
# FILE is a file in tests/bad/, or @NAME for a file this script generates in
# a scratch folder (too big or too repetitive to commit: 100,000 '[', a
# 5 MB field). COMMAND-ARGS are the program's arguments, split at spaces;
# {} stands for the file's path, <{} for the file given on standard input
# (to the readers of "-"), and {dir} for a scratch path that must not exist
# after the run (report --out leaves nothing on error).
#
# Each case runs in the repository root with LC_ALL=C, under `timeout 20`
# (a hang fails), prefixed by $LLMTCO_WRAP when set (e.g. valgrind with
# --error-exitcode=99). Checks: the exact exit status; no status of 124
# (timeout) or >= 128 (a signal, a core dump); standard error starts with
# "llmtco: " and holds the expected substring; standard output is empty when
# the status is not 0 (except `pricing validate`, whose summary line goes to
# standard output by design). Prints "FAIL name: why" per failure and ends
# with "N passed, N failed"; exits 1 on any failure.

. "$(dirname "$0")/../lib.sh"
test_setup tests/bad/run.sh bad "$(dirname "$0")/../.." "$@"
LC_ALL=C
export LC_ALL
mkdir "$tmp/gen" "$tmp/scratch" || exit 2

# generated inputs
nest() { # nest COUNT TEXT: TEXT repeated COUNT times
	awk -v n="$1" -v t="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", t }'
}
nest 100000 '[' >"$tmp/gen/deep-array.json"
nest 100000 '{"a":' >"$tmp/gen/deep-object.json"
nest 5242880 x >"$tmp/big"
{
	printf '{"name":"x","workload":{"api_spend":"'
	cat "$tmp/big"
	printf '"},"options":["openrouter"]}\n'
} >"$tmp/gen/big-field.json"
{
	printf 'provider,model,service_tier,above_input_tokens,input_mtok,output_mtok,'
	printf 'cache_read_mtok,cache_write_mtok,usd_per_request,source,as_of,notes\n'
	printf 'acme,m1,,,'
	cat "$tmp/big"
	printf ',2,,,,http://x,2026-06-01,\n'
} >"$tmp/gen/big-field.csv"
{
	printf 'model,requests,input_tokens,output_tokens\n'
	cat "$tmp/big"
	printf ',1,1000,200\n'
} >"$tmp/gen/big-model.csv"
{
	printf 'model,requests,input_tokens,output_tokens\ngpt-4o,1,'
	cat "$tmp/big"
	printf ',200\n'
} >"$tmp/gen/big-number.csv"
rm -f "$tmp/big"

n=0
tab=$(printf '\t')
while IFS="$tab" read -r file want args expect; do
	case $file in '' | '#'*) continue ;; esac
	n=$((n + 1))
	case $file in
	@*) path=$tmp/gen/${file#@} ;;
	*) path=tests/bad/$file ;;
	esac
	dir=$tmp/scratch/out.$n
	name="$file: $args"
	stdin=/dev/null
	set -f
	set --
	for a in $args; do
		case $a in
		{}) a=$path ;;
		{dir}) a=$dir ;;
		'<{}') stdin=$path; continue ;;
		esac
		set -- "$@" "$a"
	done
	set +f
	# shellcheck disable=SC2086 # $wrap is a command line
	timeout 20 $wrap "$prog" "$@" <"$stdin" >"$tmp/out" 2>"$tmp/err"
	got=$?
	why=
	if [ "$got" -eq 124 ]; then
		why="timed out (20 s)"
	elif [ "$got" -ge 128 ]; then
		why="killed by a signal (status $got)"
	elif [ "$got" -ne "$want" ]; then
		why="status $got, want $want"
	elif [ "$(head -c 8 "$tmp/err")" != "llmtco: " ]; then
		why="standard error does not start with 'llmtco: '"
	elif ! grep -F -q -e "$expect" "$tmp/err"; then
		why="standard error lacks '$expect'"
	elif [ "$got" -ne 0 ] && [ -s "$tmp/out" ] &&
		! { [ "$1" = pricing ] && [ "$2" = validate ]; }; then
		why="standard output is not empty"
	elif [ -e "$dir" ] || [ -n "$(ls -A "$tmp/scratch")" ]; then
		why="left $(ls -A "$tmp/scratch" | head -n 1) behind"
	fi
	rm -rf "$tmp/scratch" && mkdir "$tmp/scratch"
	if [ -z "$why" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $name: $why ($(head -c 300 "$tmp/err" | tr '\n' ' '))"
	fi
done <tests/bad/cases.txt

test_end
