#!/bin/sh
# The reports stage: check BUILD/check/results.ktap and junit.xml, which
# tools/check/report.py wrote from RESULTS, with tools/check/reports.py:
# the kernel's KTAP parser and an XML parser must find every result of the
# run. First on a made-up run in SCRATCH with a pass, a failure naming its
# log, a skip and an expected failure, whose failure must carry its log's
# tail; then on a copy with one result line lost, which must fail.
# Usage: reports.sh BUILD SCRATCH RESULTS...
set -eu

build=$1
scratch=$2
shift 2
tools=$(dirname "$0")
kunit=$(ls -d "$build"/*/base/tools/testing/kunit 2>/dev/null | head -n 1)

rm -rf "$scratch"
mkdir -p "$scratch"
printf 'make: *** [vmx.o] Error 1\nthe last line of the log\n' > "$scratch/build.log"
cat > "$scratch/base.results" <<RESULTS
# stage builds 12 $scratch/builds.log
ok - base: build base with W=1
not ok - base: build after patch 1: x # make failed, see $scratch/build.log
# error: vmx.c:1: expected ';'
ok - base: build after patch 2: y (result of base other, same source and series)
# stage vm 30 $scratch/vm.log
ok - base: vm vls0 a_test # SKIP no SEV
ok - base: vm vls0 b_test # XFAIL TCG lacks it
RESULTS
# Run reports.py on KTAP JUNIT RESULTS into OUT; a run that ends without
# a result line for what failed is a failure of its own.
check() {
	out=$1
	shift
	rc=0
	python3 "$tools/reports.py" "${kunit:-none}" "$@" > "$out" || rc=$?
	[ "$rc" = 0 ] || grep -q '^not ok ' "$out" ||
		echo "not ok - reports: reports.py exited with $rc # see the stage's log" >> "$out"
}

python3 "$tools/report.py" "$scratch/ok.ktap" "$scratch/ok.xml" "$scratch/base.results"
REPORTS_FAILURE_TEXT="the last line of the log|expected ';'" \
	check "$scratch/ok.tap" "$scratch/ok.ktap" "$scratch/ok.xml" "$scratch/base.results"
sed 's/ - reports: / - reports: made-up run: /' "$scratch/ok.tap"

grep -v 'a_test' "$scratch/ok.ktap" > "$scratch/lost.ktap"
python3 - "$scratch/ok.xml" "$scratch/lost.xml" <<'LOSE'
import sys
import xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
for suite in tree.getroot():
    for case in list(suite):
        if 'a_test' in case.get('name', ''):
            suite.remove(case)
tree.write(sys.argv[2])
LOSE
check "$scratch/lost.tap" "$scratch/lost.ktap" "$scratch/lost.xml" "$scratch/base.results"
# Both files must be caught, each by its parser (the KTAP one only if a
# base's source has kunit_parser.py).
caught=1
[ -n "$kunit" ] && caught=2
if [ "$(grep -c '^not ok - reports: .*\(KTAP\|JUnit\)' "$scratch/lost.tap")" = "$caught" ]; then
	echo "ok - reports: a KTAP and a JUnit file that lost a result each fail the check"
else
	echo "not ok - reports: a KTAP and a JUnit file that lost a result each fail the check # see $scratch/lost.tap"
fi

check "$scratch/run.tap" "$build/check/results.ktap" "$build/check/junit.xml" "$@"
cat "$scratch/run.tap"
