#!/bin/sh
# Install the built modules under /lib/modules/KERNEL_RELEASE/updates, where
# modprobe prefers them to the distribution's, and refresh modules.dep.
# Usage: install-modules.sh MODULE_TREE KERNEL_RELEASE
set -eu

dir=$1/arch/x86/kvm
krel=$2
dest=${INSTALL_MOD_PATH:-}/lib/modules/$krel/updates

running=$(uname -r)
[ "$running" = "$krel" ] ||
	echo "install-modules: note: installing for $krel; the running kernel is $running"
mkdir -p "$dest"
for m in kvm kvm-amd kvm-intel; do
	install -m 0644 "$dir/$m.ko" "$dest/$m.ko"
	echo "installed $dest/$m.ko"
done
root=${INSTALL_MOD_PATH:-/}
if [ -e "$root/lib/modules/$krel/modules.order" ]; then
	depmod -b "$root" -a "$krel"
else
	echo "install-modules: depmod not run: $root/lib/modules/$krel holds no installed kernel"
fi
