#!/bin/sh
# Download and unpack a base's Debian packages into CACHE_DIR/<abiname>/root
# (the .deb files are removed once unpacked).
# Usage: fetch.sh CACHE_DIR SUITE SOURCE IMAGE_PACKAGES [VERSION]
# SOURCE is e.g. linux-source-6.12, IMAGE_PACKAGES a comma-separated list
# in which {abi} stands for the ABI name. Without VERSION, the newest
# version in SUITE for which every package exists is taken.
# Prints the Debian package version it used and its ABI name, e.g.
# "6.12.117-1~deb12u1 6.12.117+deb12"; the files are in CACHE_DIR/<abiname>.
set -eu

cache=$1
suite=$2
source=$3
images=$(echo "$4" | tr , ' ')
want=${5:-}
series=${source#linux-source-}

# "<version> <ABI name>" of every -amd64 headers package of the series, e.g.
# "6.12.117-1~deb12u1 6.12.117+deb12" or "6.12.57-1 6.12.57+deb13".
abinames=$(apt-cache madison $(apt-cache search --names-only \
		"^linux-headers-$(echo "$series" | sed 's/\./\\./')\.[0-9]+\+[a-z0-9]+-amd64\$" |
		awk '{ print $1 }') |
	awk -F'|' '{ gsub(/ /, ""); sub(/^linux-headers-/, "", $1);
		     sub(/-amd64$/, "", $1); print $2, $1 }')

abiname() {
	echo "$abinames" | awk -v v="$1" '$1 == v { print $2; exit }'
}

packages() {
	abi=$(abiname "$1")
	[ -n "$abi" ] || abi=none
	echo "$source" "linux-headers-$abi-amd64" "linux-headers-$abi-common" \
	     "linux-kbuild-$abi" $(echo "$images" | sed "s/{abi}/$abi/g")
}

complete() {
	for p in $(packages "$1"); do
		apt-cache madison "$p" | grep -q " $1 " || return 1
	done
}

if [ -z "$want" ]; then
	for v in $(apt-cache madison "$source" | grep " $suite/" |
			awk '{ print $3 }' | sort -rV); do
		if complete "$v"; then
			want=$v
			break
		fi
	done
	[ -n "$want" ] || { echo "fetch: no complete $series package set in $suite" >&2; exit 1; }
elif [ -z "$(abiname "$want")" ]; then
	echo "fetch: BASE_VERSION=$want: apt has no $series headers package in that version" >&2
	exit 1
elif ! complete "$want"; then
	echo "fetch: BASE_VERSION=$want: not every package exists: $(packages "$want")" >&2
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
	# Unpacked, they are not read again.
	rm -rf "$dir/debs"
	# The -amd64 headers include the -common tree by its installed path,
	# and since 7.x name their own by it too.
	src=$(cd "$dir/root/usr/src" && pwd)
	sed -i -e "s|^include /usr/src/|include $src/|" \
		-e "s|^KBUILD_OUTPUT=/usr/src/|KBUILD_OUTPUT=$src/|" \
		"$src/linux-headers-$abi-amd64/Makefile"
	touch "$dir/.unpacked"
fi
# Debian's 7.x headers lack scripts/checker-valid.sh, which their kbuild
# runs for C=1 and, without it, builds without sparse. Take the source's.
common=$dir/root/usr/src/linux-headers-$abi-common
if grep -q checker-valid.sh "$common/Makefile" &&
   [ ! -e "$common/scripts/checker-valid.sh" ]; then
	tar -xJOf "$dir/root/usr/src/$source.tar.xz" \
		"$source/scripts/checker-valid.sh" > "$common/scripts/checker-valid.new"
	chmod +x "$common/scripts/checker-valid.new"
	mv "$common/scripts/checker-valid.new" "$common/scripts/checker-valid.sh"
fi
echo "$want $abi"
