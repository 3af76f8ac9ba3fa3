#!/bin/sh
# Limit the checkout of git work tree TREE to what make and make check read
# of a kernel source: KVM and its headers (arch/x86, virt, include), the
# selftests and the tools they build with (tools), kbuild and make headers
# (scripts, usr), the licenses checkpatch checks SPDX tags against
# (LICENSES), what checkpatch takes for the top of a kernel tree (kernel,
# lib, init, ipc, and Documentation, fs and drivers, which a small
# directory of each brings), and every directory that the patches of
# SERIES_DIR touch or that a symbolic link under tools/ points to. The
# files at the top level come along. A tree of about 250 MB instead of
# 1.5 GB; "git sparse-checkout disable" checks out the rest.
# Usage: sparse-checkout.sh TREE SERIES_DIR
set -eu

tree=$1
series=$2

patches=$(grep -v '^#' "$series/series" 2>/dev/null | sed "s|^|$series/|") || true
# shellcheck disable=SC2086 # a list of files
touched=$(cat $patches /dev/null 2>/dev/null |
	sed -n -E 's#^(\+\+\+ b|--- a)/(.*/)[^/]*$#\2#p' | sed 's#/$##' | sort -u)
# The directories that symbolic links under tools/ point to (the VFIO
# selftests' drivers take their headers from drivers/dma/).
linked=$(git -C "$tree" ls-tree -r HEAD -- tools | awk '$1 == "120000" { print $3, $4 }' |
	while read -r blob path; do
		target=$(git -C "$tree" cat-file -p "$blob")
		dirname "$(realpath -m "/$(dirname "$path")/$target")" | sed 's|^/||'
	done | grep -v '^tools\(/\|$\)' | sort -u) || true
# shellcheck disable=SC2086 # lists of directories
git -C "$tree" sparse-checkout set --cone $linked \
	arch/x86 include virt tools scripts usr LICENSES kernel lib init ipc \
	fs/proc drivers/virt Documentation/process $touched
