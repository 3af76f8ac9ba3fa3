#!/bin/sh
# The stock stage: run the series' selftests on Debian's stock kvm.ko and
# kvm-amd.ko in the test VM and check that they fail, or pass, where
# EXPECTATIONS (tools/vm/<series>/stock, whose header gives the format) says.
# Boots each CPU configuration of tools/vm/configs that has lines, all at
# once, with only the tests that it has lines for, and prints a TAP line per
# line and configuration. INTEL=<base> leaves the Intel configurations to
# that base (tools/check/run.sh). The mutant stage runs it
# on modules of its own: KVM_DIR is "stock" or a directory of .ko files, and
# STAGE names them in the TAP lines.
# Usage: stock.sh LOGDIR EXPECTATIONS STAGE KVM_DIR KERNEL IMAGE_MODULES \
#                 SELFTESTS TIMEOUT [TEST]
# KERNEL is the kernel image, IMAGE_MODULES the directory of its modules.
# TEST checks only the lines of that test.
set -eu

logs=$(realpath -m "$1")
expectations=$2
stage=$3
kvm=$4
kernel=$5
image=$6
selftests=$7
timeout=$8
only=${9:-}
vm=$(dirname "$0")/../vm
modules="Debian's stock modules"
[ "$kvm" = stock ] || modules="the $stage modules"

# The KTAP line that decides on a line of EXPECTATIONS in CONFIG: the test's
# result line, or the line of its CASE in its output.
# Usage: ktap CONFIG TEST [CASE]
ktap() {
	name=$(basename "$2")
	if [ -z "${3:-}" ]; then
		grep -E "^(not )?ok [0-9]+ $name( |$)" "$logs/results-$1" || true
	else
		grep -E "^(# |    )(not )?ok [0-9]+ ([^ ]*\.)?$3( |$)" \
			"$logs/$1/$name.out" 2>/dev/null | head -n 1 | sed -E 's/^(# |    )//'
	fi
}

# Print the TAP line of one line of EXPECTATIONS in CONFIG.
# Usage: check CONFIG TEST[:CASE] fail|pass REASON
check() {
	selftest=${2%%:*}
	test_case=${2#"$selftest"}
	test_case=${test_case#:}
	line=$(ktap "$1" "$selftest" "$test_case")
	# A case of a test that skipped as a whole skipped too.
	if [ -z "$line" ] && [ -n "$test_case" ]; then
		line=$(ktap "$1" "$selftest" | grep ' # SKIP' || true)
	fi
	case "$line" in
	"")		got="has no result" ;;
	"not ok "*)	got=fails ;;
	*" # SKIP"*)	got=skips ;;
	*)		got=passes ;;
	esac
	case $3 in
	fail)	want=fails ;;
	pass)	want=passes ;;
	esac
	what="$stage $1 $2 $got on $modules"
	if [ "$got" = "$want" ]; then
		echo "ok - $what ($4)"
		return
	fi
	case $got in
	passes)	more= ;;
	skips)	more="; ${line#* # }" ;;
	*)	more="; console: $logs/console-$1.log" ;;
	esac
	echo "not ok - $what # expected to $3: $4$more"
	if [ "$got" = fails ]; then
		"$vm/failure.sh" "$logs/$1/$(basename "$selftest").out"
	fi
}

mkdir -p "$logs"
rm -f "$logs"/pid-*
# config vendor, a line each
configs=$(awk '!/^(#|$)/ { print $1, $3 }' "$vm/configs")
awk -v f="$expectations" -v s="$stage" -v c="$(echo $configs)" '
	BEGIN { n = split(c, w, " "); for (i = 1; i <= n; i++) ok[w[i]]; ok["any"] }
	!/^(#|$)/ && !(NF >= 4 && $2 in ok && $3 ~ /^(fail|pass)$/) {
	print "not ok - " s ": " f " line " FNR " is not <test>[:<case>] <configuration|vendor|any> <fail|pass> <reason>" }' \
	"$expectations" > "$logs/bad-lines"
if [ -s "$logs/bad-lines" ]; then
	cat "$logs/bad-lines"
	exit 1
fi
"$vm/select-tests.sh" "$expectations" "$only" > "$logs/tests"
if [ ! -s "$logs/tests" ]; then
	echo "ok - $stage # SKIP $expectations has no line${only:+ for $only}"
	exit 0
fi

emulator() {
	awk -v c="$1" '$1 == c { print $2 }' "$vm/configs"
}

# Check CONFIG's lines, of VENDOR or of any, in a boot with their tests.
check_config() {
	config=$1
	awk -v c="$config" -v v="$2" 'NR == FNR { run[$1]; next }
		/^(#|$)/ || !($2 == c || $2 == v || $2 == "any") { next }
		{ t = $1; sub(/:.*/, "", t) } t in run' \
		"$logs/tests" "$expectations" > "$logs/lines-$config"
	[ -s "$logs/lines-$config" ] || return 0
	"$vm/select-tests.sh" "$logs/lines-$config" > "$logs/tests-$config"
	"$vm/initramfs.sh" "$logs/initramfs-$config.cpio" "$image" \
		"$kvm" "$selftests" "$logs/tests-$config"
	# Keep the VM's own TAP lines; the tests' results are read afterwards.
	"$vm/boot.sh" "$stage" "$config" "$kernel" \
		"$logs/initramfs-$config.cpio" "$logs/tests-$config" "$timeout" "$logs" |
		grep -vE '^(not )?ok [0-9]' || true
	rm -f "$logs/initramfs-$config.cpio"
	if ! grep -q '^ok 1 load-modules' "$logs/results-$config"; then
		echo "not ok - $stage $config load-modules; console: $logs/console-$config.log"
	fi
	while read -r what _ expect reason; do
		check "$config" "$what" "$expect" "$reason"
	done < "$logs/lines-$config"
}

# Bochs's slow boots in the background, QEMU's one after the other beside
# them: one emulator a host CPU.
for config in $(echo "$configs" | cut -d' ' -f1); do
	vendor=$(echo "$configs" | awk -v c="$config" '$1 == c { print $2 }')
	if [ "$vendor" = intel ] && [ "${INTEL:-yes}" != yes ]; then
		echo "# $stage $config: left to base $INTEL, which has the same series" \
			> "$logs/tap-$config"
	elif [ "$(emulator "$config")" != qemu ]; then
		check_config "$config" "$vendor" > "$logs/tap-$config" &
		echo $! > "$logs/pid-$config"
	fi
done
for config in $(echo "$configs" | cut -d' ' -f1); do
	vendor=$(echo "$configs" | awk -v c="$config" '$1 == c { print $2 }')
	if [ "$(emulator "$config")" = qemu ]; then
		check_config "$config" "$vendor" > "$logs/tap-$config" ||
			echo "not ok - $stage $config: checking its lines exited with $?" \
				>> "$logs/tap-$config"
	fi
done
for config in $(echo "$configs" | cut -d' ' -f1); do
	if [ -e "$logs/pid-$config" ]; then
		wait "$(cat "$logs/pid-$config")" ||
			echo "not ok - $stage $config: checking its lines exited with $?" \
				>> "$logs/tap-$config"
		rm "$logs/pid-$config"
	fi
	cat "$logs/tap-$config"
done
