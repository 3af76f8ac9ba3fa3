#!/bin/sh
# Boot KERNEL with INITRAMFS under QEMU, with CPU as the CPU model and
# APPEND as the kernel's command line, and print the serial console.
# VM_ACCEL=kvm runs on real KVM (with the host's CPU) instead of QEMU's
# emulation (TCG).
# TIMEOUT (seconds) ends the VM.
# Usage: qemu.sh CPU KERNEL INITRAMFS APPEND TIMEOUT WORKDIR
set -eu

cpu=$1
kernel=$2
initramfs=$3
append=$4
timeout=$5
accel=${VM_ACCEL:-tcg}

# One host thread runs both vCPUs: with a thread each, a vCPU now and then
# executes an int3 that the other has already patched away (the guest's
# text_poke_bp() for KVM's preempt-notifier static key), and the guest
# panics with "Oops: int3" in __schedule() or finish_task_switch().
[ "$accel" = tcg ] && accel=tcg,thread=single
[ "$accel" = kvm ] && cpu=host

exec timeout -s KILL "$timeout" qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -smp 2 -m 2G \
	-nographic -no-reboot -nic none -kernel "$kernel" -initrd "$initramfs" \
	-append "$append" < /dev/null
