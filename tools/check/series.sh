#!/bin/sh
# Apply the series to a fresh clone of the base one patch at a time, tagging
# each step p1, p2, ... for the build check; name the patch that fails.
# TREE shares the base's objects and checks out what
# tools/build/sparse-checkout.sh names.
# Usage: series.sh BASE_REPO SERIES_DIR TREE
set -eu

base=$(realpath "$1")
series=$(realpath "$2")
tree=$3

if [ ! -d "$tree/.git" ]; then
	git clone -q --shared --no-checkout "$base" "$tree" >&2
	git -C "$tree" config user.name kvm-oot
	git -C "$tree" config user.email kvm-oot@localhost
fi
"$(dirname "$0")/../build/sparse-checkout.sh" "$tree" "$series"
cd "$tree"
git am --abort >/dev/null 2>&1 || true
git checkout -q --detach base
git tag -l 'p*' | xargs -r git tag -d >/dev/null

n=0
for p in $(grep -v '^#' "$series/series"); do
	n=$((n + 1))
	if [ ! -f "$series/$p" ]; then
		echo "not ok - apply $p # listed in series, file missing"
		exit 1
	fi
	if git am "$series/$p" >&2; then
		git tag "p$n"
		echo "ok - apply $p"
	else
		git am --abort
		echo "not ok - apply $p # does not apply, see the log"
		exit 1
	fi
done
for p in "$series"/*.patch; do
	[ -e "$p" ] || continue
	grep -qx "$(basename "$p")" "$series/series" ||
		{ echo "not ok - series lists every patch # $(basename "$p") is not listed"; exit 1; }
done
[ "$n" -gt 0 ] || echo "ok - apply # SKIP the series is empty"
