#!/bin/sh
# report_test.sh - `llmtco report` writes a whole memo folder or nothing.
#
#   sh tests/report_test.sh build/llmtco
#
# Checks: the folder's files; memo.md's comparison table is, row for row,
# the one `compare --format md` prints for the same scenario; every
# assumption names a source; the charts are PNG images of at least 640x400;
# the "How sure is this?" section holds simulate's and sensitivity's figures;
# an existing folder is refused without --force and replaced with it; a
# missing gnuplot leaves nothing; SIGKILL in the middle of a run leaves no
# memo folder. Ends with "N passed, N failed"; exits 1 on any failure.

. "$(dirname "$0")/lib.sh"
test_setup tests/report_test.sh report "$(dirname "$0")/.." "$@"

# a PNG file: signature, then IHDR width and height (big-endian) >= 640x400
png_ok() {
	sig=$(od -An -tx1 -N8 "$1" | tr -d ' \n')
	[ "$sig" = 89504e470d0a1a0a ] || return 1
	w=$(od -An -tu1 -j16 -N4 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
	h=$(od -An -tu1 -j20 -N4 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
	[ "$w" -ge 640 ] && [ "$h" -ge 400 ]
}

scn=scenarios/examples/mid-size.json
memo=$tmp/memo

$wrap "$prog" report --scenario $scn --out "$memo" >"$tmp/out" 2>"$tmp/err"
check "report exits 0 ($(cat "$tmp/err"))" $?
for f in memo.md compare.csv sweep.csv breakeven.csv breakdown.png cost-vs-spend.png; do
	[ -s "$memo/$f" ]
	check "report writes $f" $?
done
[ "$(ls -A "$tmp" | grep -c '^\.memo\.')" -eq 0 ]
check "no temporary folder is left beside the memo" $?
png_ok "$memo/breakdown.png"
check "breakdown.png is a PNG of at least 640x400" $?
png_ok "$memo/cost-vs-spend.png"
check "cost-vs-spend.png is a PNG of at least 640x400" $?
# the scenario has a horizon: the memo goes over time too
png_ok "$memo/cumulative.png" && [ -s "$memo/timeline.csv" ] && grep -q '^## Over 12 months' "$memo/memo.md"
check "a scenario with a horizon gets timeline.csv, cumulative.png and an 'Over' section" $?
[ "$(wc -l <"$memo/timeline.csv")" -eq $((1 + 12 * $(grep -c '^| [0-9]' "$memo/memo.md" | head -1))) ]
check "timeline.csv has a row per strategy and month" $?
"$prog" report --spend 5000 --out "$tmp/plain" >/dev/null 2>&1 && [ ! -e "$tmp/plain/timeline.csv" ] &&
	! grep -q '^## Over' "$tmp/plain/memo.md"
check "without a horizon or growth, no timeline" $?

# memo.md's figures are compare's: every table row of compare's Markdown
"$prog" compare --scenario $scn --format md >"$tmp/compare.md"
rows=$(grep -c '^| [0-9]' "$tmp/compare.md")
[ "$rows" -gt 5 ]
check "compare prints a table ($rows rows)" $?
grep '^| [0-9]' "$tmp/compare.md" >"$tmp/rows"
missing=0
while IFS= read -r line; do
	grep -qxF "$line" "$memo/memo.md" || { missing=1; echo "  not in memo.md: $line"; }
done <"$tmp/rows"
check "memo.md holds compare's table, row for row" $missing
# and the cheapest total is the one the recommendation names
best=$(sed -n 's/^| 1 | \([^ ]*\) .* | \([0-9.]*\) |$/\1 \2/p' "$tmp/compare.md")
set -- $best
grep -q "($1) at \$$2/month" "$memo/memo.md"
check "the recommendation names $1 at \$$2/month" $?

# every assumption line names a source
sed -n '/^## Assumptions/,/^## /p' "$memo/memo.md" | grep '^- ' >"$tmp/assume"
[ -s "$tmp/assume" ] && ! grep -v 'source: ' "$tmp/assume"
check "every assumption names a source" $?
# and every price line has a source and a date
sed -n '/^## Prices/,$p' "$memo/memo.md" | grep '^- ' >"$tmp/prices"
[ -s "$tmp/prices" ] && ! grep -vE 'source: .*[0-9]{4}-[0-9]{2}-[0-9]{2}' "$tmp/prices"
check "every price names a source and a date" $?

# how sure: simulate's and sensitivity's figures, the tornado
for f in simulate.csv sensitivity.csv tornado.png; do
	[ -s "$memo/$f" ]
	check "report writes $f" $?
done
png_ok "$memo/tornado.png"
check "tornado.png is a PNG of at least 640x400" $?
grep -q '^## How sure is this?' "$memo/memo.md" &&
	grep -q 'drawn together 10000 times (seed 1)' "$memo/memo.md"
check "memo.md has a 'How sure is this?' section over 10000 trials, seed 1" $?
"$prog" simulate --scenario $scn --format csv >"$tmp/sim.csv"
cmp -s "$tmp/sim.csv" "$memo/simulate.csv"
check "simulate.csv is what simulate --format csv prints" $?
# every option's percentiles in memo.md are simulate's, to the cent
missing=0
n=0
while IFS=, read -r id plan p10 p50 p90 mean pc; do
	[ "$id" = id ] && continue
	n=$((n + 1))
	grep -qF "| $id | $plan | $p10 | $p50 | $p90 | $mean | " "$memo/memo.md" ||
		{ missing=1; echo "  not in memo.md: $id $plan $p10 $p50 $p90 $mean"; }
done <"$tmp/sim.csv"
[ $n -gt 5 ]
check "memo.md's percentile table has simulate's rows, row for row" $missing
"$prog" sensitivity --scenario $scn --format csv >"$tmp/sens.csv"
cmp -s "$tmp/sens.csv" "$memo/sensitivity.csv"
check "sensitivity.csv is what sensitivity --format csv prints" $?
say=$("$prog" sensitivity --scenario $scn --format md | grep 'decides this most')
[ -n "$say" ] && grep -qxF "$say" "$memo/memo.md"
check "memo.md names the deciding assumption as sensitivity does" $?
"$prog" report --scenario $scn --trials 500 --seed 7 --out "$tmp/seeded" >/dev/null 2>&1 &&
	grep -q 'drawn together 500 times (seed 7)' "$tmp/seeded/memo.md" &&
	"$prog" simulate --scenario $scn --trials 500 --seed 7 --format csv | cmp -s - "$tmp/seeded/simulate.csv"
check "report --trials 500 --seed 7 is simulate --trials 500 --seed 7" $?
"$prog" report --scenario scenarios/examples/compliance.json --out "$tmp/nopair" >/dev/null 2>&1 &&
	[ ! -e "$tmp/nopair/tornado.png" ] && [ ! -e "$tmp/nopair/sensitivity.csv" ] &&
	grep -q 'no self-hosted and managed option to weigh' "$tmp/nopair/memo.md"
check "with no self-hosted x managed pair: no tornado, the memo says why" $?

# the sentences' figures are simulate's: a close call, and a P10-P90 range
"$prog" report --spend 60000 --options litellm/oss,openrouter --out "$tmp/close" >/dev/null 2>&1
"$prog" simulate --spend 60000 --options litellm/oss,openrouter --format csv >"$tmp/close.csv"
w1=$(awk -F, 'NR==2 { printf "%.2f", 100 * $7 }' "$tmp/close.csv")
w2=$(awk -F, 'NR==3 { printf "%.2f", 100 * $7 }' "$tmp/close.csv")
[ "$w1" = 58.38 ] && [ "$w2" = 41.62 ] &&
	grep -qxF -- "- openrouter, the cheapest at the figures above, is the cheapest in $w1% of the trials: the recommendation usually holds, not always." "$tmp/close/memo.md" &&
	grep -qxF -- "- The cheapest otherwise: litellm/oss in $w2%." "$tmp/close/memo.md" &&
	grep -qxF -- "- In at least 8 trials out of 10, openrouter costs \$63300.00 a month." "$tmp/close/memo.md"
check "a close call: openrouter wins 58.38% of trials, litellm/oss 41.62%, as simulate says" $?
"$prog" simulate --scenario scenarios/examples/compliance.json --format csv >"$tmp/nopair.csv"
line=$(awk -F, 'NR==2 { printf "- In 8 trials out of 10, %s costs between $%s and $%s a month (median $%s).", $1, $3, $5, $4 }' "$tmp/nopair.csv")
[ "$line" = '- In 8 trials out of 10, bifrost costs between $14533.18 and $16215.18 a month (median $15388.13).' ] &&
	grep -qxF -- "$line" "$tmp/nopair/memo.md" &&
	grep -qF 'is the cheapest in 100.00% of the trials: the recommendation holds across the ranges.' "$tmp/nopair/memo.md"
check "compliance: bifrost's P10-P90 range and its 100.00% win, as simulate says" $?
"$prog" report --spend 5000 --options openrouter --rate 100 --out "$tmp/fixed" >/dev/null 2>&1 &&
	grep -q '^Every input here is a single figure' "$tmp/fixed/memo.md" && [ ! -e "$tmp/fixed/tornado.png" ]
check "with no range anywhere the memo says so and draws no tornado" $?

# an existing folder: refused, then replaced with --force
"$prog" report --scenario $scn --out "$memo" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'exists: give --force' "$tmp/err"
check "an existing folder is refused (exit 2)" $?
echo stale >"$memo/stale.txt"
"$prog" report --scenario $scn --out "$memo" --force >/dev/null 2>&1 &&
	[ ! -e "$memo/stale.txt" ] && [ -s "$memo/memo.md" ]
check "--force replaces the folder" $?
mkdir "$memo/sub"
"$prog" report --scenario $scn --out "$memo" --force >/dev/null 2>&1
[ $? -eq 2 ] && [ -d "$memo/sub" ]
check "--force refuses a folder holding folders" $?

# no gnuplot: exit 4 and nothing written
LLMTCO_GNUPLOT=llmtco-no-such-gnuplot "$prog" report --scenario $scn --out "$tmp/nognu" \
	>/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && [ ! -e "$tmp/nognu" ] && [ "$(ls -A "$tmp" | grep -c '^\.nognu\.')" -eq 0 ]
check "without gnuplot: exit 4, no folder, no temporary folder" $?

# SIGKILL in the middle: a gnuplot that takes its time, killed while it draws
cat >"$tmp/slow-gnuplot" <<'SLOW'
#!/bin/sh
touch "$LLMTCO_TEST_STARTED"
sleep 5
exec gnuplot "$@"
SLOW
chmod +x "$tmp/slow-gnuplot"
LLMTCO_TEST_STARTED=$tmp/started LLMTCO_GNUPLOT=$tmp/slow-gnuplot \
	"$prog" report --scenario $scn --out "$tmp/killed" >/dev/null 2>&1 &
pid=$!
i=0
while [ ! -e "$tmp/started" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ -e "$tmp/started" ]
check "the report reached its charts before the kill" $?
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
[ ! -e "$tmp/killed" ]
check "SIGKILL mid-run leaves no memo folder" $?

test_end
