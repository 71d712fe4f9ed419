#!/bin/sh
# bench.sh - usage-log reading speed and memory (make bench).
#
#   sh tools/bench/bench.sh BENCHDIR PROGRAM
#
# Generates a 1,000,000-row OpenRouter export and a 200,000-row LiteLLM
# SpendLogs export (and quarter-size ones, to show that memory does not grow
# with the file), then times, five runs each, the median of:
#   scan      a bare libcsv scan of the file (tools/bench/scan.c): the floor
#   usage     llmtco usage FILE
# and prints MB/s, peak RSS and the ratio usage/scan (target >= 80%), then
# how far two processes on the two halves of the OpenRouter file get (a
# parallel reader on both cores).
set -eu
dir=$1
prog=$2
bin=$dir
mb() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }

median() { # median of the first field of 5 lines
	sort -n | awk '{ v[NR] = $0 } END { print v[3] }'
}

measure() { # measure LABEL CMD... -> "seconds rss_kib" (median time, max rss)
	label=$1
	shift
	: >"$dir/runs"
	for i in 1 2 3 4 5; do
		"$bin/runstat" "$@" 2>>"$dir/runs" || { echo "bench: $label failed" >&2; exit 1; }
	done
	t=$(awk '{ print $1 }' "$dir/runs" | median)
	rss=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$dir/runs")
	echo "$t $rss"
}

gen() { # gen LAYOUT ROWS FILE
	[ -s "$3" ] || "$bin/gen" "$1" "$2" >"$3"
}

gen openrouter 1000000 "$dir/openrouter-1m.csv"
gen openrouter 250000 "$dir/openrouter-250k.csv"
gen litellm 200000 "$dir/litellm-200k.csv"
gen litellm 50000 "$dir/litellm-50k.csv"

printf '%-22s %9s %8s %9s %8s %9s %8s %7s\n' file MB scan_s scan_MB/s usage_s usage_MB/s rss_KiB ratio
for f in openrouter-1m openrouter-250k litellm-200k litellm-50k; do
	file=$dir/$f.csv
	bytes=$(wc -c <"$file")
	set -- $(measure scan "$bin/scan" "$file")
	st=$1
	set -- $(measure usage "$prog" usage "$file" --format json)
	ut=$1
	rss=$2
	printf '%-22s %9.1f %8.3f %9s %8.3f %9s %8s %6.0f%%\n' "$f" \
		"$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$st" "$(mb "$bytes" "$st")" \
		"$ut" "$(mb "$bytes" "$ut")" "$rss" "$(awk -v a="$st" -v b="$ut" 'BEGIN { print 100 * a / b }')"
done

# two processes on the two halves (split at a line: this export has no
# quoted newlines), started together: the wall time of the pair
file=$dir/openrouter-1m.csv
half=$(( $(wc -l <"$file") / 2 ))
[ -s "$dir/half1.csv" ] || head -n "$half" "$file" >"$dir/half1.csv"
[ -s "$dir/half2.csv" ] || { head -n 1 "$file"; tail -n +"$((half + 1))" "$file"; } >"$dir/half2.csv"
cat >"$dir/pair.sh" <<PAIR
"$prog" usage "$dir/half1.csv" --format json >/dev/null &
"$prog" usage "$dir/half2.csv" --format json >/dev/null
wait
PAIR
set -- $(measure pair sh "$dir/pair.sh")
bytes=$(wc -c <"$file")
echo "two processes on the halves of openrouter-1m: $1 s, $(mb "$bytes" "$1") MB/s (on $(nproc) cores)"
