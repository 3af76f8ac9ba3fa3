#!/bin/sh
# The vm and intel stages (and the debug stage, on the debug kernel): boot
# the kernel image with the KVM modules and the selftests in the CPU
# configurations of tools/vm/configs that VM_CONFIGS names (vls0 and vls1,
# AMD without and with virtual VMLOAD/VMSAVE, if unset), all at once, and
# print a TAP line per test and configuration as each finishes, and one per
# case that a passing test skipped. A configuration named twice boots twice,
# each boot with every second test. XFAIL lists the failures that come from
# the emulator. A test whose line in TEST_LIST says "retry <reason>" runs
# once more after it fails (tools/vm/init).
# Usage: check.sh STAGE LOGDIR KVM_DIR TEST_LIST XFAIL KERNEL IMAGE_MODULES \
#                 SELFTESTS TIMEOUT [TEST]
# STAGE is the name that the TAP lines give.
# KERNEL is the kernel image, IMAGE_MODULES the directory of its modules.
# KVM_DIR is a directory holding kvm.ko, kvm-amd.ko and kvm-intel.ko, or
# "stock".
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
awk '$2 == "retry" { print $1 }' "$list" > "$logs/retry"
if [ ! -s "$logs/tests" ]; then
	echo "not ok - $stage: no test $only in $list"
	exit 1
fi
[ -n "${VM_ACCEL:-}" ] && [ "$VM_ACCEL" != tcg ] && xfail=/dev/null
for config in ${VM_CONFIGS:-vls0 vls1}; do
	if ! awk -v c="$config" '$1 == c { found = 1 } END { exit !found }' \
	     "$tools/configs"; then
		echo "not ok - $stage: no configuration $config in $tools/configs"
		exit 1
	fi
done

# Each boot's name (its configuration, and ".<n>" where the configuration
# boots more than once), the tests it runs and their initramfs; a boot
# whose share is empty (TEST) is left out.
all=$(echo ${VM_CONFIGS:-vls0 vls1} | tr ' ' '\n' |
	awk '{ c[NR] = $1; n[$1]++; k[NR] = n[$1] }
	     END { for (i = 1; i <= NR; i++) print c[i] (n[c[i]] > 1 ? "." k[i] : "") }')
boots=
for boot in $all; do
	config=${boot%.*}
	share=1
	[ "$config" != "$boot" ] && share=${boot##*.}
	shares=$(echo "$all" | grep -c "^$config\(\.\|$\)")
	awk -v n="$shares" -v k="$share" '(NR - k) % n == 0' "$logs/tests" \
		> "$logs/tests-$boot"
	[ -s "$logs/tests-$boot" ] || continue
	boots="$boots $boot"
	"$tools/initramfs.sh" "$logs/initramfs-$boot.cpio" "$image" "$kvm" \
		"$selftests" "$logs/tests-$boot" "$logs/retry"
done

# Judge the KTAP result lines of BOOT, read from stdin; pass the
# VM's own TAP lines on.
judge() {
	boot=$1
	config=${boot%.*}
	vendor=$(awk -v c="$config" '$1 == c { print $3 }' "$tools/configs")
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
		output=$logs/$boot/$name.out
		why=$(awk -v t="$name" -v c="$config" -v v="$vendor" \
			'$1 == t && ($2 == c || $2 == v || $2 == "any") { $1 = $2 = ""; sub(/^ +/, ""); print; exit }' \
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
			echo "not ok - $stage $config $name # ${comment:-failed}; console: $logs/console-$boot.log"
			"$tools/failure.sh" "$output"
		fi
	done
}

# Every boot at once, each VM on a host CPU of its own if there are enough;
# the first boot's lines as its tests finish, the others' after.
first=$(echo $boots | cut -d' ' -f1)
trap 'kill $(cat "$logs"/pid-* 2>/dev/null) 2>/dev/null || true' EXIT
rm -f "$logs"/pid-*
for boot in $boots; do
	[ "$boot" = "$first" ] && continue
	"$tools/boot.sh" "$stage" "$boot" "$kernel" "$logs/initramfs-$boot.cpio" \
		"$logs/tests-$boot" "$timeout" "$logs" > "$logs/boot-$boot" &
	echo $! > "$logs/pid-$boot"
done
{ "$tools/boot.sh" "$stage" "$first" "$kernel" \
	"$logs/initramfs-$first.cpio" "$logs/tests-$first" "$timeout" "$logs" ||
  echo "not ok - $stage $first: tools/vm/boot.sh exited with $?"; } |
	judge "$first"
for boot in $boots; do
	[ "$boot" = "$first" ] && continue
	wait "$(cat "$logs/pid-$boot")" ||
		echo "not ok - $stage $boot: tools/vm/boot.sh exited with $?"
	rm "$logs/pid-$boot"
	judge "$boot" < "$logs/boot-$boot"
done
rm -f "$logs"/initramfs-*.cpio
