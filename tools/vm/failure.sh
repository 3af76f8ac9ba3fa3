#!/bin/sh
# Print what a failed selftest's output shows of the failure, as TAP
# comments: the kernel's messages first (a splat explains more than the
# test), then the failed cases and assertions, then the end of the output.
# Usage: failure.sh OUTPUT, a test's output as tools/vm/boot.sh keeps it.
set -eu

{ grep '^# dmesg: ' "$1" | head -n 30
  grep -E '^# (not ok |.*:Expected )' "$1" | head -n 20
  grep -v '^# dmesg: ' "$1" | tail -n 25; } |
	awk '!seen[$0]++' | sed 's/^# /#   /'
