#!/bin/sh
# The mutant stage: a series test whose bug Debian's stock modules do not
# have must fail on modules that have it. For each MUTANTS_DIR/NAME.diff (a
# change to the series' KVM sources that brings such a bug back), build the
# series' modules with that change made, boot them and check
# MUTANTS_DIR/NAME.expect the way the stock stage checks the series' stock
# expectations.
# The mutants are built one after the other in one module tree,
# LOGDIR/work: module-tree.sh puts back only what the last diff changed,
# so each build after the first compiles a file or two. Each mutant keeps
# its .ko files in LOGDIR/NAME/kvm, with the key of what they were built
# from (the diff, the series' tree, KDIR, the glue), and is built again
# only when that changes.
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
work=$logs/work

inputs=$({ git -C "$tree" rev-parse 'HEAD^{tree}'; cat "$0" \
	"$tools/../build/module-tree.sh" Kbuild arch/x86/kvm/Kbuild \
	"$kdir/.config" "$kdir/Module.symvers"; } | sha256sum | cut -c1-32)
mkdir -p "$logs"
for diff in "$mutants"/*.diff; do
	[ -e "$diff" ] || continue
	name=$(basename "$diff" .diff)
	patch=$(realpath "$diff")
	ko=$logs/$name/kvm
	key=$(sha256sum < "$patch" | sed "s/ .*/ $inputs/")
	mkdir -p "$logs/$name"
	if [ "$(cat "$logs/$name/key" 2>/dev/null)" != "$key" ]; then
		rm -rf "$ko" "$logs/$name/key" "$logs/$name/modules"
		"$tools/../build/module-tree.sh" "$tree" "$work" .
		# Outside of any git repository, so that git apply takes the
		# paths relative to the module tree.
		if ! (cd "$work" && GIT_CEILING_DIRECTORIES=$logs \
		      git apply "$patch") 2> "$logs/$name/apply.log"; then
			echo "not ok - mutant $name: $diff does not apply to the series # see $logs/$name/apply.log"
			continue
		fi
		echo "# mutant $name: building" >&2
		if ! make -C "$kdir" M="$work" -j"$jobs" modules \
		     > "$logs/$name/build.log" 2>&1; then
			echo "not ok - mutant $name: does not build # see $logs/$name/build.log"
			continue
		fi
		mkdir -p "$ko"
		cp "$work"/arch/x86/kvm/*.ko "$ko/"
		echo "$key" > "$logs/$name/key"
	fi
	"$tools/stock.sh" "$logs/$name" "$mutants/$name.expect" \
		"mutant $name" "$ko" "$@"
done
