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

rm -rf "$dir.extmod"
(cd "$dir" && srctree=. SRCARCH=x86 CC="$cc" HOSTCC="$cc" MAKE=make \
	sh scripts/package/install-extmod-build "$(realpath -m "$dir.extmod")")
cp "$dir/.config" "$dir.extmod/.config"
rm -rf "$dir"
mv "$dir.extmod" "$dir"
