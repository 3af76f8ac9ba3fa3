#!/bin/sh
# Count the TAP lines of the RESULTS files (tools/check/run.sh writes one a
# base) and print "N passed, N failed" (", N skipped" if any); exit 1 if
# any check failed.
# Usage: summary.sh RESULTS...
set -eu

results=$(cat "$@")
count() {
	echo "$results" | grep -c "$1" || true
}
skipped=$(count '^ok .*# SKIP')
passed=$(($(count '^ok ') - skipped))
failed=$(count '^not ok ')
xfail=$(count '^ok .*# XFAIL')
[ "$xfail" -gt 0 ] && echo "# $xfail expected failures (emulator limits, tools/vm/<series>/xfail) counted as passed"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ]
