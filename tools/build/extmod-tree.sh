#!/bin/sh
# Reduce DIR, a configured kernel tree that has been prepared (make
# modules_prepare) or built, to what builds of out-of-tree modules against
# it read, in place: what the kernel's own
# scripts/package/install-extmod-build copies into its headers packages,
# and the .config. From about 2 GB to about 100 MB.
# Usage: extmod-tree.sh DIR CC
set -eu

dir=$1
cc=$2

dest=$(realpath -m "$dir.extmod")
rm -rf "$dest"
(cd "$dir" && srctree=. SRCARCH=x86 CC="$cc" HOSTCC="$cc" MAKE=make \
	sh scripts/package/install-extmod-build "$dest")
cp "$dir/.config" "$dest/.config"
rm -rf "$dir"
mv "$dest" "$dir"
