#!/bin/sh
# man_test.sh - the committed man page is what the program generates, and
# it renders without warnings.
#
#   sh tests/man_test.sh build/llmtco
#
# Fails when `llmtco help --man` differs from llmtco.1 (run 'make man'), and,
# when man(1) is installed, when `man --warnings -l llmtco.1` complains. Ends
# with "N passed, N failed"; exits 1 on any failure. LLMTCO_WRAP (e.g.
# valgrind) is put before the program when set.

. "$(dirname "$0")/lib.sh"
test_setup tests/man_test.sh man "$(dirname "$0")/.." "$@"

pass() {
	passed=$((passed + 1))
}

fail() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}

# 1. llmtco.1 is up to date.
eval "$wrap \"\$prog\" help --man" >"$tmp/generated" 2>"$tmp/err" </dev/null
status=$?
if [ "$status" -ne 0 ]; then
	fail "'llmtco help --man' exited with status $status"
	sed -n '1,5s/^/    /p' "$tmp/err"
elif [ ! -s "$tmp/generated" ]; then
	fail "'llmtco help --man' wrote nothing"
elif [ ! -f llmtco.1 ]; then
	fail "llmtco.1 is missing: run 'make man'"
elif ! cmp -s "$tmp/generated" llmtco.1; then
	fail "llmtco.1 differs from 'llmtco help --man': run 'make man'"
	diff -u llmtco.1 "$tmp/generated" | sed -n '1,20s/^/    /p'
else
	pass
fi

# 2. It renders without warnings (only where man-db is installed).
if command -v man >/dev/null 2>&1 && [ -f llmtco.1 ]; then
	MANWIDTH=80 man --warnings -l llmtco.1 >"$tmp/rendered" 2>"$tmp/warnings"
	status=$?
	if [ "$status" -eq 0 ]; then
		# a missing locale is the system's problem, not the page's
		grep -v "can't set the locale" "$tmp/warnings" >"$tmp/real"
		if [ -s "$tmp/real" ]; then
			fail "man --warnings -l llmtco.1 printed warnings:"
			sed -n '1,10s/^/    /p' "$tmp/real"
		elif [ ! -s "$tmp/rendered" ]; then
			fail "man -l llmtco.1 rendered nothing"
		else
			pass
		fi
	else
		fail "man --warnings -l llmtco.1 exited with status $status"
		sed -n '1,10s/^/    /p' "$tmp/warnings"
	fi
else
	echo "skip: man(1) is not installed; llmtco.1 not rendered"
fi

test_end
