#!/bin/sh
# Print the URI of the first apt source (deb822 or one-line format) that
# has SUITE, e.g. http://deb.debian.org/debian for bookworm; nothing if none.
# Usage: mirror.sh SUITE
set -eu

awk -v s="$1" '/^URIs:/ { u = $2 } /^Suites:/ { for (i = 2; i <= NF; i++)
	if ($i == s) { print u; exit } }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true
awk -v s="$1" '$1 == "deb" { i = 2
	if ($i ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ }
	if ($(i + 1) == s) { print $i; exit } }' /etc/apt/sources.list 2>/dev/null || true
