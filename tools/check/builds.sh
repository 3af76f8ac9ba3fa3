#!/bin/sh
# Build the three modules at the base and after every patch (tags p1, p2, ...
# of TREE, made by check-series.sh) with W=1 and SPARSE (C=1), one module tree
# rebuilt incrementally. Fail a step that does not build or whose compiler or
# sparse output has a diagnostic the base build does not have. Diagnostics
# are compared by file and message, not by line, as multisets.
# Keeps the base's .ko files in LOGDIR/base-modules for the ABI check. When
# every step built, leaves MODULE_TREE built from the whole series, for the
# abi and VM stages, and marks LOGDIR/all-built.
# A step that built once keeps its result in LOGDIR/steps/<key>, the key
# being a checksum of what the build depends on: the step's source tree,
# KDIR (the headers, their config and compiler), sparse's version, this
# script and the glue.
# A later run reuses it instead of building the step again; the next step
# that does build starts from whatever the module tree holds, and kbuild
# rebuilds every file that differs, which is as good for its diagnostics.
# With SHARED, a directory that every base's builds stage writes to, a
# step's result is also kept under a key without KDIR and sparse: a base
# with the same source and series (Debian 12's and 13's 6.12) takes the
# result of every step but the base and the tip from the base that built
# it first, and says so; it builds the base and the tip with its own
# compiler and headers.
# LOGDIR/builds.progress says which step is building.
# Usage: builds.sh TREE MODULE_TREE KDIR JOBS LOGDIR SPARSE [SHARED NAME]
set -eu

tree=$1
mod=$(realpath -m "$2")
kdir=$3
jobs=$4
logs=$(realpath "$5")
sparse=$6
shared=${7:-}
name=${8:-}
glue=$(pwd)
. "$glue/tools/check/diagnostics.sh"
inputs=$({ cat "$0" "$glue/tools/check/diagnostics.sh" \
	"$glue/tools/build/module-tree.sh" "$glue/Kbuild" \
	"$glue/arch/x86/kvm/Kbuild" "$kdir/.config" "$kdir/Module.symvers"
	"$sparse" --version; } | sha256sum | cut -c1-16)

shared_inputs=$({ cat "$0" "$glue/tools/check/diagnostics.sh" \
	"$glue/tools/build/module-tree.sh" "$glue/Kbuild" \
	"$glue/arch/x86/kvm/Kbuild"; } | sha256sum | cut -c1-16)

# The key of REF's build; MODULE_TREE/.built holds the key of what it holds.
key() {
	echo "$kdir $inputs $(git -C "$tree" rev-parse "$1^{tree}")" |
		sha256sum | cut -c1-32
}

# Where REF's result is kept for other bases.
shared_step() {
	echo "$shared/$(echo "$shared_inputs $(git -C "$tree" rev-parse "$1^{tree}")" |
		sha256sum | cut -c1-32)"
}

# Keep the result of step REF, in file RESULT, for other bases.
share() {
	[ -n "$shared" ] || return 0
	dir=$(shared_step "$1")
	[ -e "$dir/result" ] && return
	mkdir -p "$dir"
	echo "$name" > "$dir/base"
	cp "$2" "$dir/result"
}

# Check out REF, fill the module tree and build it, all output in
# LOGDIR/build-REF.log, each file's in one piece (-Otarget): sparse writes
# a diagnostic in several pieces, which parallel jobs would interleave.
# Called in an "if", where set -e does not apply: each command returns on
# failure itself, after naming itself in $failed_step.
build() {
	log=$logs/build-$1.log
	echo "building $1 of p1..p$last" > "$logs/builds.progress"
	failed_step="git checkout $1"
	git -C "$tree" checkout -q --detach "$1" > "$log" 2>&1 || return
	failed_step=module-tree.sh
	"$glue/tools/build/module-tree.sh" "$tree" "$mod" "$glue" >> "$log" 2>&1 || return
	failed_step=make
	make -C "$kdir" M="$mod" -j"$jobs" -Otarget W=1 C=1 CHECK="$sparse" \
		modules >> "$log" 2>&1 &&
		key "$1" > "$mod/.built"
}

last=0
while git -C "$tree" rev-parse -q --verify "refs/tags/p$((last + 1))" >/dev/null; do
	last=$((last + 1))
done
rm -f "$logs/all-built"
mkdir -p "$logs/steps"
base=$logs/steps/$(key base)
if [ ! -e "$base/result" ]; then
	rm -rf "$mod" "$base"
	if ! build base; then
		echo "not ok - build base # $failed_step failed, see $logs/build-base.log"
		errors "$logs/build-base.log"
		exit 1
	fi
	mkdir -p "$base/modules"
	diagnostics "$logs/build-base.log" "$mod" "$kdir" > "$base/diagnostics"
	cp "$mod"/arch/x86/kvm/*.ko "$mod/Module.symvers" "$base/modules/"
	echo "ok - build base with $(checks "$logs/build-base.log" "$sparse") ($(wc -l < "$base/diagnostics") diagnostics to compare against)" > "$base/result"
fi
cp "$base/diagnostics" "$logs/diagnostics-base"
rm -rf "$logs/base-modules"
cp -r "$base/modules" "$logs/base-modules"
cat "$base/result"

n=1
failed=no
while [ "$n" -le "$last" ]; do
	p=$(git -C "$tree" log -1 --format=%s "p$n")
	step=$logs/steps/$(key "p$n")
	if [ -e "$step/result" ]; then
		cat "$step/result"
		share "p$n" "$step/result"
		n=$((n + 1))
		continue
	fi
	other=
	[ -n "$shared" ] && [ "$n" != "$last" ] && other=$(shared_step "p$n")
	if [ -n "$other" ] && [ -e "$other/result" ] &&
	   [ "$(cat "$other/base")" != "$name" ]; then
		sed -E "/^(not )?ok /s/( # .*)?\$/ (result of base $(cat "$other/base"), same source and series)\1/" \
			"$other/result"
		n=$((n + 1))
		continue
	fi
	if ! build "p$n"; then
		echo "not ok - build after patch $n: $p # $failed_step failed, see $logs/build-p$n.log"
		errors "$logs/build-p$n.log"
		failed=yes
		n=$((n + 1))
		continue
	fi
	diagnostics "$logs/build-p$n.log" "$mod" "$kdir" > "$logs/diagnostics-p$n"
	new_lines "$logs/diagnostics-base" "$logs/diagnostics-p$n" > "$logs/new-p$n"
	mkdir -p "$step"
	if [ -s "$logs/new-p$n" ]; then
		echo "not ok - build after patch $n: $p # $(wc -l < "$logs/new-p$n") new diagnostics"
		sed 's/^/# new: /' "$logs/new-p$n"
	else
		echo "ok - build after patch $n: $p"
	fi > "$step/result"
	cat "$step/result"
	share "p$n" "$step/result"
	n=$((n + 1))
done
[ "$failed" = no ] || exit 0

# The steps taken from LOGDIR/steps may have left the tree short of the tip.
tip=base
[ "$n" -gt 1 ] && tip=p$((n - 1))
if [ "$(cat "$mod/.built" 2>/dev/null)" != "$(key "$tip")" ] && ! build "$tip"; then
	echo "not ok - build the whole series # $failed_step failed, see $logs/build-$tip.log"
	errors "$logs/build-$tip.log"
	exit 0
fi
touch "$logs/all-built"
