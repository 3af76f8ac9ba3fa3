#!/bin/sh
# Print the selftests that a list names (tools/vm/<series>/tests, .../stock),
# each once, in the list's order: the first word of each line that is not a
# comment, without the ":<case>" that a stock list may add. With TEST,
# only that test, named by its path or by the part after the last "/".
# Usage: select-tests.sh LIST [TEST]
set -eu

awk -v t="${2:-}" '
	/^(#|$)/ { next }
	{ sub(/:.*/, "", $1) }
	t != "" && $1 != t && $1 !~ "/" t "$" { next }
	!seen[$1]++ { print $1 }' "$1"
