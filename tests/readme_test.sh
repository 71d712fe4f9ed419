#!/bin/sh
# readme_test.sh - run every example command of README.md (jq's man.test).
#
#   sh tests/readme_test.sh build/llmtco
#
# Every line that starts with "llmtco " inside a ```sh fenced block of
# README.md is run from the repository root with the program path in place
# of "llmtco" (through LLMTCO_WRAP, e.g. valgrind, when set). Each must exit 0
# and write something to standard output. Prints a line per failure and ends
# with "N passed, N failed"; exits 1 on any failure.

. "$(dirname "$0")/lib.sh"
test_setup tests/readme_test.sh readme "$(dirname "$0")/.." "$@"

if [ ! -f README.md ]; then
	echo "FAIL: README.md not found in $root"
	echo "0 passed, 1 failed"
	exit 1
fi

# The example lines of ```sh blocks; other fenced blocks are skipped whole.
awk '
	/^[ \t]*```/ {
		if (fence) { fence = 0; sh = 0 }
		else { fence = 1; sh = ($0 ~ /^[ \t]*```sh[ \t]*$/) }
		next
	}
	fence && sh && /^llmtco / { print }
' README.md >"$tmp/commands"

if [ ! -s "$tmp/commands" ]; then
	echo "FAIL: no \"llmtco ...\" lines in the \`\`\`sh blocks of README.md"
	echo "0 passed, 1 failed"
	exit 1
fi

while IFS= read -r line; do
	args=${line#llmtco }
	if eval "$wrap \"\$prog\" $args" >"$tmp/out" 2>"$tmp/err" </dev/null; then
		if [ -s "$tmp/out" ]; then
			passed=$((passed + 1))
		else
			echo "FAIL: $line: no output"
			failed=$((failed + 1))
		fi
	else
		status=$?
		echo "FAIL: $line: exit status $status"
		sed -n '1,5s/^/    /p' "$tmp/err"
		failed=$((failed + 1))
	fi
done <"$tmp/commands"

test_end
