#!/bin/sh
# make install without BASE=: stop unless the base resolved in MK (a
# build/<base>.mk) is the running kernel RUNNING, saying what to do.
# Usage: install-check.sh MK RUNNING
set -eu

mk=$1
running=$2
krel=$(sed -n 's/^KREL := //p' "$mk")
[ "$krel" = "$running" ] && exit 0
base=$(basename "$mk" .mk)
echo "make install: apt's base $base is $krel, the running kernel $running: boot $krel and run it again, or build for the running kernel: make install KDIR=/lib/modules/$running/build KSRC=/usr/src/linux-source-$(echo "$running" | cut -d. -f1,2).tar.xz (Documentation/install.md)" >&2
exit 1
