#!/bin/sh
# Print what a failed selftest's output shows of the failure, as TAP
# comments: the kernel's messages first (a splat explains more than the
# test; for a test that timed out, those before init's backtraces), then
# the failed cases and assertions, then the end of the output; for a test
# that timed out, then what it was doing (init's "timeout:" dump, whole).
# Usage: failure.sh OUTPUT, a test's output as tools/vm/boot.sh keeps it.
set -eu

{ { grep '^# dmesg: ' "$1" | sed '/kvm-oot: .* timed out$/q' | head -n 30
    grep -E '^# (not ok |.*:Expected )' "$1" | head -n 20
    grep -v '^# dmesg: ' "$1" | sed '/^# timeout: what /,$d' | tail -n 25; } |
	awk '!seen[$0]++'
  grep -v '^# dmesg: ' "$1" | sed -n '/^# timeout: what /,$p' | head -n 60; } |
	sed 's/^# /#   /'
