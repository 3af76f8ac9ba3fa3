#!/bin/sh
# Print, for a CI job that checks base NAME, the key of each cache it may
# keep between runs, as NAME=KEY lines (the form of GitHub Actions'
# $GITHUB_OUTPUT): a checksum of what decides the cache's content, so that
# a job restores only a cache that it can use.
#   packages      build/cache: the base's Debian packages, unpacked
#   debug_kernel  CACHE/debug-kernel: the debug stage's kernels
#   roots         CACHE/roots: the Debian roots of the releases that are
#                 not the host's (for a base of another release)
# The newest package versions are not in the keys (apt knows them only
# once the job runs): each directory is keyed by version inside, and a
# newer version replaces an older one.
# Usage: cache-keys.sh NAME
set -eu

name=$1
tools=$(dirname "$0")/..
line=$(awk -v b="$name" '$1 == b' "$tools/base/bases")
[ -n "$line" ] || { echo "cache-keys: no base $name in $tools/base/bases" >&2; exit 1; }
host=$(. /etc/os-release && echo "${VERSION_ID:-}")
release=$(echo "$line" | awk '{ print $2 }')
codename=$(echo "$line" | awk '{ print $3 }')
series=$(echo "$line" | awk '{ print $NF }')

sum() {
	cat "$@" | sha256sum | cut -c1-16
}

echo "packages=kvm-oot-packages-$name-$(echo "$line" | cat - "$tools/base/fetch.sh" | sum)"
echo "debug_kernel=kvm-oot-debug-kernel-$(basename "$series")-$(sum \
	"$tools/vm/debug-kernel.config" "$tools/vm/debug-kernel.sh" \
	"$tools/build/extmod-tree.sh")"
[ "$release" = "$host" ] ||
	echo "roots=kvm-oot-roots-$codename-$(sum "$tools/base/root.sh")"
