#!/bin/sh
# Build the KVM selftests of a kernel tree, statically linked, with the uapi
# headers of that tree, and link OUT to them. They are built once for each
# content of the tree, in STORE/<git tree id>, and shared by every base
# whose tree has that content (nothing is written into the tree). Builds
# that no base's OUT (STORE/../*/selftests) links to any more are removed.
# Usage: selftests.sh TREE STORE OUT JOBS
set -eu

tree=$(realpath "$1")
store=$(realpath -m "$2")
out=$3
jobs=$4

dir=$store/$(git -C "$tree" rev-parse 'HEAD^{tree}')
if [ ! -e "$dir/.built" ]; then
	rm -rf "$dir"
	mkdir -p "$dir"
	echo "selftests: building them in $dir" >&2
	# Say how far the build is every 30 s.
	while sleep 30; do
		kill -0 $$ 2>/dev/null || exit 0
		echo "selftests: $(find "$dir" -name '*.o' | wc -l) objects built" >&2
	done &
	ticker=$!
	trap 'kill $ticker 2>/dev/null || true' EXIT
	make -s -C "$tree" O="$dir/kernel" headers >&2
	make -s -C "$tree/tools/testing/selftests/kvm" -j"$jobs" \
		EXTRA_CFLAGS=-static OUTPUT="$dir/kvm" \
		KHDR_INCLUDES="-isystem $dir/kernel/usr/include" >&2
	touch "$dir/.built"
	echo "selftests: built" >&2
fi
if [ -L "$out" ]; then rm "$out"; else rm -rf "$out"; fi
ln -s "$dir" "$out"
for old in "$store"/*; do
	[ -d "$old" ] || continue
	used=no
	for link in "$store"/../*/selftests; do
		[ "$(realpath -m "$link")" = "$old" ] && used=yes
	done
	[ "$used" = yes ] || rm -rf "$old"
done
