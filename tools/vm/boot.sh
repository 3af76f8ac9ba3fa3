#!/bin/sh
# Boot the test VM in one CPU configuration and keep what each selftest
# printed. As each test finishes, its output goes to LOGDIR/CONFIG/<test>.out
# as tools/vm/init prints it (a passing test's case results indented by four
# spaces, a failing test's whole output after "# "), and its KTAP result
# line ("ok 2 <test>", "not ok 3 <test> # exit status 1") to stdout and to
# LOGDIR/results-CONFIG. Then a TAP line for each thing that went wrong with
# the VM itself, and "# STAGE CONFIG: <kvm_amd's parameters>, <n> s".
# Usage: boot.sh STAGE CONFIG KERNEL INITRAMFS TEST_LIST TIMEOUT LOGDIR
# STAGE is the name that its TAP lines give; TEST_LIST names the tests in
# the initramfs, one a line; TIMEOUT limits each test.
set -eu

stage=$1
config=$2
kernel=$3
initramfs=$4
tests=$5
timeout=$6
logs=$7
tools=$(dirname "$0")

start=$(date +%s)
log=$logs/console-$config.log
rm -rf "$logs/$config"
mkdir -p "$logs/$config"
: > "$logs/results-$config"
: > "$logs/output-$config"
"$tools/run.sh" "$config" "$kernel" "$initramfs" "$log" "$timeout" \
	$((60 + $(wc -l < "$tests") * timeout)) |
while IFS= read -r line; do
	case "$line" in
	"# kvm_amd: "*)
		echo "$line" > "$logs/params-$config" ;;
	"# time "*) ;;
	"# "*|"    "*)
		echo "$line" >> "$logs/output-$config" ;;
	"ok "*|"not ok "*)
		name=$(echo "$line" | sed -E 's/^(not )?ok [0-9]+ ([^ ]*).*/\2/')
		mv "$logs/output-$config" "$logs/$config/$name.out"
		: > "$logs/output-$config"
		echo "$line" >> "$logs/results-$config"
		echo "$line" ;;
	esac
done
rm -f "$logs/output-$config"

expected=$(($(wc -l < "$tests") + 1))
got=$(wc -l < "$logs/results-$config")
if [ "$got" != "$expected" ]; then
	running="while loading the modules"
	grep -q '^not ok 1 ' "$logs/results-$config" &&
		running="after the modules failed to load"
	grep -q '^ok 1 ' "$logs/results-$config" &&
		running="in $(sed -n "${got}p" "$tests")"
	echo "not ok - $stage $config: $got of $expected results, the VM stopped early, $running; console: $log"
	grep -E 'Oops|BUG:|WARNING:|Kernel panic|RIP: 0010' "$log" | head -n 8 | sed 's/^/#   /'
fi
want=${config#vls}
if [ "${VM_ACCEL:-tcg}" = tcg ] &&
   ! grep -q " vls=$want " "$logs/params-$config" 2>/dev/null; then
	echo "not ok - $stage $config: kvm_amd did not come up with vls=$want; console: $log"
fi
echo "# $stage $config: $(cat "$logs/params-$config" 2>/dev/null | sed 's/^# //'), $(($(date +%s) - start)) s"
