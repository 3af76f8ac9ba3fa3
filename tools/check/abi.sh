#!/bin/sh
# Check that the series keeps the ABI of the kernel the modules load into:
# - every export of kvm, kvm-amd and kvm-intel keeps the CRC that the kernel's
#   Module.symvers records (an export may differ only if EXCEPTIONS lists it:
#   "<symbol> <reason>"), and none disappears;
# - the structures in tools/check/abi-structs keep the base build's layout: pahole
#   shows every line of the base's layout unchanged (new members may only
#   take space that was already there, such as a union's padding).
# Usage: abi.sh MODULE_TREE BASE_MODULES KDIR EXCEPTIONS
set -eu

mod=$1
base=$2
kdir=$3
exceptions=$4

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# "<symbol> <crc>" of the KVM modules' exports.
awk '$3 ~ /(^|\/)arch\/x86\/kvm\/kvm(-amd|-intel)?$/ { print $2, $1 }' \
	"$kdir/Module.symvers" | sort > "$tmp/kernel"
awk '{ print $2, $1 }' "$mod/Module.symvers" | sort > "$tmp/ours"
[ -s "$tmp/kernel" ] || { echo "not ok - abi: no KVM exports in $kdir/Module.symvers"; exit 1; }

join -a 1 "$tmp/kernel" "$tmp/ours" | awk 'NF == 2 { print $1 }' > "$tmp/gone"
join "$tmp/kernel" "$tmp/ours" | awk '$2 != $3 { print $1 }' > "$tmp/changed"
join -v 2 "$tmp/kernel" "$tmp/ours" | awk '{ print $1 }' > "$tmp/added"
touch "$tmp/excused"
if [ -f "$exceptions" ]; then
	if grep -vE '^(#|$)' "$exceptions" | awk 'NF < 2 { exit 1 }'; then :; else
		echo "not ok - abi: every line of $exceptions needs a reason"
		exit 1
	fi
	grep -vE '^(#|$)' "$exceptions" | awk '{ print $1 }' | sort > "$tmp/excused"
fi
comm -23 "$tmp/changed" "$tmp/excused" > "$tmp/unexcused"

sed 's/^/export added: /' "$tmp/added" >&2
comm -12 "$tmp/changed" "$tmp/excused" | sed 's/^/CRC changed (excused): /' >&2
if [ -s "$tmp/gone" ]; then
	echo "not ok - abi: exports removed: $(tr '\n' ' ' < "$tmp/gone")"
else
	echo "ok - abi: all $(wc -l < "$tmp/kernel") KVM exports of the kernel are still exported"
fi
if [ -s "$tmp/unexcused" ]; then
	sed 's/^/CRC changed: /' "$tmp/unexcused" >&2
	echo "not ok - abi: $(wc -l < "$tmp/unexcused") export CRCs differ from the kernel's, e.g. $(head -n 3 "$tmp/unexcused" | tr '\n' ' ')# see the log"
else
	echo "ok - abi: export CRCs equal the kernel's ($(wc -l < "$tmp/changed") excused)"
fi

for s in $(grep -vE '^(#|$)' tools/check/abi-structs); do
	pahole -C "$s" "$base/kvm.ko" > "$tmp/base-$s" 2>&1 || true
	pahole -C "$s" "$mod/arch/x86/kvm/kvm.ko" > "$tmp/ours-$s" 2>&1 || true
	if ! grep -q "^struct $s {" "$tmp/base-$s"; then
		echo "not ok - abi: layout of struct $s # pahole did not find it"
	elif diff -u "$tmp/base-$s" "$tmp/ours-$s" >&2; then
		echo "ok - abi: layout of struct $s unchanged"
	elif ! diff "$tmp/base-$s" "$tmp/ours-$s" | grep -q '^<'; then
		# Every offset, size, hole and padding of the base is still there:
		# the new lines are members that overlay existing space (a union).
		echo "ok - abi: layout of struct $s unchanged, $(diff "$tmp/base-$s" "$tmp/ours-$s" | grep -c '^>') line(s) added in place # see the log"
	else
		echo "not ok - abi: layout of struct $s changed # see the log"
	fi
done
