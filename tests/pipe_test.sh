#!/bin/sh
# pipe_test.sh - a reader that stops early (`llmtco sweep | head -1`) is not
# an error: llmtco stops quietly, with the exit status the command would
# have had, whether SIGPIPE is left at its default or ignored by the parent.
# A real write error (a full disk) still says so and exits 4.
#
#   sh tests/pipe_test.sh build/llmtco
#
# Ends with "N passed, N failed"; exits 1 on any failure.

. "$(dirname "$0")/lib.sh"
test_setup tests/pipe_test.sh pipe "$(dirname "$0")/.." "$@"

# piped NAME WANT-STATUS HEAD-ARGS -- LLMTCO-ARGS...: run into `head`,
# check the status, that stderr is empty and that head got the first line.
piped() {
	name=$1 want=$2 headargs=$3
	shift 4
	rm -f "$tmp/rc"
	{ $wrap "$prog" "$@" 2>"$tmp/err"; echo $? >"$tmp/rc"; } | head $headargs >"$tmp/out"
	got=$(cat "$tmp/rc")
	[ "$got" = "$want" ] || echo "  $name: exit $got, want $want"
	[ ! -s "$tmp/err" ] || { echo "  $name: stderr:"; cat "$tmp/err"; }
	[ "$got" = "$want" ] && [ ! -s "$tmp/err" ] && [ -s "$tmp/out" ]
	check "$name" $?
}

# 5,000 rows are about a megabyte, far more than a pipe holds (64 KiB):
# head is gone long before llmtco is done
piped sweep-head-1 0 -1 -- sweep --steps 5000
first=$(cat "$tmp/out")
[ "$first" = "llmtco sweep: total cost per month in USD by spend (USD/month)" ]
check sweep-head-1-first-line $?
piped sweep-csv-head-1 0 -1 -- sweep --steps 5000 --format csv
[ "$(tr -d '\r' <"$tmp/out")" = "spend,litellm/oss,bifrost,portkey-oss,openrouter,openrouter-byok,clawrouters,crazyrouter,portkey/developer,portkey/production,helicone,cloudflare/byok,cloudflare/unified-billing,vercel,kong" ]
check sweep-csv-head-1-header $?
piped sweep-json-head-c1 0 -c1 -- sweep --steps 5000 --format json
piped man-head-1 0 -1 -- help --man

# SIGPIPE ignored by whoever started llmtco: EPIPE instead, same result
(
	trap '' PIPE
	piped sweep-head-1-sigpipe-ignored 0 -1 -- sweep --steps 5000
	echo "$passed $failed" >"$tmp/sub"
)
read -r passed failed <"$tmp/sub"

# the command's own status survives: check still fails on the flip
piped check-flip-head-1 1 -1 -- check --baseline pricing/data \
	--pricing tests/cli/fixtures/check-fee-cut.csv \
	--scenario tests/cli/fixtures/check-scenario.json --fail-on-flip

# a write that fails for another reason is still an error (exit 4)
if [ -w /dev/full ]; then
	$wrap "$prog" sweep --steps 1000 >/dev/full 2>"$tmp/err"
	rc=$?
	[ $rc -eq 4 ] && grep -q '^llmtco: write error on standard output: No space left on device$' "$tmp/err"
	check dev-full-exit-4 $?
fi

test_end
