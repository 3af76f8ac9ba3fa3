#!/bin/sh
# Run the checks of kvm-oot, one stage after the other, print a result line per
# check as it finishes and close with "N passed, N failed, N skipped".
# Usage: run.sh OUT SERIES_DIR KDIR JOBS [STAGE...]
# Stages print TAP lines ("ok - ...", "not ok - ...", "... # SKIP reason")
# on stdout and write their details to OUT/check/*.log. The vm, stock and
# mutant stages take the image, kernel release, selftests and time limit from
# $VM_ARGS, the test to run from $T; the vm stage its modules from $VM_KVM.
set -eu

out=$1
series=$2
kdir=$3
jobs=$4
shift 4
stages=${*:-series checkpatch builds abi uapi vm stock mutant}

logs=$out/check
mkdir -p "$logs"
results=$logs/results
: > "$results"

# builds reads the tree that series made, abi the modules that builds made:
# each runs only on what was made from the series as it is now.
made_from_series() {
	cmp -s "$out/series.sum" "$logs/$1.sum"
}

run_stage() {
	case $1 in
	series)
		rm -f "$logs/series.sum"
		tools/check/series.sh "$out/base" "$series" "$logs/tree" || return
		cp "$out/series.sum" "$logs/series.sum" ;;
	checkpatch)
		tools/check/checkpatch.sh "$out/base" "$series" ;;
	builds)
		rm -f "$logs/builds.sum"
		if ! made_from_series series; then
			echo "ok - builds # SKIP run the series stage first"
			return
		fi
		tools/check/builds.sh "$logs/tree" "$logs/modules" "$kdir" \
			"$jobs" "$logs" || return
		cp "$out/series.sum" "$logs/builds.sum" ;;
	abi)
		if ! made_from_series builds; then
			echo "ok - abi # SKIP run the builds stage first"
			return
		fi
		tools/check/abi.sh "$logs/modules" "$logs/base-modules" "$kdir" \
			"$series/abi-exceptions" ;;
	uapi)
		tools/check/uapi.sh "$out/base" "$out/selftests/kernel/usr/include" \
			"$logs/uapi" ;;
	vm|stock|mutant)
		vm_stage=$1
		set -- ${VM_ARGS:-none}
		if [ "$1" = none ]; then
			echo "ok - $vm_stage # SKIP no kernel image to boot (KDIR= build, or not run by make)"
		elif [ "$vm_stage" = vm ]; then
			tools/vm/check.sh "$logs/vm" "$VM_KVM" tools/vm/tests \
				tools/vm/xfail "$@" ${T:+"$T"}
		elif [ "$vm_stage" = stock ]; then
			tools/check/stock.sh "$logs/stock" tools/vm/stock stock stock \
				"$@" ${T:+"$T"}
		else
			tools/check/mutant.sh "$logs/mutant" "$out/series" "$kdir" \
				"$jobs" "$@" ${T:+"$T"}
		fi ;;
	*)
		echo "not ok - unknown stage $1" ;;
	esac
}

applied=yes
for stage in $stages; do
	start=$(date +%s)
	if [ "$applied" = no ] && [ "$stage" != checkpatch ]; then
		echo "ok - $stage # SKIP the series does not apply" | tee -a "$results"
		continue
	fi
	rm -f "$logs/$stage.rc"
	{ run_stage "$stage" || echo $? > "$logs/$stage.rc"; } 2>"$logs/$stage.log" |
		tee "$logs/$stage.tap" | grep --line-buffered -E '^((not )?ok |# )' || true
	if [ -e "$logs/$stage.rc" ] && ! grep -q '^not ok ' "$logs/$stage.tap"; then
		echo "not ok - $stage stage exited with $(cat "$logs/$stage.rc")" |
			tee -a "$logs/$stage.tap"
	fi
	cat "$logs/$stage.tap" >> "$results"
	[ "$stage" = series ] && grep -q '^not ok ' "$logs/$stage.tap" && applied=no
	echo "# stage $stage: $(($(date +%s) - start)) s (details: $logs/$stage.log)"
done

skipped=$(grep -c '^ok .*# SKIP' "$results" || true)
passed=$(($(grep -c '^ok ' "$results" || true) - skipped))
failed=$(grep -c '^not ok ' "$results" || true)
xfail=$(grep -c '^ok .*# XFAIL' "$results" || true)
[ "$xfail" -gt 0 ] && echo "# $xfail expected failures (emulator limits, tools/vm/xfail) counted as passed"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ]
