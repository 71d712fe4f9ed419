#!/bin/sh
# check_git_test.sh - `llmtco check --baseline git:REF` reads the catalog as
# it was at a git revision: a temporary repository with two commits of a
# pricing file, checked against HEAD~1.
#
#   sh tests/check_git_test.sh build/llmtco
#
# Ends with "N passed, N failed"; exits 1 on any failure.

. "$(dirname "$0")/lib.sh"
test_setup tests/check_git_test.sh check "$(dirname "$0")/.." "$@"

if ! command -v git >/dev/null 2>&1; then
	echo "FAIL git is not installed"
	echo "0 passed, 1 failed"
	exit 1
fi
cd "$tmp" || exit 2
git init -q repo && cd repo || exit 2
git config user.email test@example.invalid
git config user.name test
mkdir prices
printf 'id,plan,name,deployment,fee_pct,fee_min_usd,source,as_of\nopenrouter,pay-as-you-go,OpenRouter,managed,5.5,0.80,first commit,2026-11-01\n' \
	>prices/gateways.csv
cp "$root/tests/cli/fixtures/check-scenario.json" scenario.json
git add . && git commit -qm one
printf 'id,plan,name,deployment,fee_pct,fee_min_usd,source,as_of\nopenrouter,pay-as-you-go,OpenRouter,managed,1,0.80,second commit: a fee cut,2026-11-21\n' \
	>prices/gateways.csv
git commit -qam two

"$prog" check --baseline git:HEAD~1 --pricing prices --scenario scenario.json \
	--fail-on-flip >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ]
check "the fee cut since HEAD~1 flips the decision (exit 1): $(cat "$tmp/err")" $?
grep -q 'cheapest: litellm/oss -> openrouter  FLIP' "$tmp/out"
check "the flip names both options" $?
grep -q 'openrouter .*\$105,500.00 -> \$101,000.00' "$tmp/out"
check "OpenRouter's total before and after" $?

"$prog" check --baseline git:HEAD --pricing prices --scenario scenario.json \
	--fail-on-flip >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && grep -q '0 flips' "$tmp/out"
check "against HEAD nothing changed (exit 0)" $?

"$prog" check --baseline git:HEAD~1 --pricing prices/gateways.csv --scenario scenario.json \
	--fail-on-flip >/dev/null 2>&1
[ $? -eq 1 ]
check "a file path works as well as a folder" $?

"$prog" check --baseline git:nosuchref --pricing prices --scenario scenario.json \
	>/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && grep -q 'no "prices" at that revision' "$tmp/err"
check "an unknown revision is exit 4 with a message" $?

test_end
