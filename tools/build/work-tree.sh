#!/bin/sh
# Make TREE, make tree's work tree: the base repository with SERIES
# applied, one commit a patch, the whole source checked out and all its
# objects its own, and record in its git config what make export needs:
# the series, the base and the Debian source it was made from.
# Usage: work-tree.sh BASE_REPO SERIES TREE BASE SOURCE
set -eu

repo=$1
series=$2
tree=$3

if [ -e "$tree" ]; then
	echo "work-tree: $tree exists: make export, then remove it to start again" >&2
	exit 1
fi
rc=0
"$(dirname "$0")/apply-series.sh" "$repo" "$series" "$tree" || rc=$?
# Also when a patch did not apply: the tree is the one to fix it in.
[ -d "$tree/.git" ] || exit 1
# A tree to work in: the whole source checked out, and objects of its own,
# so that removing build/ leaves it whole.
echo "work-tree: checking out the whole source" >&2
git -C "$tree" repack -a -d -q
rm -f "$tree/.git/objects/info/alternates"
git -C "$tree" sparse-checkout disable
git -C "$tree" config kvm-oot.series "$series"
git -C "$tree" config kvm-oot.base "$4"
git -C "$tree" config kvm-oot.source "$5"
[ "$rc" = 0 ] || exit "$rc"
echo "work tree: $tree, series $series of base $4 (the base is tag 'base'; new files need 'git add -f')"
