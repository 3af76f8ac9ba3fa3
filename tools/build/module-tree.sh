#!/bin/sh
# Fill a module tree (the M= directory of the out-of-tree build) from a kernel
# git tree: the KVM sources, every header the series changes since the "base"
# tag, and the kvm-oot Kbuild glue. Files whose content did not change keep
# their timestamps, so kbuild rebuilds only what changed.
# Usage: module-tree.sh KERNEL_TREE MODULE_TREE GLUE_DIR
set -eu

tree=$1
out=$2
glue=$3

mkdir -p "$out/arch/x86/include/uapi" "$out/include/uapi"
for d in arch/x86/kvm virt/kvm; do
	mkdir -p "$out/$d"
	rsync -rc --delete --exclude='*.o' --exclude='*.ko' --exclude='.*.cmd' \
		--exclude='*.mod*' --exclude='*.a' --exclude='modules.order' \
		--exclude='kvm-asm-offsets.[hs]' --exclude='Kbuild' \
		"$tree/$d/" "$out/$d/"
done

# Headers the series touches; the rest are the packaged headers already.
(cd "$tree" && git diff --name-only --diff-filter=AMR base HEAD -- \
	'include/*.h' 'arch/x86/include/*.h') > "$out/.headers.new"
touch "$out/.headers"
# kbuild recorded which header each object used; when the set of headers
# shadowing the packaged ones changes, those records are wrong.
if ! cmp -s "$out/.headers" "$out/.headers.new"; then
	find "$out" \( -name '*.o' -o -name '.*.cmd' \) -delete
fi
for h in $(cat "$out/.headers"); do
	grep -qx "$h" "$out/.headers.new" || rm -f "$out/$h"
done
for h in $(cat "$out/.headers.new"); do
	mkdir -p "$out/$(dirname "$h")"
	rsync -c "$tree/$h" "$out/$h"
done
mv "$out/.headers.new" "$out/.headers"

rsync -c "$glue/Kbuild" "$out/Kbuild"
rsync -c "$glue/arch/x86/kvm/Kbuild" "$out/arch/x86/kvm/Kbuild"
