#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write make check's results as KTAP and as JUnit XML, for CI servers.

Usage: report.py KTAP JUNIT RESULTS...

Each RESULTS file is what tools/check/run.sh (or tools/check/bases.sh, for
the repository's stages) wrote for one base: "# stage STAGE SECONDS LOG"
before each stage's TAP lines, "ok - BASE: ...", "not ok - BASE: ... #
comment" and "ok - ... # SKIP reason" lines, and "# " lines that tell more
about the line before them. The base is the file's name without
".results".

KTAP (kselftest's format, Documentation/dev-tools/ktap.rst): one test a
base, a subtest a stage, a subtest of that a check. JUnit: a testsuite a
base and stage, a testcase a check. A failed check carries the lines that
followed it and the tail of the log it names (or else its stage's log); a
skip stays a skip and an expected failure (XFAIL) a pass.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

LINE = re.compile(r'^(ok|not ok) - (.*)$')
STAGE = re.compile(r"^# stage (\S+) (\d+) (.+)$")
LOG = re.compile(r'([^\s;,()]+\.log)\b')
TAIL = 30
# What XML 1.0 cannot hold: a log may have a terminal's escape codes.
NOT_XML = re.compile('[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]')


class Check:
    def __init__(self, ok, name, directive, stage, base):
        self.ok = ok
        self.name = name
        self.directive = directive
        self.stage = stage
        self.base = base
        self.details = []

    def skipped(self):
        return self.ok and self.directive.startswith('SKIP')


def read(path):
    """The stages of one results file: [(stage, seconds, log, [Check])]."""
    base = os.path.basename(path)
    if base.endswith('.results'):
        base = base[:-len('.results')]
    stages = []
    last = None
    with open(path, errors='replace') as f:
        for line in f:
            line = line.rstrip('\n')
            m = STAGE.match(line)
            if m:
                stages.append((m.group(1), int(m.group(2)), m.group(3), []))
                last = None
                continue
            m = LINE.match(line)
            if m:
                if not stages:
                    stages.append(('unknown', 0, '', []))
                text = m.group(2)
                if text.startswith(base + ': '):
                    text = text[len(base) + 2:]
                name, _, directive = text.partition(' # ')
                last = Check(m.group(1) == 'ok', name.replace('#', ''),
                             directive, stages[-1][0], base)
                stages[-1][3].append(last)
            elif line.startswith('#') and last is not None:
                last.details.append(line[1:].lstrip())
    return base, stages


def tail(path):
    try:
        with open(path, errors='replace') as f:
            return f.readlines()[-TAIL:]
    except OSError:
        return []


def failure_text(check, stage_log):
    """What a failed check's report carries."""
    text = list(check.details)
    logs = [p for p in LOG.findall(check.name + ' ' + check.directive)
            if os.path.isfile(p)]
    for log in logs or [stage_log]:
        lines = tail(log)
        if lines:
            text.append(f'--- last {len(lines)} lines of {log}')
            text.extend(line.rstrip('\n') for line in lines)
    return [NOT_XML.sub('?', line) for line in text]


def ktap_line(indent, ok, n, name, directive=''):
    result = 'ok' if ok else 'not ok'
    return f'{indent}{result} {n} {name}' + (f' # {directive}' if directive else '')


def write_ktap(path, runs):
    out = ['KTAP version 1', f'1..{len(runs)}']
    for i, (base, stages) in enumerate(runs, 1):
        out += ['    KTAP version 1', f'    # Subtest: {base}',
                f'    1..{len(stages)}']
        base_ok = True
        for j, (stage, seconds, log, checks) in enumerate(stages, 1):
            out += ['        KTAP version 1', f'        # Subtest: {stage}',
                    f'        1..{len(checks)}']
            for k, c in enumerate(checks, 1):
                if not c.ok:
                    out += ['        # ' + t for t in failure_text(c, log)]
                # A case named as its stage would end the stage for a
                # parser (kunit_parser.py's peek_test_name_match()).
                name = c.name if c.name != stage else f'{c.name} stage'
                out.append(ktap_line('        ', c.ok, k, name, c.directive))
            stage_ok = all(c.ok for c in checks)
            base_ok = base_ok and stage_ok
            skip = 'SKIP' if checks and all(c.skipped() for c in checks) else ''
            out.append(f'    # {stage}: {seconds} s')
            out.append(ktap_line('    ', stage_ok, j, stage, skip))
        out.append(ktap_line('', base_ok, i, base))
    with open(path, 'w') as f:
        f.write('\n'.join(out) + '\n')


def write_junit(path, runs):
    top = ET.Element('testsuites', name='kvm-oot make check')
    totals = {'tests': 0, 'failures': 0, 'skipped': 0}
    time = 0
    for base, stages in runs:
        for stage, seconds, log, checks in stages:
            suite = ET.SubElement(top, 'testsuite', name=f'{base}: {stage}',
                                  time=str(seconds))
            counts = {'tests': len(checks), 'failures': 0, 'skipped': 0}
            for c in checks:
                case = ET.SubElement(suite, 'testcase', name=c.name,
                                     classname=f'{base}.{stage}')
                if not c.ok:
                    counts['failures'] += 1
                    failure = ET.SubElement(case, 'failure',
                                            message=NOT_XML.sub('?', c.directive or 'failed'))
                    failure.text = '\n'.join(failure_text(c, log)) + '\n'
                elif c.skipped():
                    counts['skipped'] += 1
                    ET.SubElement(case, 'skipped',
                                  message=c.directive[len('SKIP'):].strip())
                elif c.directive:
                    ET.SubElement(case, 'system-out').text = c.directive
            for key, value in counts.items():
                suite.set(key, str(value))
                totals[key] += value
            suite.set('errors', '0')
            time += seconds
    for key, value in totals.items():
        top.set(key, str(value))
    top.set('errors', '0')
    top.set('time', str(time))
    ET.indent(top)
    ET.ElementTree(top).write(path, encoding='UTF-8', xml_declaration=True)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    runs = []
    for path in sys.argv[3:]:
        if not os.path.exists(path):
            continue
        base, stages = read(path)
        stages = [s for s in stages if s[3]]
        if stages:
            runs.append((base, stages))
    write_ktap(sys.argv[1], runs)
    write_junit(sys.argv[2], runs)


if __name__ == '__main__':
    main()
