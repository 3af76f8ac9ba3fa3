#!/bin/sh
# Build the debug stage's kernel from the base's own source: x86_64_defconfig
# plus tools/vm/debug-kernel.config, in CACHE/debug-kernel/<key>, where the
# key is the source's version and tree, the config's checksum and the
# compiler. A kernel already built under that key is reused; a changed base,
# config or compiler builds a new one, and the kernels of the same Linux
# version under other keys are removed. Prints the directory: DIR/bzImage
# is the kernel, DIR/src what out-of-tree builds against it read (their
# KDIR; tools/build/extmod-tree.sh), DIR/modules the directory of its
# installed modules.
# Usage: debug-kernel.sh BASE_REPO CACHE CC JOBS
set -eu

repo=$1
cache=$2
cc=$3
jobs=$4
config=$(realpath "$(dirname "$0")/debug-kernel.config")

version=$(git -C "$repo" show base:Makefile |
	awk '$1 ~ /^(VERSION|PATCHLEVEL|SUBLEVEL)$/ { v = v (v ? "." : "") $3 }
	     END { print v }')
key=$version-$(git -C "$repo" rev-parse --short=12 'base^{tree}')
key=$key-$(sha256sum < "$config" | cut -c1-12)-$cc
dir=$cache/debug-kernel/$key
mkdir -p "$cache/debug-kernel"

cached() {
	[ -e "$dir/built" ] && [ -e "$dir/bzImage" ] || return 1
	echo "debug-kernel: cached, built $(date -r "$dir/built" '+%F %T')" >&2
	echo "$dir"
}
cached && exit 0
# One build at a time; a run that waited here finds the kernel built.
exec 9> "$dir.lock"
flock -n 9 || {
	echo "debug-kernel: waiting for the build that holds $dir.lock" >&2
	flock 9
}
cached && exit 0

echo "debug-kernel: building $dir" >&2
rm -rf "$dir"
mkdir -p "$dir/src"
git -C "$repo" archive base | tar -x -C "$dir/src"
# DEBUG= keeps make check's DEBUG=1 from tools/'s Makefiles (-O0).
kmake() {
	make -C "$dir/src" -j"$jobs" CC="$cc" HOSTCC="$cc" DEBUG= "$@" >&2
}
kmake x86_64_defconfig
(cd "$dir/src" && scripts/kconfig/merge_config.sh -m .config "$config") >&2
kmake olddefconfig

# Each option as the config sets it, or not set at all.
grep -E '^(CONFIG_|# CONFIG_.* is not set$)' "$config" | while IFS= read -r line; do
	case $line in
	"# "*)	option=${line#"# "}
		option=${option%" is not set"}
		! grep -q "^$option=" "$dir/src/.config" ;;
	*)	grep -qFx "$line" "$dir/src/.config" ;;
	esac || { echo "debug-kernel: olddefconfig did not keep '$line'" >&2; exit 1; }
done

kmake bzImage modules
kmake INSTALL_MOD_PATH="$dir/modules" modules_install
cp "$dir/src/arch/x86/boot/bzImage" "$dir/bzImage"
"$(dirname "$0")/../build/extmod-tree.sh" "$dir/src" "$cc"
touch "$dir/built"
# Another run may be building one: leave a kernel whose lock is held.
for old in "$cache/debug-kernel/$version"-*.lock; do
	[ -e "$old" ] && [ "$old" != "$dir.lock" ] || continue
	(flock -n 8 && rm -rf "${old%.lock}" "$old") 8< "$old" || true
done
echo "debug-kernel: built" >&2
echo "$dir"
