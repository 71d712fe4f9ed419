#!/bin/sh
# tests/fuzz/seed.sh OUT - fill OUT/corpus/TARGET/ with seed inputs taken
# from the repository's fixtures (copied at run time, never committed).
# Kept: what an earlier run found (libFuzzer adds to the same folders).
set -e
out=${1:-build/fuzz}
c=$out/corpus
mkdir -p "$c"

# seed TARGET FILE... : copy the files (missing ones are skipped)
seed() {
	t=$1; shift
	mkdir -p "$c/$t"
	for f in "$@"; do
		[ -f "$f" ] || continue
		n=$(echo "$f" | tr '/' '_')
		cp "$f" "$c/$t/seed-$n"
	done
}

# say TARGET NAME TEXT : one seed from a string
say() {
	mkdir -p "$c/$1"
	printf '%s' "$3" >"$c/$1/seed-$2"
}

seed catalog_csv pricing/data/*.csv tests/cli/fixtures/*.csv \
	tests/cli/fixtures/pricing-dir/*.csv tests/cli/fixtures/validate-dir/*.csv \
	tests/bad/cat-*.csv
seed scenario_json scenarios/examples/*.json tests/cli/fixtures/bad-*.json \
	tests/cli/fixtures/check-*.json tests/cli/fixtures/scenario-*.json \
	tests/cli/fixtures/routing-policy.json tests/cli/fixtures/instance-steps.json \
	tests/cli/fixtures/sensitivity-three.json tests/bad/scn-*.json
seed import_litellm tests/cli/fixtures/import-litellm.json tests/cli/fixtures/import-bad.json \
	tests/bad/imp-litellm-*.json
seed import_genai_prices tests/cli/fixtures/import-genai.json tests/cli/fixtures/import-bad.json \
	tests/bad/imp-genai-*.json
seed import_openrouter tests/cli/fixtures/import-openrouter.json tests/cli/fixtures/import-bad.json \
	tests/bad/imp-openrouter-*.json

# usage: the first byte is the chunk size (0: whole input), so prefix one
mkdir -p "$c/usage"
for f in tests/fixtures/usage/*.csv tests/bad/use-*.csv tests/cli/fixtures/usage-*.csv; do
	[ -f "$f" ] || continue
	n=$(echo "$f" | tr '/' '_')
	{ printf '\000'; cat "$f"; } >"$c/usage/seed-0-$n"
	{ printf '\007'; cat "$f"; } >"$c/usage/seed-7-$n"
done

i=0
for v in 0 1 5000 -3 0.25 1e6 1e308 1e309 -0 .5 5. 1,000 " 1" "1 " 0x10 nan inf 1e-400 \
	 00012 +7 12abc 3.14159265358979323846; do
	i=$((i + 1))
	say num_parse "$i" "$v"
done
i=0
for v in openrouter.fee_pct=5 litellm/oss.setup_hours=40 portkey/pro.monthly_usd=49 \
	 litellm.sla=enterprise a.b.c=1 .x=1 x.=1 x.y= =1 openrouter.notes=hello \
	 litellm/oss.deployment=managed openrouter.fee_pct=1e400 openrouter.fee_pct=-1; do
	i=$((i + 1))
	say set "$i" "$v"
done
