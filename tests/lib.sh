# lib.sh - what the test scripts share (sourced, not run):
#
#   . "$(dirname "$0")/lib.sh"
#   test_setup SCRIPT TAG ROOT "$@"
#
# test_setup checks for exactly one argument, the program (made absolute
# when it is a path, so the script may cd), and sets:
#   prog  the program          wrap  $LLMTCO_WRAP (e.g. valgrind), or empty
#   root  ROOT made absolute   tmp   a scratch folder removed on exit
# and changes to ROOT. `check NAME STATUS` counts STATUS 0 as passed and
# prints "FAIL NAME" otherwise; `test_end` prints "N passed, N failed" and
# returns 1 on any failure.

test_setup() {
	_script=$1
	_tag=$2
	_root=$3
	shift 3
	if [ $# -ne 1 ]; then
		echo "usage: sh $_script PROGRAM" >&2
		exit 2
	fi
	prog=$1
	case $prog in
	/*) ;;
	*/*) prog=$(pwd)/$prog ;;
	esac
	wrap=${LLMTCO_WRAP:-}
	root=$(cd "$_root" && pwd) || exit 2
	cd "$root" || exit 2
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/llmtco-$_tag.XXXXXX") || exit 2
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 2' HUP INT TERM
	passed=0
	failed=0
}

check() { # check NAME CONDITION-EXIT-STATUS
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $1"
	fi
}

test_end() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
