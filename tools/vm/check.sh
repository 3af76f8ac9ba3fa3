#!/bin/sh
# The vm stage (and the debug stage, on the debug kernel): boot the kernel
# image with the KVM modules and the selftests in two CPU configurations
# (vls0: no virtual VMLOAD/VMSAVE, vls1: with it) and print a TAP line per
# test and configuration as each finishes, and one per case that a passing
# test skipped. XFAIL lists the failures that come from the emulator.
# Usage: check.sh STAGE LOGDIR KVM_DIR TEST_LIST XFAIL KERNEL IMAGE_MODULES \
#                 SELFTESTS TIMEOUT [TEST]
# STAGE is the name that the TAP lines give.
# KERNEL is the kernel image, IMAGE_MODULES the directory of its modules.
# KVM_DIR is a directory holding kvm.ko and kvm-amd.ko, or "stock".
# TEST runs only that test of the list.
set -eu

stage=$1
logs=$(realpath -m "$2")
kvm=$3
list=$4
xfail=$5
kernel=$6
image=$7
selftests=$8
timeout=$9
only=${10:-}
tools=$(dirname "$0")

mkdir -p "$logs"
"$tools/select-tests.sh" "$list" "$only" > "$logs/tests"
if [ ! -s "$logs/tests" ]; then
	echo "not ok - $stage: no test $only in $list"
	exit 1
fi
"$tools/initramfs.sh" "$logs/initramfs.cpio" "$image" "$kvm" \
	"$selftests" "$logs/tests"
[ -n "${VM_ACCEL:-}" ] && [ "$VM_ACCEL" != tcg ] && xfail=/dev/null

# Judge the KTAP result lines of CONFIG's boot, read from stdin; pass the
# VM's own TAP lines on.
judge() {
	config=$1
	while IFS= read -r line; do
		case "$line" in
		"ok "[0-9]*|"not ok "[0-9]*) ;;
		*)	echo "$line"
			continue ;;
		esac
		result=${line%% *}
		[ "$result" = not ] && result="not ok"
		rest=${line#"$result "}
		name=$(echo "$rest" | awk '{ print $2 }')
		comment=$(echo "$rest" | sed -n 's/^[0-9]* [^ ]* # //p')
		output=$logs/$config/$name.out
		why=$(awk -v t="$name" -v c="$config" \
			'$1 == t && ($2 == c || $2 == "any") { $1 = $2 = ""; sub(/^ +/, ""); print; exit }' \
			"$xfail")
		if [ -n "$why" ] && [ "$result" = ok ]; then
			echo "not ok - $stage $config $name # XPASS: passes, but the xfail list expects a failure ($why)"
		elif [ -n "$why" ]; then
			echo "ok - $stage $config $name # XFAIL $why"
		elif [ "$result" = ok ]; then
			echo "ok - $stage $config $name${comment:+ # $comment}"
			# A skipped case of a passing test: report it on its own.
			grep '^    ok .* # SKIP ' "$output" | while IFS= read -r skip; do
				echo "ok - $stage $config $name: $(echo "$skip" | awk '{ print $3 }') # SKIP ${skip#* # SKIP }"
			done
		else
			echo "not ok - $stage $config $name # ${comment:-failed}; console: $logs/console-$config.log"
			"$tools/failure.sh" "$output"
		fi
	done
}

# Both configurations at once, each VM on a host CPU of its own; vls0's
# lines as its tests finish, vls1's after.
"$tools/boot.sh" "$stage" vls1 "$kernel" "$logs/initramfs.cpio" \
	"$logs/tests" "$timeout" "$logs" > "$logs/boot-vls1" &
vls1=$!
"$tools/boot.sh" "$stage" vls0 "$kernel" "$logs/initramfs.cpio" \
	"$logs/tests" "$timeout" "$logs" | judge vls0
wait $vls1 || echo "not ok - $stage vls1: tools/vm/boot.sh exited with $?"
judge vls1 < "$logs/boot-vls1"
