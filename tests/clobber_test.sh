#!/bin/sh
# clobber_test.sh - no output overwrites an input. --output and --plot may
# not name the scenario, a pricing file (or a .csv of a pricing folder), a
# usage log, the baseline or a positional input, by any name (./x, a hard
# link, a symbolic link); report's --out may not replace a folder that holds
# an input, even with --force; --output and --plot may not be one file.
# Every refusal is exit 2 with its message, before anything is written: the
# inputs keep their bytes and no temporary file is left.
#
#   sh tests/clobber_test.sh build/llmtco
#
# Ends with "N passed, N failed"; exits 1 on any failure.

. "$(dirname "$0")/lib.sh"
test_setup tests/clobber_test.sh clobber "$(dirname "$0")/.." "$@"

w=$tmp/work
mkdir -p "$w/prices" "$w/memo" "$w/keep"
cp tests/cli/fixtures/check-scenario.json "$w/s.json"
cp tests/cli/fixtures/check-scenario.json "$w/memo/s.json"
cp pricing/data/gateways.csv "$w/prices/gateways.csv"
cp tests/cli/fixtures/pricing-acme.csv "$w/acme.csv"
cp tests/fixtures/usage/openrouter.csv "$w/log.csv"
cp tests/cli/fixtures/import-litellm.json "$w/prices.json"
ln "$w/s.json" "$w/hard.json"
ln -s s.json "$w/link.json"
(cd "$w" && find . -type f -exec cksum {} + | sort) >"$tmp/before"

# refused NAME MESSAGE ARGS...: exit 2, MESSAGE on stderr, nothing changed
refused() {
	name=$1 msg=$2
	shift 2
	(cd "$w" && $wrap "$prog" "$@") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	(cd "$w" && find . -type f -exec cksum {} + | sort) >"$tmp/after"
	ok=0
	[ $rc -eq 2 ] || { echo "  $name: exit $rc, want 2"; ok=1; }
	grep -qF -- "$msg" "$tmp/err" || { echo "  $name: stderr:"; cat "$tmp/err"; ok=1; }
	cmp -s "$tmp/before" "$tmp/after" || { echo "  $name: files changed:";
		diff "$tmp/before" "$tmp/after"; ok=1; }
	check "$name" $ok
}

refused plot-is-scenario '--plot "s.json" is the scenario file: refusing to overwrite an input' \
	sweep --scenario s.json --plot s.json
refused plot-dot-slash '--plot "./s.json" is the scenario file' \
	sweep --scenario s.json --plot ./s.json
refused plot-hard-link '--plot "hard.json" is the scenario file' \
	project --scenario s.json --plot hard.json
refused plot-symlink '--plot "link.json" is the scenario file' \
	sensitivity --scenario s.json --plot link.json
refused plot-is-pricing '--plot "acme.csv" is a pricing file' \
	sweep --spend 5000 --pricing acme.csv --plot acme.csv
refused output-is-plot '--output and --plot name the same file "x.png"' \
	sweep --spend 5000 --output x.png --plot x.png
refused output-in-pricing-folder '--output "prices/gateways.csv" is a pricing file' \
	compare --spend 5000 --pricing prices --output prices/gateways.csv
refused output-is-usage '--output "log.csv" is a usage log' \
	compare --usage log.csv --output log.csv
refused usage-output-is-log '--output "log.csv" is a usage log' \
	usage log.csv --output log.csv
refused check-output-is-baseline '--output "acme.csv" is the baseline' \
	check --baseline acme.csv --scenario s.json --output acme.csv
refused check-output-is-scenario '--output "s.json" is a scenario file' \
	check --baseline prices --scenario s.json --output s.json
refused validate-output-is-file '--output "acme.csv" is a pricing file' \
	pricing validate acme.csv --output acme.csv
refused validate-output-in-folder '--output "prices/gateways.csv" is a pricing file' \
	pricing validate prices --output prices/gateways.csv
refused import-output-is-input '--output "prices.json" is the input file' \
	pricing import litellm prices.json --output prices.json
refused report-out-holds-scenario '--out "memo" holds the scenario file "memo/s.json": refusing to replace an input' \
	report --scenario memo/s.json --out memo --force
refused report-out-holds-pricing '--out "." holds a pricing file "prices"' \
	report --spend 5000 --pricing prices --out . --force
refused report-out-is-parent '--out "memo/.." holds the scenario file "s.json"' \
	report --scenario s.json --out memo/.. --force

# allowed: a new file beside the inputs, and validate's summary to a file
(cd "$w" && $wrap "$prog" pricing validate prices --output keep/summary.txt) >/dev/null 2>&1
[ $? -eq 0 ] && grep -q '^ok: .* 0 errors, 0 warnings in 6 files$' "$w/keep/summary.txt"
check validate-output-written $?
(cd "$w" && $wrap "$prog" sweep --scenario s.json --output keep/s.csv --format csv) >/dev/null 2>&1
[ $? -eq 0 ] && [ -s "$w/keep/s.csv" ]
check sweep-output-beside $?

test_end
