#!/bin/sh
# The uapi stage: build every tools/check/uapi/*_abi.c against the series' uapi
# headers and run it (each prints a TAP line per number, size and offset it
# checks against mainline and against the base's struct kvm_run), then check
# that the numbers in tools/check/uapi/reserved stay undefined.
# Usage: uapi.sh BASE_TREE SERIES_HEADERS LOGDIR
set -eu

base=$1
headers=$2
logs=$(realpath -m "$3")

mkdir -p "$logs"
if [ ! -e "$logs/base-headers/usr/include/linux/kvm.h" ]; then
	make -s -C "$base" O="$logs/base-headers" headers >&2
fi
gcc -Wall -o "$logs/kvm_run_layout" -isystem "$logs/base-headers/usr/include" \
	tools/check/uapi/kvm_run_layout.c
layout=$("$logs/kvm_run_layout")

# A test that fails prints its own 'not ok' lines; the exit status tells a
# test that crashed before it could.
status=0
for src in tools/check/uapi/*_abi.c; do
	[ -e "$src" ] || continue
	bin=$logs/$(basename "$src" .c)
	# shellcheck disable=SC2086 # $layout is a list of -D options
	if gcc -Wall -Werror -o "$bin" -isystem "$headers" $layout "$src" >&2; then
		"$bin" || status=1
	else
		echo "not ok - uapi: $src does not build against the series' headers # see the log"
	fi
done

grep -vE '^(#|$)' tools/check/uapi/reserved | while read -r header name value; do
	taken=$(echo "#include <$header>" | gcc -dM -E -isystem "$headers" - |
		awk -v n="^$name\$" -v v="$value" '$1 == "#define" && $2 ~ n && $3 == v { print $2 }')
	if [ -n "$taken" ]; then
		echo "not ok - uapi: $header defines $taken as $value, which mainline gives another feature"
	else
		echo "ok - uapi: $header leaves $name $value undefined"
	fi
done
exit "$status"
