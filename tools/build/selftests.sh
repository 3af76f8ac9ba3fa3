#!/bin/sh
# Build the KVM selftests of a kernel tree, statically linked, with the uapi
# headers of that tree, into OUT (nothing is written into the tree).
# Usage: selftests.sh TREE OUT JOBS
set -eu

tree=$(realpath "$1")
out=$(realpath -m "$2")
jobs=$3

mkdir -p "$out"
make -s -C "$tree" O="$out/kernel" headers >&2
make -s -C "$tree/tools/testing/selftests/kvm" -j"$jobs" \
	EXTRA_CFLAGS=-static OUTPUT="$out/kvm" \
	KHDR_INCLUDES="-isystem $out/kernel/usr/include" >&2
