#!/bin/sh
# Make OUT a clone of the base repository with the series applied, one commit
# per patch. An existing OUT is reset to "base" first, so unchanged files keep
# their timestamps. OUT shares the base's objects and checks out what
# tools/build/sparse-checkout.sh names.
# Usage: apply-series.sh BASE_REPO SERIES_DIR OUT
set -eu

base=$(realpath "$1")
series=$(realpath "$2")
out=$3

if [ ! -d "$out/.git" ]; then
	git clone -q --shared --no-checkout "$base" "$out"
	git -C "$out" config user.name >/dev/null ||
		git -C "$out" config user.name kvm-oot
	git -C "$out" config user.email >/dev/null ||
		git -C "$out" config user.email kvm-oot@localhost
	git -C "$out" config gc.auto 0
fi
"$(dirname "$0")/sparse-checkout.sh" "$out" "$series"
cd "$out"
git am --abort >/dev/null 2>&1 || true
git checkout -q --detach base
git reset -q --hard base
git clean -q -fdx
for p in $(grep -v '^#' "$series/series"); do
	if ! git am -q "$series/$p" >.git/am.log 2>&1; then
		cat .git/am.log >&2
		git am --abort
		echo "apply-series: $p does not apply on $(git log -1 --format=%s base)" >&2
		exit 1
	fi
done
