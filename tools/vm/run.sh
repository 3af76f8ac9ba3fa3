#!/bin/sh
# Boot the kernel with the test initramfs in the CPU configuration CONFIG of
# tools/vm/configs, under its emulator, and copy the KTAP that
# tools/vm/init prints to stdout as it arrives; the whole console goes to
# LOG, the emulator's own files to LOG's name without ".log".
# Usage: run.sh CONFIG KERNEL INITRAMFS LOG TEST_TIMEOUT VM_TIMEOUT
# TEST_TIMEOUT limits each test inside the VM, VM_TIMEOUT the whole VM.
# VM_KERNEL_ARGS are more arguments for the kernel's command line.
set -eu

config=$1
kernel=$2
initramfs=$3
log=$4
timeout=$5
vm_timeout=$6
tools=$(dirname "$0")

set -- $(awk -v c="$config" '$1 == c { print $2, $4 }' "$tools/configs")
if [ $# != 2 ]; then
	echo "not ok - no configuration $config in $tools/configs"
	exit 1
fi
"$tools/$1.sh" "$2" "$kernel" "$initramfs" \
	"console=ttyS0,115200 panic=-1 quiet kvm_oot.timeout=$timeout ${VM_KERNEL_ARGS:-}" \
	"$vm_timeout" "${log%.log}" 2>&1 | sed -u 's/\r//g' | tee "$log" |
	grep --line-buffered -E '^(not )?ok |^KTAP|^1\.\.|^# |^    (not )?ok ' || true
