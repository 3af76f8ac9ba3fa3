#!/bin/sh
# Write the commits base..HEAD of a work tree to a series directory as
# git format-patch files plus a "series" file. Patches whose content did not
# change are left alone; patches no longer in the series are removed.
# Usage: export-series.sh TREE SERIES_DIR
set -eu

tree=$1
series=$(realpath "$2")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$tree" format-patch -q --zero-commit --no-signature --no-numbered \
	-o "$tmp" base..HEAD

mkdir -p "$series"
: > "$tmp/series"
for p in "$tmp"/*.patch; do
	[ -e "$p" ] || continue
	name=$(basename "$p")
	echo "$name" >> "$tmp/series"
	cmp -s "$p" "$series/$name" || cp "$p" "$series/$name"
done
for p in "$series"/*.patch; do
	[ -e "$p" ] || continue
	grep -qx "$(basename "$p")" "$tmp/series" || rm "$p"
done
cmp -s "$tmp/series" "$series/series" || cp "$tmp/series" "$series/series"
echo "export-series: $(wc -l < "$series/series") patches in $series"
