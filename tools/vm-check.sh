#!/bin/sh
# The VM stage: boot the kernel image with the KVM modules and the selftests
# in two CPU configurations (vls0: no virtual VMLOAD/VMSAVE, vls1: with it)
# and print a TAP line per test and configuration as each finishes, and one
# per case that a passing test skipped.
# Usage: vm-check.sh LOGDIR IMAGE_ROOT KERNEL_RELEASE KVM_DIR SELFTESTS \
#                    TEST_LIST XFAIL TIMEOUT [TEST]
# KVM_DIR is a directory holding kvm.ko and kvm-amd.ko, or "stock".
# TEST runs only that test of the list.
set -eu

logs=$(realpath -m "$1")
image=$2
krel=$3
kvm=$4
selftests=$5
list=$6
xfail=$7
timeout=$8
only=${9:-}
tools=$(dirname "$0")

mkdir -p "$logs"
grep -vE '^(#|$)' "$list" > "$logs/tests"
if [ -n "$only" ]; then
	awk -v t="$only" '$1 == t || $1 ~ "/" t "$"' "$logs/tests" > "$logs/tests.only"
	if [ ! -s "$logs/tests.only" ]; then
		echo "not ok - vm: no test $only in $list"
		exit 1
	fi
	mv "$logs/tests.only" "$logs/tests"
fi
"$tools/vm-initramfs.sh" "$logs/initramfs.cpio" "$image" "$krel" "$kvm" \
	"$selftests" "$logs/tests"
[ -n "${VM_ACCEL:-}" ] && [ "$VM_ACCEL" != tcg ] && xfail=/dev/null

for config in vls0 vls1; do
	start=$(date +%s)
	log=$logs/console-$config.log
	: > "$logs/results-$config"
	: > "$logs/output"
	: > "$logs/skips"
	"$tools/vm-run.sh" "$config" "$image/boot/vmlinuz-$krel" \
		"$logs/initramfs.cpio" "$log" "$timeout" \
		$((60 + $(wc -l < "$logs/tests") * timeout)) |
	while IFS= read -r line; do
		case "$line" in
		"# kvm_amd: "*)
			echo "$line" > "$logs/params-$config"
			continue ;;
		"# time "*)
			continue ;;
		"# "*)
			echo "$line" >> "$logs/output"
			continue ;;
		"    ok "*" # SKIP "*)
			# A skipped case of a passing test: report it on its own.
			echo "$line" >> "$logs/skips"
			continue ;;
		"ok "*|"not ok "*) ;;
		*)	continue ;;
		esac
		echo "$line" >> "$logs/results-$config"
		result=${line%% *}
		[ "$result" = not ] && result="not ok"
		rest=${line#"$result "}
		name=$(echo "$rest" | awk '{ print $2 }')
		comment=$(echo "$rest" | sed -n 's/^[0-9]* [^ ]* # //p')
		why=$(awk -v t="$name" -v c="$config" \
			'$1 == t && ($2 == c || $2 == "any") { $1 = $2 = ""; sub(/^ +/, ""); print; exit }' \
			"$xfail")
		if [ -n "$why" ] && [ "$result" = ok ]; then
			echo "not ok - vm $config $name # XPASS: passes, but tools/vm/xfail expects a failure ($why)"
		elif [ -n "$why" ]; then
			echo "ok - vm $config $name # XFAIL $why"
		elif [ "$result" = ok ]; then
			echo "ok - vm $config $name${comment:+ # $comment}"
			while IFS= read -r skip; do
				echo "ok - vm $config $name: $(echo "$skip" | awk '{ print $3 }') # SKIP ${skip#* # SKIP }"
			done < "$logs/skips"
		else
			echo "not ok - vm $config $name # ${comment:-failed}; console: $log"
			# The kernel's words first: a splat explains more than the test.
			{ grep '^# dmesg: ' "$logs/output" | head -n 30
			  grep -E '^# (not ok |.*:Expected )' "$logs/output" | head -n 20
			  grep -v '^# dmesg: ' "$logs/output" | tail -n 25; } |
				awk '!seen[$0]++' | sed 's/^# /#   /'
		fi
		: > "$logs/output"
		: > "$logs/skips"
	done
	expected=$(($(wc -l < "$logs/tests") + 1))
	got=$(grep -cE '^(not )?ok ' "$logs/results-$config" || true)
	if [ "$got" != "$expected" ]; then
		echo "not ok - vm $config: $got of $expected results, the VM stopped early; console: $log"
	fi
	want=${config#vls}
	if [ "${VM_ACCEL:-tcg}" = tcg ] &&
	   ! grep -q " vls=$want " "$logs/params-$config" 2>/dev/null; then
		echo "not ok - vm $config: kvm_amd did not come up with vls=$want; console: $log"
	fi
	echo "# vm $config: $(cat "$logs/params-$config" 2>/dev/null | sed 's/^# //'), $(($(date +%s) - start)) s"
done
