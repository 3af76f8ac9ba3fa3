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
python3 "$tools/report.py" "$scratch/ok.ktap" "$scratch/ok.xml" "$scratch/base.results"
REPORTS_FAILURE_TEXT="the last line of the log|expected ';'" \
	python3 "$tools/reports.py" "${kunit:-none}" "$scratch/ok.ktap" \
	"$scratch/ok.xml" "$scratch/base.results" | sed 's/ - reports: / - reports: made-up run: /'

grep -v 'a_test' "$scratch/ok.ktap" > "$scratch/lost.ktap"
grep -v 'a_test' "$scratch/ok.xml" > "$scratch/lost.xml"
if python3 "$tools/reports.py" "${kunit:-none}" "$scratch/lost.ktap" \
	"$scratch/lost.xml" "$scratch/base.results" > "$scratch/lost.tap"; then
	echo "not ok - reports: a KTAP and JUnit file that lost a result fail the check # they pass: $scratch/lost.tap"
else
	echo "ok - reports: a KTAP and JUnit file that lost a result fail the check"
fi

python3 "$tools/reports.py" "${kunit:-none}" "$build/check/results.ktap" \
	"$build/check/junit.xml" "$@" || true
