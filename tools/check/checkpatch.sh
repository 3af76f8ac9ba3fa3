#!/bin/sh
# Run the base's checkpatch.pl --strict on every patch of the series. A patch
# passes with 0 errors, 0 warnings and 0 checks, not counting the message
# types that SERIES_DIR/checkpatch-exceptions excuses for it, one line each:
#   <patch file> <TYPE> <reason>
# Usage: checkpatch.sh BASE_REPO SERIES_DIR
set -eu

base=$(realpath "$1")
series=$(realpath "$2")
exceptions=$series/checkpatch-exceptions

if [ -f "$exceptions" ]; then
	bad=$(grep -vE '^(#|$)' "$exceptions" | awk 'NF < 3' || true)
	if [ -n "$bad" ]; then
		echo "not ok - checkpatch exceptions need a reason # $bad"
		exit 1
	fi
fi

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
# checkpatch runs scripts/spdxcheck.py, which needs Debian's python3-ply.
export PATH="/usr/bin:$PATH"
cd "$base"
n=0
for p in $(grep -v '^#' "$series/series"); do
	n=$((n + 1))
	ignore=$(awk -v p="$p" '$1 == p { printf "%s,", $2 }' "$exceptions" 2>/dev/null || true)
	echo "== $p (ignoring: ${ignore:-nothing})" >&2
	./scripts/checkpatch.pl --strict --show-types --root=. \
		${ignore:+--ignore "$ignore"} "$series/$p" > "$tmp" 2>&1 || true
	cat "$tmp" >&2
	if grep -q '^total: 0 errors, 0 warnings, 0 checks' "$tmp"; then
		echo "ok - checkpatch $p"
	else
		echo "not ok - checkpatch $p # $(grep '^total:' "$tmp" || echo 'did not run')"
	fi
done
[ "$n" -gt 0 ] || echo "ok - checkpatch # SKIP the series is empty"
