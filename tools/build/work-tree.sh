#!/bin/sh
# Make TREE, make tree's work tree: the base repository with SERIES
# applied, one commit a patch, and record in its git config what make
# export needs: the series, the base and the Debian source it was made from.
# Usage: work-tree.sh BASE_REPO SERIES TREE BASE SOURCE
set -eu

repo=$1
series=$2
tree=$3

if [ -e "$tree" ]; then
	echo "work-tree: $tree exists: make export, then remove it to start again" >&2
	exit 1
fi
"$(dirname "$0")/apply-series.sh" "$repo" "$series" "$tree"
git -C "$tree" config kvm-oot.series "$series"
git -C "$tree" config kvm-oot.base "$4"
git -C "$tree" config kvm-oot.source "$5"
echo "work tree: $tree, series $series of base $4 (the base is tag 'base'; new files need 'git add -f')"
