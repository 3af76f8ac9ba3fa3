#!/bin/sh
# Pack the test VM's initramfs: busybox, tools/vm/init, the KVM modules and
# the selftests named in TEST_LIST. kvm.ko, kvm-amd.ko and kvm-intel.ko come
# from KVM_DIR (a directory of .ko files) or, with KVM_DIR "stock", from the
# kernel image's modules in IMAGE_MODULES, like their dependencies irqbypass
# and ccp. RETRY names the tests (paths as in TEST_LIST, a line each) that
# tools/vm/init runs once more after a failure.
# Usage: initramfs.sh OUT IMAGE_MODULES KVM_DIR SELFTESTS TEST_LIST [RETRY]
set -eu

out=$1
image=$2/kernel
kvm=$3
selftests=$4
list=$5
retry=${6:-/dev/null}

stage=$out.d
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/modules" "$stage/tests" "$stage/proc" \
	"$stage/sys" "$stage/dev" "$stage/tmp"
cp /bin/busybox "$stage/bin/busybox"
ln -s busybox "$stage/bin/sh"
cp "$(dirname "$0")/init" "$stage/init"

xz -dc "$image/virt/lib/irqbypass.ko.xz" > "$stage/modules/irqbypass.ko"
xz -dc "$image/drivers/crypto/ccp/ccp.ko.xz" > "$stage/modules/ccp.ko"
for m in kvm kvm-amd kvm-intel; do
	if [ "$kvm" = stock ]; then
		xz -dc "$image/arch/x86/kvm/$m.ko.xz" > "$stage/modules/$m.ko"
	else
		cp "$kvm/$m.ko" "$stage/modules/$m.ko"
	fi
done

: > "$stage/tests/list"
for t in $(grep -vE '^(#|$)' "$list" | awk '{ print $1 }'); do
	cp "$selftests/$t" "$stage/tests/$(basename "$t")"
	basename "$t" >> "$stage/tests/list"
done
grep -vE '^(#|$)' "$retry" | while read -r t; do basename "$t"; done > "$stage/tests/retry"

(cd "$stage" && find . | cpio -o -H newc --quiet) > "$out"
rm -rf "$stage"
