#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The reports stage: check the KTAP and JUnit files that
tools/check/report.py wrote from RESULTS with parsers of their own.

Usage: reports.py KUNIT_DIR KTAP JUNIT RESULTS...

KTAP is read by the kernel's own KTAP parser, KUNIT_DIR/kunit_parser.py
of a base's source (tools/testing/kunit); JUNIT by Python's XML parser.
Both must hold every ok, not ok and skip line of RESULTS, counted the way
tools/check/summary.sh counts them, a failure with the tail of a log
and a skip as a skip. Prints a TAP line for each.
"""

import contextlib
import inspect
import io
import os
import re
import sys
import xml.etree.ElementTree as ET


def counts(paths):
    """passed, failed, skipped as tools/check/summary.sh counts them."""
    passed = failed = skipped = 0
    for path in paths:
        with open(path, errors='replace') as f:
            for line in f:
                if line.startswith('not ok '):
                    failed += 1
                elif line.startswith('ok ') and re.search('# SKIP', line):
                    skipped += 1
                elif line.startswith('ok '):
                    passed += 1
    return passed, failed, skipped


def result(ok, what, why=''):
    print(('ok - ' if ok else 'not ok - ') + 'reports: ' + what +
          ('' if ok else f' # {why}'))
    return ok


def check_ktap(kunit_dir, path, want):
    if not os.path.isfile(os.path.join(kunit_dir, 'kunit_parser.py')):
        print(f'ok - reports: {path} parses as KTAP # SKIP no kunit_parser.py in {kunit_dir}')
        return True
    if not os.path.isfile(path):
        return result(False, f'{path} parses as KTAP', 'no such file')
    if want == (0, 0, 0):
        print(f'ok - reports: {path} parses as KTAP # SKIP the run has no results yet')
        return True
    sys.path.insert(0, kunit_dir)
    # kunit_printer takes sys.stdout when imported; since 6.16 or so,
    # parse_run_tests() takes the printer as an argument.
    with open(path) as f, contextlib.redirect_stdout(io.StringIO()):
        import kunit_parser
        import kunit_printer
        lines = f.readlines()
        if len(inspect.signature(kunit_parser.parse_run_tests).parameters) > 1:
            test = kunit_parser.parse_run_tests(lines, kunit_printer.null_printer)
        else:
            test = kunit_parser.parse_run_tests(lines)
    c = test.counts
    got = (c.passed, c.failed + c.crashed, c.skipped)
    return result(c.errors == 0 and got == want,
                  f'{path} parses as KTAP with the kernel\'s kunit_parser.py: '
                  f'{got[0]} passed, {got[1]} failed, {got[2]} skipped',
                  f'{c.errors} parse errors; the results say {want}')


def check_junit(path, want, failure_texts):
    try:
        top = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        return result(False, f'{path} is well-formed XML', str(e))
    cases = top.findall('./testsuite/testcase')
    failures = [c for c in cases if c.find('failure') is not None]
    skips = [c for c in cases if c.find('skipped') is not None]
    got = (len(cases) - len(failures) - len(skips), len(failures), len(skips))
    declared = tuple(int(top.get(k, -1)) for k in ('tests', 'failures', 'skipped'))
    ok = (top.tag == 'testsuites' and got == want and
          declared == (len(cases), len(failures), len(skips)) and
          all(c.get('classname') and c.get('name') for c in cases))
    ok = result(ok, f'{path} is JUnit XML with {got[0]} passed, {got[1]} '
                f'failed, {got[2]} skipped test cases, each named by base '
                'and stage', f'the results say {want}, its totals say {declared}')
    for text in failure_texts:
        found = any(text in (c.find('failure').text or '') for c in failures)
        ok = result(found, f'a failure in {path} carries "{text}"',
                    'not in any <failure>') and ok
    return ok


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    kunit_dir, ktap, junit = sys.argv[1:4]
    results = [p for p in sys.argv[4:] if os.path.exists(p)]
    want = counts(results)
    texts = os.environ.get('REPORTS_FAILURE_TEXT', '')
    ok = check_ktap(kunit_dir, ktap, want)
    ok = check_junit(junit, want, [t for t in texts.split('|') if t]) and ok
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
