#!/bin/sh
# Boot the kernel with the test initramfs under QEMU and copy the KTAP that
# tools/vm/init prints to stdout as it arrives; the whole console goes to LOG.
# Usage: run.sh CONFIG KERNEL INITRAMFS LOG TEST_TIMEOUT VM_TIMEOUT
# TEST_TIMEOUT limits each test inside the VM, VM_TIMEOUT the whole VM.
# CONFIG "vls0" hides virtual VMLOAD/VMSAVE from the guest, "vls1" exposes it.
# VM_ACCEL=kvm runs on real KVM instead of QEMU's emulation (TCG);
# VM_KERNEL_ARGS are more arguments for the kernel's command line.
set -eu

config=$1
kernel=$2
initramfs=$3
log=$4
timeout=$5
vm_timeout=$6
accel=${VM_ACCEL:-tcg}

cpu=EPYC,+svm,+npt,+vgif
if [ "$config" = vls1 ]; then
	# TCG emulates virtual VMLOAD/VMSAVE but does not advertise it; force
	# the bit on and drop what EPYC lists that TCG does not emulate.
	cpu=$cpu,+v-vmsave-vmload,-xsavec,-misalignsse,-osvw,-topoext
	cpu=$cpu,-fxsr-opt,-nrip-save,x-force-features=on
fi
# One host thread runs both vCPUs: with a thread each, a vCPU now and then
# executes an int3 that the other has already patched away (the guest's
# text_poke_bp() for KVM's preempt-notifier static key), and the guest
# panics with "Oops: int3" in __schedule() or finish_task_switch().
[ "$accel" = tcg ] && accel=tcg,thread=single
[ "$accel" = kvm ] && cpu=host

timeout -s KILL "$vm_timeout" \
	qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -smp 2 -m 2G \
		-nographic -no-reboot -nic none -kernel "$kernel" -initrd "$initramfs" \
		-append "console=ttyS0 panic=-1 quiet kvm_oot.timeout=$timeout ${VM_KERNEL_ARGS:-}" \
		< /dev/null 2>&1 | tr -d '\r' | tee "$log" |
	grep --line-buffered -E '^(not )?ok |^KTAP|^1\.\.|^# |^    (not )?ok ' || true
