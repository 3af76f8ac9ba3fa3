#!/bin/sh
# Download and unpack Debian's 6.12 kernel packages into build/cache/<abiname>.
# Usage: fetch.sh CACHE_DIR [BASE_VERSION]
# Prints the Debian package version it used and its ABI name, e.g.
# "6.12.117-1~deb12u1 6.12.117+deb12"; the files are in CACHE_DIR/<abiname>.
set -eu

cache=$1
want=${2:-}

# "<version> <ABI name>" of every 6.12 -amd64 headers package apt has, e.g.
# "6.12.117-1~deb12u1 6.12.117+deb12" or "6.12.57-1 6.12.57+deb13".
abinames=$(apt-cache madison $(apt-cache search --names-only \
		'^linux-headers-6\.12\.[0-9]+\+[a-z0-9]+-amd64$' | awk '{ print $1 }') |
	awk -F'|' '{ gsub(/ /, ""); sub(/^linux-headers-/, "", $1);
		     sub(/-amd64$/, "", $1); print $2, $1 }')

abiname() {
	echo "$abinames" | awk -v v="$1" '$1 == v { print $2; exit }'
}

packages() {
	abi=$(abiname "$1")
	[ -n "$abi" ] || abi=none
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
elif [ -z "$(abiname "$want")" ]; then
	echo "fetch-base: BASE_VERSION=$want: apt has no 6.12 headers package in that version" >&2
	exit 1
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
echo "$want $abi"
