#!/bin/sh
# Make REPO, a git repository of an unpatched kernel tree whose one commit
# is tagged "base". Its objects live in STORE/<Linux version>.git, which
# the bases of that version share (Debian 12's and 13's 6.12 sources are
# one tree, stored once), and its checkout holds what the checks read
# (tools/build/sparse-checkout.sh with SERIES_DIR). SOURCE is a kernel
# tree or a linux-source tarball whose version must be the one
# KERNEL_RELEASE starts with. Does nothing if REPO already exists.
# Usage: repo.sh SOURCE REPO KERNEL_RELEASE STORE SERIES_DIR
set -eu

src=$1
repo=$(realpath -m "$2")
krel=$3
stores=$(realpath -m "$4")
series=$5

[ -e "$repo/.git/refs/tags/base" ] && exit 0
import=$repo.import
rm -rf "$repo" "$import" "$import.index"
mkdir -p "$import"
echo "repo: unpacking $src" >&2
if [ -d "$src" ]; then
	(cd "$src" && tar -cf - --exclude=.git .) | tar -xf - -C "$import"
else
	tar -xf "$src" -C "$import" --strip-components=1
fi
[ -f "$import/Makefile" ] && [ -d "$import/arch/x86/kvm" ] ||
	{ echo "base-repo: $src is not a kernel source tree" >&2; exit 1; }
version=$(cd "$import" && MAKEFLAGS= make -s kernelversion)
case "$krel" in
"$version"|"$version"[!0-9]*) ;;
*)	echo "base-repo: $src is Linux $version, the kernel is $krel" >&2
	rm -rf "$import"
	exit 1 ;;
esac

store=$stores/$version.git
[ -d "$store" ] || git init -q --bare "$store"
git -C "$store" config gc.auto 0
echo "repo: adding it to $store" >&2
# Debian's top-level .gitignore ignores everything but debian/.
commit=$(export GIT_DIR="$store" GIT_WORK_TREE="$import" \
		GIT_INDEX_FILE="$import.index" \
		GIT_AUTHOR_NAME=kvm-oot GIT_AUTHOR_EMAIL=kvm-oot@localhost \
		GIT_COMMITTER_NAME=kvm-oot GIT_COMMITTER_EMAIL=kvm-oot@localhost
	git add -A -f
	git commit-tree -m "base: $version" "$(git write-tree)")
# The store keeps each base's commit, so that git gc would not drop it.
git -C "$store" update-ref "refs/tags/$(basename "$(dirname "$repo")")" "$commit"
rm -rf "$import" "$import.index"

git init -q -b master "$repo"
echo "$store/objects" > "$repo/.git/objects/info/alternates"
git -C "$repo" config user.name kvm-oot
git -C "$repo" config user.email kvm-oot@localhost
git -C "$repo" config gc.auto 0
git -C "$repo" update-ref refs/heads/master "$commit"
"$(dirname "$0")/../build/sparse-checkout.sh" "$repo" "$series"
git -C "$repo" reset -q --hard
git -C "$repo" tag base "$commit"
