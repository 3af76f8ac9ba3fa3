#!/bin/sh
# The tdx stage: no Debian kernel enables CONFIG_INTEL_TDX_HOST, so the
# builds stage never compiles kvm-intel's TDX code. Configure the base's
# source with the headers' .config plus CONFIG_INTEL_TDX_HOST=y and
# CONFIG_KVM_INTEL_TDX=y (LOGDIR/kernel, made once for each base source,
# Debian config and compiler CC, and then cut down to what module builds
# read, tools/build/extmod-tree.sh) and build the three modules against it as
# builds.sh does (W=1, C=1 with SPARSE), at the base and at the series'
# tip, the last tag p<n> of TREE. vmlinux is not built: modpost takes Debian's
# Module.symvers and only warns about what it lacks.
# Fails if olddefconfig drops either option, if a build fails or leaves
# vmx/tdx.o out of kvm-intel, if the modules need a symbol that neither
# Debian's Module.symvers nor the base's TDX host code
# (arch/x86/virt/vmx/tdx/) exports, or if the tip has a diagnostic more
# often than the base (by file and message, as multisets, as builds.sh
# compares). Skips a base whose source has no KVM_INTEL_TDX.
# A build's diagnostics and undefined symbols are kept in
# LOGDIR/steps/<key>, the key being a checksum of its source tree, the
# base's source, KDIR's .config and Module.symvers, the compiler, sparse's
# version, this script and the glue, so that a rerun with nothing changed
# builds nothing.
# Usage: tdx.sh TREE KDIR CC JOBS LOGDIR SPARSE
set -eu

tree=$1
kdir=$2
cc=$3
jobs=$4
logs=$(realpath -m "$5")
sparse=$6
glue=$(pwd)
. "$glue/tools/check/diagnostics.sh"
kernel=$logs/kernel
mod=$logs/modules

if ! git -C "$tree" show base:arch/x86/kvm/Kconfig | grep -qx 'config KVM_INTEL_TDX'; then
	version=$(git -C "$tree" show base:Makefile |
		awk '$1 ~ /^(VERSION|PATCHLEVEL|SUBLEVEL)$/ { v = v (v ? "." : "") $3 }
		     END { print v }')
	echo "ok - tdx # SKIP the base's source, Linux $version, has no KVM TDX (no config KVM_INTEL_TDX in arch/x86/kvm/Kconfig)"
	exit 0
fi

# What the configured tree adds to Debian's config, and its key: what it
# is made from.
options="INTEL_TDX_HOST KVM_INTEL_TDX"
kernel_key=$({ git -C "$tree" rev-parse 'base^{tree}'; echo "$cc $options"
	cat "$kdir/.config" "$kdir/Module.symvers"; } | sha256sum | cut -c1-32)
# What every build reads besides its own source tree and the configured tree.
inputs=$({ cat "$0" "$glue/tools/check/diagnostics.sh" \
	"$glue/tools/build/module-tree.sh" "$glue/Kbuild" \
	"$glue/arch/x86/kvm/Kbuild"; "$sparse" --version; } |
	sha256sum | cut -c1-16)

# The key of REF's build.
key() {
	echo "$kernel_key $inputs $(git -C "$tree" rev-parse "$1^{tree}")" |
		sha256sum | cut -c1-32
}

# DEBUG= keeps make check's DEBUG=0 or 1 from tools/'s Makefiles.
# -Otarget keeps each file's diagnostics in one piece, as in builds.sh.
kmake() {
	make -C "$kernel" -j"$jobs" -Otarget CC="$cc" HOSTCC="$cc" DEBUG= "$@"
}

# Make the configured tree unless it is made from what it would be made of
# now. A new one gets a new module tree: objects built against the old one
# may look newer than its files.
configure() {
	[ "$(cat "$kernel/.prepared" 2>/dev/null)" = "$kernel_key" ] && return
	log=$logs/kernel.log
	rm -rf "$kernel" "$mod"
	mkdir -p "$kernel"
	git -C "$tree" archive base | tar -x -C "$kernel"
	cp "$kdir/.config" "$kernel/.config"
	for option in $options; do
		"$kernel/scripts/config" --file "$kernel/.config" --enable "$option"
	done
	if ! kmake olddefconfig > "$log" 2>&1; then
		echo "not ok - tdx: make olddefconfig failed # see $log"
		exit 1
	fi
	missing=""
	for option in $options; do
		grep -qx "CONFIG_$option=y" "$kernel/.config" ||
			missing="$missing CONFIG_$option"
	done
	if [ -n "$missing" ]; then
		echo "not ok - tdx: Debian's config plus TDX: olddefconfig did not keep =y:$missing # see $kernel/.config"
		exit 1
	fi
	if ! kmake modules_prepare >> "$log" 2>&1; then
		echo "not ok - tdx: make modules_prepare failed in the configured tree # see $log"
		errors "$log"
		exit 1
	fi
	cp "$kdir/Module.symvers" "$kernel/Module.symvers"
	"$glue/tools/build/extmod-tree.sh" "$kernel" "$cc" >> "$log" 2>&1
	echo "$kernel_key" > "$kernel/.prepared"
}

# Check out REF, fill the module tree and build it against the configured
# tree, all output in LOGDIR/build-REF.log. Called in an "if", where set -e
# does not apply: each command returns on failure itself, after naming
# itself in $failed_step.
build() {
	log=$logs/build-$1.log
	failed_step="git checkout $1"
	git -C "$tree" checkout -q --detach "$1" > "$log" 2>&1 || return
	failed_step=module-tree.sh
	"$glue/tools/build/module-tree.sh" "$tree" "$mod" "$glue" >> "$log" 2>&1 || return
	failed_step="make"
	kmake M="$mod" W=1 C=1 CHECK="$sparse" KBUILD_MODPOST_WARN=1 modules \
		>> "$log" 2>&1 || return
	failed_step="the check for vmx/tdx.o in kvm-intel.ko"
	[ -e "$mod/arch/x86/kvm/kvm-intel.ko" ] &&
		grep -q 'vmx/tdx\.o$' "$mod/arch/x86/kvm/kvm-intel.mod"
}

# The symbols the modules need that neither Debian's Module.symvers nor
# the modules themselves export.
undefined() {
	cut -f2 "$kernel/Module.symvers" "$mod/Module.symvers" | sort -u > "$logs/exported"
	nm -u "$mod"/arch/x86/kvm/*.ko | awk '$1 == "U" { print $2 }' | sort -u |
		comm -23 - "$logs/exported"
}

tip=base
n=1
while git -C "$tree" rev-parse -q --verify "refs/tags/p$n" >/dev/null; do
	tip=p$n
	n=$((n + 1))
done
refs=base
[ "$tip" = base ] || refs="base $tip"

mkdir -p "$logs/steps"
for ref in $refs; do
	step=$logs/steps/$(key "$ref")
	[ -e "$step/diagnostics" ] && continue
	configure
	# The base's diagnostics are the reference: all of them, from scratch.
	[ "$ref" = base ] && rm -rf "$mod"
	if ! build "$ref"; then
		echo "not ok - tdx: build at $ref with CONFIG_KVM_INTEL_TDX=y # $failed_step failed, see $logs/build-$ref.log"
		errors "$logs/build-$ref.log"
		exit 1
	fi
	rm -rf "$step.new"
	mkdir -p "$step.new"
	undefined > "$step.new/undefined"
	diagnostics "$logs/build-$ref.log" "$mod" "$kernel" > "$step.new/diagnostics"
	checks "$logs/build-$ref.log" "$sparse" > "$step.new/checks"
	mv "$step.new" "$step"
done

git -C "$tree" grep -h -o -E 'EXPORT_SYMBOL[A-Z_]*\([a-z0-9_]+' base -- \
	arch/x86/virt/vmx/tdx/ | sed 's/.*(//' | sort -u > "$logs/tdx-exports"
status=0
for ref in $refs; do
	step=$logs/steps/$(key "$ref")
	comm -23 "$step/undefined" "$logs/tdx-exports" > "$logs/unexported-$ref"
	if [ -s "$logs/unexported-$ref" ]; then
		echo "not ok - tdx: at $ref the modules need what neither Debian's vmlinux nor the TDX host code exports: $(paste -s -d ' ' "$logs/unexported-$ref")"
		status=1
	fi
done
tip_step=$logs/steps/$(key "$tip")
echo "# tdx: $(wc -l < "$tip_step/undefined") symbols left to the TDX host code of vmlinux, which is not built"

cp "$logs/steps/$(key base)/diagnostics" "$logs/diagnostics-base"
cp "$tip_step/diagnostics" "$logs/diagnostics-tip"
new_lines "$logs/diagnostics-base" "$logs/diagnostics-tip" > "$logs/new-tip"
if [ -s "$logs/new-tip" ]; then
	echo "not ok - tdx: kvm-intel with CONFIG_KVM_INTEL_TDX=y has $(wc -l < "$logs/new-tip") new diagnostics at the series tip ($tip), $(cat "$tip_step/checks")"
	sed 's/^/# new: /' "$logs/new-tip"
	exit 1
fi
echo "ok - tdx: kvm-intel with CONFIG_KVM_INTEL_TDX=y builds at the series tip ($tip), $(cat "$tip_step/checks"), no new diagnostics ($(wc -l < "$logs/diagnostics-base") at the base)"
exit "$status"
