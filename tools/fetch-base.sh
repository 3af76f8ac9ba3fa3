#!/bin/sh
# Download and unpack Debian's 6.12 kernel packages into build/cache/<version>.
# Usage: fetch-base.sh CACHE_DIR [BASE_VERSION]
# Prints the Debian package version it used (e.g. 6.12.117-1~deb12u1);
# the files are in CACHE_DIR/<abiname> (e.g. 6.12.117+deb12).
set -eu

cache=$1
want=${2:-}

# The ABI name of a Debian version: 6.12.117-1~deb12u1 -> 6.12.117+deb12
abiname() {
	echo "$1" | sed -E 's/^([0-9]+\.[0-9]+\.[0-9]+)-.*~deb([0-9]+).*$/\1+deb\2/'
}

packages() {
	abi=$(abiname "$1")
	echo linux-source-6.12 \
	     "linux-headers-$abi-amd64" "linux-headers-$abi-common" \
	     "linux-kbuild-$abi" "linux-image-$abi-amd64-unsigned"
}

complete() {
	for p in $(packages "$1"); do
		apt-cache madison "$p" | grep -q " $1 " || return 1
	done
}

if [ -z "$want" ]; then
	for v in $(apt-cache madison linux-source-6.12 | awk '{print $3}' | sort -rV); do
		if complete "$v"; then
			want=$v
			break
		fi
	done
	[ -n "$want" ] || { echo "fetch-base: no complete 6.12 package set in apt" >&2; exit 1; }
elif ! complete "$want"; then
	echo "fetch-base: BASE_VERSION=$want: not every package exists: $(packages "$want")" >&2
	exit 1
fi

abi=$(abiname "$want")
dir=$cache/$abi
if [ ! -e "$dir/.unpacked" ]; then
	rm -rf "$dir"
	mkdir -p "$dir/debs" "$dir/root"
	for p in $(packages "$want"); do
		(cd "$dir/debs" && apt-get download -q "$p=$want" >&2)
	done
	for d in "$dir"/debs/*.deb; do
		dpkg-deb -x "$d" "$dir/root"
	done
	# The -amd64 headers include the -common tree by its installed path.
	src=$(cd "$dir/root/usr/src" && pwd)
	sed -i "s|^include /usr/src/|include $src/|" \
		"$src/linux-headers-$abi-amd64/Makefile"
	touch "$dir/.unpacked"
fi
echo "$want"
