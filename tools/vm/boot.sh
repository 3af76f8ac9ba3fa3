#!/bin/sh
# Boot the test VM in one CPU configuration and keep what each selftest
# printed. As each test finishes, its output goes to LOGDIR/CONFIG/<test>.out
# as tools/vm/init prints it (a passing test's case results indented by four
# spaces, a failing test's whole output after "# "), and its KTAP result
# line ("ok 2 <test>", "not ok 3 <test> # exit status 1") to stdout and to
# LOGDIR/results-CONFIG. Then a TAP line for each thing that went wrong with
# the VM itself, and "# STAGE BOOT: <kvm_amd's or kvm_intel's parameters>,
# <n> s".
# Usage: boot.sh STAGE BOOT KERNEL INITRAMFS TEST_LIST TIMEOUT LOGDIR
# STAGE is the name that its TAP lines give; BOOT names the boot, a CPU
# configuration of tools/vm/configs, with ".<n>" after it where one
# configuration boots more than once; TEST_LIST names the tests in the
# initramfs, one a line; TIMEOUT limits each test.
set -eu

stage=$1
boot=$2
config=${boot%.*}
kernel=$3
initramfs=$4
tests=$5
timeout=$6
logs=$7
tools=$(dirname "$0")

start=$(date +%s)
log=$logs/console-$boot.log
rm -rf "$logs/$boot"
mkdir -p "$logs/$boot"
: > "$logs/results-$boot"
: > "$logs/output-$boot"
# Bochs takes up to two minutes to boot and load the modules.
"$tools/run.sh" "$config" "$kernel" "$initramfs" "$log" "$timeout" \
	$((240 + $(wc -l < "$tests") * timeout)) |
while IFS= read -r line; do
	case "$line" in
	"# kvm_amd: "*|"# kvm_intel: "*)
		echo "$line" > "$logs/params-$boot" ;;
	"# time "*) ;;
	"# "*|"    "*)
		echo "$line" >> "$logs/output-$boot" ;;
	"ok "[0-9]*|"not ok "[0-9]*)
		name=$(echo "$line" | sed -E 's/^(not )?ok [0-9]+ ([^ ]*).*/\2/')
		mv "$logs/output-$boot" "$logs/$boot/$name.out"
		: > "$logs/output-$boot"
		echo "$line" >> "$logs/results-$boot"
		echo "$line" ;;
	esac
done
rm -f "$logs/output-$boot"

expected=$(($(wc -l < "$tests") + 1))
got=$(wc -l < "$logs/results-$boot")
if [ "$got" != "$expected" ]; then
	running="while loading the modules"
	grep -q '^not ok 1 ' "$logs/results-$boot" &&
		running="after the modules failed to load"
	grep -q '^ok 1 ' "$logs/results-$boot" &&
		running="in $(sed -n "${got}p" "$tests")"
	echo "not ok - $stage $boot: $got of $expected results, the VM stopped early, $running; console: $log"
	grep -E 'Oops|BUG:|WARNING:|Kernel panic|RIP: 0010' "$log" | head -n 8 | sed 's/^/#   /'
fi
want=${config#vls}
if [ "$want" != "$config" ] && [ "${VM_ACCEL:-tcg}" = tcg ] &&
   ! grep -q " vls=$want " "$logs/params-$boot" 2>/dev/null; then
	echo "not ok - $stage $boot: kvm_amd did not come up with vls=$want; console: $log"
fi
# Without these, Bochs's VMX would run the nested and EPT tests as skips.
vendor=$(awk -v c="$config" '$1 == c { print $3 }' "$tools/configs")
if [ "$vendor" = intel ] &&
   ! grep -q " nested=Y ept=Y " "$logs/params-$boot" 2>/dev/null; then
	echo "not ok - $stage $boot: kvm_intel did not come up with nested=Y ept=Y; console: $log"
fi
echo "# $stage $boot: $(cat "$logs/params-$boot" 2>/dev/null | sed 's/^# //'), $(($(date +%s) - start)) s"
