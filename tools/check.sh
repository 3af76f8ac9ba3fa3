#!/bin/sh
# Run the checks of kvm-oot, one stage after the other, print a result line per
# check as it finishes and close with "N passed, N failed, N skipped".
# Usage: check.sh OUT SERIES_DIR KDIR JOBS [STAGE...]
# Stages print TAP lines ("ok - ...", "not ok - ...", "... # SKIP reason")
# on stdout and write their details to OUT/check/*.log.
set -eu

out=$1
series=$2
kdir=$3
jobs=$4
shift 4
stages=${*:-series checkpatch builds abi}

logs=$out/check
mkdir -p "$logs"
results=$logs/results
: > "$results"

for stage in $stages; do
	start=$(date +%s)
	status=0
	case $stage in
	series)
		tools/check-series.sh "$out/base" "$series" "$logs/tree" ;;
	checkpatch)
		tools/check-checkpatch.sh "$out/base" "$series" ;;
	builds)
		tools/check-builds.sh "$logs/tree" "$logs/modules" "$kdir" \
			"$jobs" "$logs" ;;
	abi)
		tools/check-abi.sh "$logs/modules" "$logs/base-modules" "$kdir" \
			"$series/abi-exceptions" ;;
	*)
		echo "not ok - unknown stage $stage" ;;
	esac > "$logs/$stage.tap" 2>"$logs/$stage.log" || status=$?
	cat "$logs/$stage.tap" >> "$results"
	grep -E '^(not )?ok ' "$logs/$stage.tap" || true
	if [ "$status" != 0 ] && ! grep -q '^not ok ' "$logs/$stage.tap"; then
		echo "not ok - $stage stage exited with $status" | tee -a "$results"
	fi
	echo "# stage $stage: $(($(date +%s) - start)) s (details: $logs/$stage.log)"
done

skipped=$(grep -c '^ok .*# SKIP' "$results" || true)
passed=$(($(grep -c '^ok ' "$results" || true) - skipped))
failed=$(grep -c '^not ok ' "$results" || true)
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ]
