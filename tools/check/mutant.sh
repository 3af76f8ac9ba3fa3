#!/bin/sh
# The mutant stage: a series test whose bug Debian's stock modules do not
# have must fail on modules that have it. For each MUTANTS_DIR/NAME.diff (a
# change to the series' KVM sources that brings such a bug back), build the
# series' modules with that change made, boot them and check
# MUTANTS_DIR/NAME.expect the way the stock stage checks the series' stock
# expectations.
# Each mutant has a module tree of its own under LOGDIR, kept between runs:
# module-tree.sh leaves the files it does not change as they were, so only
# what the diff touches is built again.
# Usage: mutant.sh LOGDIR MUTANTS_DIR SERIES_TREE KDIR JOBS KERNEL \
#                  IMAGE_MODULES SELFTESTS TIMEOUT [TEST]
set -eu

logs=$(realpath -m "$1")
mutants=$2
tree=$3
kdir=$4
jobs=$5
shift 5
tools=$(dirname "$0")

mkdir -p "$logs"
for diff in "$mutants"/*.diff; do
	[ -e "$diff" ] || continue
	name=$(basename "$diff" .diff)
	patch=$(realpath "$diff")
	mod=$logs/$name/modules
	mkdir -p "$mod"
	"$tools/../build/module-tree.sh" "$tree" "$mod" .
	# Outside of any git repository, so that git apply takes the paths
	# relative to the module tree.
	if ! (cd "$mod" && GIT_CEILING_DIRECTORIES=$logs/$name \
	      git apply "$patch") 2> "$logs/$name/apply.log"; then
		echo "not ok - mutant $name: $diff does not apply to the series # see $logs/$name/apply.log"
		continue
	fi
	if ! make -C "$kdir" M="$mod" -j"$jobs" modules \
	     > "$logs/$name/build.log" 2>&1; then
		echo "not ok - mutant $name: does not build # see $logs/$name/build.log"
		continue
	fi
	"$tools/stock.sh" "$logs/$name" "$mutants/$name.expect" \
		"mutant $name" "$mod/arch/x86/kvm" "$@"
done
