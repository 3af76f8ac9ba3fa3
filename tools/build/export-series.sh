#!/bin/sh
# Write the commits base..HEAD of make tree's work tree to the series it was
# made from, as git format-patch files plus a "series" file, and what it
# was made from to the series' "base" file. Patches whose content did not
# change are left alone; patches no longer in the series are removed. A
# series named with SERIES= or BASE= must be the tree's: the patches of
# another series are never written over.
# Usage: export-series.sh TREE [SERIES_DIR] [BASE]
set -eu

tree=$1
named=${2:-}
base=${3:-}
bases=$(dirname "$0")/../base/bases

if [ ! -d "$tree/.git" ]; then
	echo "export-series: no work tree $tree: make tree makes it" >&2
	exit 1
fi
source=$(git -C "$tree" config kvm-oot.source) || source=unknown
series=$(git -C "$tree" config kvm-oot.series) || {
	echo "export-series: $tree records no series (made by an older make tree); name it with git -C $tree config kvm-oot.series patches/<X.Y>" >&2
	exit 1
}
if [ -z "$named" ] && [ -n "$base" ]; then
	named=$(awk -v b="$base" '$1 == b { print $NF }' "$bases")
	[ -n "$named" ] || { echo "export-series: no base '$base' in $bases" >&2; exit 1; }
fi
if [ -n "$named" ] && [ "$(realpath -m "$named")" != "$(realpath -m "$series")" ]; then
	echo "export-series: $tree holds the series $series, not $named: not exporting" >&2
	exit 1
fi
series=$(realpath "$series")

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

linux=$(git -C "$tree" log -1 --format=%s base | sed 's/^base: //')
id=$(git -C "$tree" rev-parse 'base^{tree}')
cat > "$tmp/base" <<INFO
# Written by make export: what this series was exported from. linux is the
# kernel version, source the Debian package, version and suite, and tree
# git's id of that source unpacked (git add -A -f; git write-tree).
linux   $linux
source  $source
tree    $id
INFO
cmp -s "$tmp/base" "$series/base" || cp "$tmp/base" "$series/base"
echo "export-series: $(wc -l < "$series/series") patches in $series, from $source"
