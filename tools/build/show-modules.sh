#!/bin/sh
# Check the built modules' vermagic against the target kernel release and say
# where they are. Usage: show-modules.sh MODULE_TREE KERNEL_RELEASE BASE_VERSION
set -eu

dir=$1/arch/x86/kvm
krel=$2
base=$3

for m in kvm kvm-amd kvm-intel; do
	ko=$dir/$m.ko
	vermagic=$(modinfo -F vermagic "$ko")
	case "$vermagic" in
	"$krel "*) ;;
	*)	echo "show-modules: $ko: vermagic '$vermagic' is not for $krel" >&2
		exit 1 ;;
	esac
	printf '%-10s %s (version %s)\n' "$m.ko" "$ko" \
		"$(modinfo -F version "$ko" || true)"
done
echo "built for $krel, base $base"
