#!/bin/sh
# Make a git repository of an unpatched kernel tree, its one commit tagged
# "base". Usage: repo.sh SOURCE REPO KERNEL_RELEASE, SOURCE being a
# kernel tree or a linux-source tarball whose version must be the one
# KERNEL_RELEASE starts with. Does nothing if REPO already exists.
set -eu

src=$1
repo=$2
krel=$3

[ -e "$repo/.git/refs/tags/base" ] && exit 0
rm -rf "$repo"
mkdir -p "$repo"
if [ -d "$src" ]; then
	(cd "$src" && tar -cf - --exclude=.git .) | tar -xf - -C "$repo"
else
	tar -xf "$src" -C "$repo" --strip-components=1
fi
[ -f "$repo/Makefile" ] && [ -d "$repo/arch/x86/kvm" ] ||
	{ echo "base-repo: $src is not a kernel source tree" >&2; exit 1; }
cd "$repo"
version=$(MAKEFLAGS= make -s kernelversion)
case "$krel" in
"$version"|"$version"[!0-9]*) ;;
*)	echo "base-repo: $src is Linux $version, the kernel is $krel" >&2
	cd / && rm -rf "$repo"
	exit 1 ;;
esac
git init -q
git config user.name kvm-oot
git config user.email kvm-oot@localhost
git config gc.auto 0
# Debian's top-level .gitignore ignores everything but debian/.
git add -A -f
git commit -q -m "base: $version" --no-verify
git tag base
