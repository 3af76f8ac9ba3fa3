#!/bin/sh
# The uapi stage: build every tools/check/uapi/*_abi.c against the series' uapi
# headers and run it (each prints a TAP line per number, size and offset it
# checks against mainline and against the base's struct kvm_run), then check
# that the series defines none of the numbers in tools/check/uapi/reserved
# that the base does not define itself.
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

# The names that HEADER defines as VALUE in the headers of directory DIR.
# Usage: defined DIR HEADER NAME_PATTERN VALUE
defined() {
	echo "#include <$2>" | gcc -dM -E -isystem "$1" - |
		awk -v n="^$3\$" -v v="$4" '$1 == "#define" && $2 ~ n && $3 == v { print $2 }'
}

grep -vE '^(#|$)' tools/check/uapi/reserved | while read -r header name value; do
	taken=$(defined "$headers" "$header" "$name" "$value")
	own=$(defined "$logs/base-headers/usr/include" "$header" "$name" "$value")
	if [ -z "$taken" ]; then
		echo "ok - uapi: $header leaves $name $value undefined"
	elif [ "$taken" = "$own" ]; then
		echo "ok - uapi: $header defines $taken as $value, as the base itself does"
	else
		echo "not ok - uapi: $header defines $taken as $value, which mainline gives another feature"
	fi
done
exit "$status"
