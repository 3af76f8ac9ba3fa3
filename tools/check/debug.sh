#!/bin/sh
# The debug stage: build the series' modules against the debug kernel
# (tools/vm/debug-kernel.sh: KASAN, UBSAN, KFENCE, lockdep) and run the VM
# test list on it in both CPU configurations, as the vm stage does on
# Debian's kernel. tools/vm/init fails the test that was running when the
# kernel reports anything, and the modules' load when lockdep is already off.
# Tests that the list marks "nodebug" are left out, each with a SKIP line.
# Usage: debug.sh LOGDIR SERIES_TREE BASE_REPO CACHE CC JOBS VM_DATA \
#                 SELFTESTS TIMEOUT [TEST]
# SERIES_TREE is the base's git tree with the series applied, BASE_REPO the
# base's (tag "base"), CACHE the directory that keeps debug kernels, CC the
# base's compiler, VM_DATA the series' tools/vm directory.
set -eu

logs=$(realpath -m "$1")
tree=$2
repo=$3
cache=$4
cc=$5
jobs=$6
vm_data=$7
selftests=$8
timeout=$9
only=${10:-}
tools=$(dirname "$0")/..

mkdir -p "$logs"
awk '$2 != "nodebug"' "$vm_data/tests" > "$logs/tests"
"$tools/vm/select-tests.sh" "$vm_data/tests" "$only" > "$logs/selected"
awk 'NR == FNR { run[$1]; next } $2 == "nodebug" && $1 in run {
	$2 = "# SKIP not in the debug stage:"; print "ok - debug " $0 }' \
	"$logs/selected" "$vm_data/tests" > "$logs/left-out"
cat "$logs/left-out"
# T= names a test that the stage leaves out.
[ -n "$only" ] && [ -s "$logs/left-out" ] && exit 0

start=$(date +%s)
if ! kernel=$("$tools/vm/debug-kernel.sh" "$repo" "$cache" "$cc" "$jobs" \
		2> "$logs/kernel.log"); then
	tail -n 20 "$logs/kernel.log" | sed 's/^/# /'
	echo "not ok - debug: the debug kernel did not build; log: $logs/kernel.log"
	exit 1
fi
echo "# debug: kernel $kernel ($(tail -n 1 "$logs/kernel.log" | sed 's/^debug-kernel: //'), $(($(date +%s) - start)) s)"
if grep -q '^debug-kernel: waiting' "$logs/kernel.log"; then
	echo "# debug: waited $(($(date +%s) - start)) s for the kernel's build in the background"
fi

start=$(date +%s)
mod=$logs/modules
"$tools/build/module-tree.sh" "$tree" "$mod" .
if ! make -C "$kernel/src" M="$mod" -j"$jobs" CC="$cc" HOSTCC="$cc" modules \
		> "$logs/modules.log" 2>&1; then
	tail -n 20 "$logs/modules.log" | sed 's/^/# /'
	echo "not ok - debug: the series' modules did not build against the debug kernel; log: $logs/modules.log"
	exit 1
fi
echo "# debug: modules built against it, $(($(date +%s) - start)) s"

# Print every KASAN report, not only the first of the boot.
VM_KERNEL_ARGS=kasan_multi_shot "$tools/vm/check.sh" debug "$logs/vm" \
	"$mod/arch/x86/kvm" "$logs/tests" "$vm_data/xfail" \
	"$kernel/bzImage" \
	"$(echo "$kernel"/modules/lib/modules/*)" "$selftests" "$timeout" \
	${only:+"$only"}
