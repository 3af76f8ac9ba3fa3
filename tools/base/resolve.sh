#!/bin/sh
# Decide which kernel kvm-oot builds for and write it as make variables.
# Usage: resolve.sh OUT BUILD_DIR BASE BASE_VERSION KDIR KSRC DEPS
# Without KDIR, BASE names a line of tools/base/bases: its newest complete
# package set (or BASE_VERSION) is fetched. With KDIR, KSRC must name its
# source tree or tarball, and the series is the one of its version. Then the compiler that the kernel was built with
# is installed (DEPS: see install-deps.sh). OUT is rewritten only when its
# content changes.
set -eu

out=$1
build=$2
base=$3
want=$4
kdir=$5
ksrc=$6
deps=$7
tools=$(dirname "$0")

if [ -z "$kdir" ]; then
	line=$(awk -v b="$base" '$1 == b' "$tools/bases")
	[ -n "$line" ] || { echo "resolve: no base '$base' in $tools/bases" >&2; exit 1; }
	set -- $line
	host=$(. /etc/os-release && echo "${VERSION_ID:-}")
	if [ "$2" != "$host" ]; then
		echo "resolve: $base is a base of Debian $2 ($3), which builds it with its own" >&2
		echo "resolve: compiler: build it there, or check it from here with make check BASE=$base" >&2
		exit 1
	fi
	suite=$4 source=$5 images=$6 vmlinuz=$7 modules=$8 series=$9
	"$tools/add-suite.sh" "$suite"
	fetched=$("$tools/fetch.sh" "$build/cache" "$suite" "$source" "$images" "$want")
	version=${fetched% *}
	id=${fetched#* }
	root=$(cd "$build/cache/$id/root" && pwd)
	kdir=$root/usr/src/linux-headers-$id-amd64
	ksrc=$root/usr/src/$source.tar.xz
	vmlinuz=$root/$(echo "$vmlinuz" | sed "s/{abi}/$id/g")
	modules=$root/$(echo "$modules" | sed "s/{abi}/$id/g")
else
	[ -n "$ksrc" ] || { echo "resolve: KDIR= needs KSRC= too" >&2; exit 1; }
	kdir=$(cd "$kdir" && pwd)
	ksrc=$(realpath "$ksrc")
	version=custom
	source=$ksrc
	suite=
	vmlinuz=
	modules=
	series=
fi
krel=$(cat "$kdir/include/config/kernel.release")
if [ "$version" = custom ]; then
	id=$krel
	# The series for the kernel's version, e.g. patches/7.3 for 7.3.4.
	series=patches/$(echo "$krel" | cut -d. -f1,2)
	[ -d "$series" ] || { echo "resolve: no series for $krel ($series)" >&2; exit 1; }
fi
"$tools/install-deps.sh" "$deps" "$("$tools/compiler.sh" "$kdir")"

tmp=$out.tmp
cat > "$tmp" <<VARS
BASE_VERSION := $version
BASE_ID := $id
BASE_SERIES := $series
BASE_SOURCE := $source $version $suite
KREL := $krel
BASE_KDIR := $kdir
BASE_KSRC := $ksrc
VMLINUZ := $vmlinuz
IMAGE_MODULES := $modules
VARS
if cmp -s "$tmp" "$out"; then rm "$tmp"; else mv "$tmp" "$out"; fi
