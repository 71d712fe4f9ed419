#!/bin/sh
# sim.sh - Monte Carlo speed (make bench): 1,000,000 trials of
# `llmtco simulate` over the whole built-in catalog at $5,000/month of API
# spend, on one and on two threads; median wall time of 3 runs (runstat)
# and trials per second. Target (issue 7): under 1 s on two cores.
#
#   sh tools/bench/sim.sh BENCHDIR PROGRAM
set -eu
dir=$1
prog=$2
trials=1000000

for jobs in 1 2; do
	: >"$dir/sim-runs"
	for i in 1 2 3; do
		"$dir/runstat" "$prog" simulate --spend 5000 --trials $trials --jobs $jobs \
			--format json 2>>"$dir/sim-runs" ||
			{ echo "bench: simulate --jobs $jobs failed" >&2; exit 1; }
	done
	sort -n "$dir/sim-runs" | awk -v n=$trials -v j=$jobs '
		{ t[NR] = $1; r[NR] = $2 }
		END { printf "simulate  %d trials, --jobs %d: %.3f s (median of 3), %.0f trials/s, peak RSS %d KiB\n",
		      n, j, t[2], n / t[2], r[3] }'
done
