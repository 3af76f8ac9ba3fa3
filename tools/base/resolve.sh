#!/bin/sh
# Decide which kernel kvm-oot builds for and write it as make variables.
# Usage: resolve.sh OUT BUILD_DIR BASE_VERSION KDIR KSRC
# With KDIR empty, Debian's newest complete 6.12 package set is used (or
# BASE_VERSION); with KDIR set, KSRC must name its source tree or tarball.
# OUT is rewritten only when its content changes.
set -eu

out=$1
build=$2
want=$3
kdir=$4
ksrc=$5

if [ -z "$kdir" ]; then
	fetched=$("$(dirname "$0")/fetch.sh" "$build/cache" "$want")
	version=${fetched% *}
	id=${fetched#* }
	root=$(cd "$build/cache/$id/root" && pwd)
	kdir=$root/usr/src/linux-headers-$id-amd64
	ksrc=$root/usr/src/linux-source-6.12.tar.xz
	image=$root
else
	[ -n "$ksrc" ] || { echo "resolve-base: KDIR= needs KSRC= too" >&2; exit 1; }
	kdir=$(cd "$kdir" && pwd)
	ksrc=$(realpath "$ksrc")
	version=custom
	image=
fi
krel=$(cat "$kdir/include/config/kernel.release")
[ "$version" = custom ] && id=$krel

tmp=$out.tmp
cat > "$tmp" <<VARS
BASE_VERSION := $version
BASE_ID := $id
KREL := $krel
BASE_KDIR := $kdir
BASE_KSRC := $ksrc
IMAGE_ROOT := $image
VARS
if cmp -s "$tmp" "$out"; then rm "$tmp"; else mv "$tmp" "$out"; fi
