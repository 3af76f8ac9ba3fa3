#!/bin/sh
# Print the Debian package of the C compiler a kernel was built with, as its
# headers name it: Debian's headers say CC = ...gcc-14 in .kernelvariables,
# any configured tree says it in CONFIG_CC_VERSION_TEXT.
# Usage: compiler.sh KDIR
set -eu

kdir=$1

if [ -f "$kdir/.kernelvariables" ]; then
	cc=$(sed -n 's/^CC = .*)\([^ )]*\)$/\1/p' "$kdir/.kernelvariables")
else
	cc=$(sed -n 's/^CONFIG_CC_VERSION_TEXT="\([^ ]*\) .*/\1/p' \
		"$kdir/include/config/auto.conf")
fi
case $cc in
*gcc*)	echo "${cc#"$(uname -m)-linux-gnu-"}" ;;
"")	echo "compiler: $kdir names no compiler" >&2
	exit 1 ;;
*)	echo "compiler: $kdir was built with $cc, which kvm-oot does not install" >&2
	exit 1 ;;
esac
