#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check the CI examples of a document: its ```yaml blocks whose first
line is "# .gitlab-ci.yml" and "# .github/workflows/<name>.yml".

Usage: ci-examples.py BASES DOCUMENT

Each must be well-formed YAML, run a matrix with an entry for every base
of BASES (tools/base/bases) on a Debian image of the base's release, run
"make check BASE=<base>", keep the caches under the names that
tools/check/cache-keys.sh prints, and keep build/check/results.ktap and
junit.xml (GitLab: also as its JUnit report). Prints a TAP line for each.
"""

import os
import re
import subprocess
import sys

import yaml


def result(ok, what, why=''):
    print(('ok - ' if ok else 'not ok - ') + 'docs: ' + what +
          ('' if ok else f' # {why}'))
    return ok


def bases(path):
    """{base: release} of tools/base/bases."""
    out = {}
    with open(path) as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                words = line.split()
                out[words[0]] = words[1]
    return out


def blocks(path):
    """{first line: text} of the document's yaml blocks."""
    text = open(path).read()
    return {b.split('\n', 1)[0].strip(): b
            for b in re.findall(r'^```yaml\n(.*?)^```', text, re.M | re.S)}


def matrix_ok(name, entries, want, base_key, release_key):
    got = {str(e.get(base_key)): str(e.get(release_key)) for e in entries}
    return result(got == want, f'{name}: the matrix runs every base of '
                  'tools/base/bases on its release',
                  f'it has {got}, tools/base/bases {want}')


def gitlab(doc, want, caches):
    job = next((j for j in doc.values()
                if isinstance(j, dict) and 'parallel' in j), None)
    if job is None:
        return result(False, '.gitlab-ci.yml has a job with parallel:matrix',
                      'none')
    ok = matrix_ok('.gitlab-ci.yml', job['parallel']['matrix'], want,
                   'BASE', 'RELEASE')
    ok = result(job.get('image') == 'debian:$RELEASE' and
                any(re.match(r'make check BASE=\$BASE\b', s)
                    for s in job.get('script', [])),
                '.gitlab-ci.yml runs make check BASE=$BASE on debian:$RELEASE',
                f'image {job.get("image")}, script {job.get("script")}') and ok
    keys = [str(c.get('key')) for c in job.get('cache', [])]
    ok = result(all(any(k.startswith('kvm-oot-' + c.replace('_', '-') + '-')
                        for k in keys) for c in caches) and
                all(c.get('when') == 'always' for c in job.get('cache', [])),
                '.gitlab-ci.yml keeps the caches make cache-keys names, also '
                'when a check failed', f'its caches are {job.get("cache")}') and ok
    art = job.get('artifacts', {})
    return result(art.get('reports', {}).get('junit') == 'build/check/junit.xml'
                  and 'build/check/results.ktap' in art.get('paths', []),
                  '.gitlab-ci.yml keeps results.ktap and reports junit.xml',
                  f'artifacts {art}') and ok


def github(doc, want, caches):
    job = next((j for j in doc.get('jobs', {}).values()
                if 'strategy' in j), None)
    if job is None:
        return result(False, 'the workflow has a job with a matrix', 'none')
    ok = matrix_ok('the workflow', job['strategy']['matrix']['include'], want,
                   'base', 'release')
    steps = job.get('steps', [])
    runs = ' '.join(s.get('run', '') for s in steps)
    ok = result(job.get('container') == 'debian:${{ matrix.release }}' and
                'make check BASE=${{ matrix.base }}' in runs and
                'make -s cache-keys BASE=${{ matrix.base }} >> "$GITHUB_OUTPUT"' in runs,
                'the workflow runs make cache-keys and make check BASE= on '
                'debian:<release>', f'container {job.get("container")}') and ok
    def keys(action):
        return [s['with']['key'] for s in steps
                if str(s.get('uses', '')).startswith(action) and 'with' in s]
    restored, saved = keys('actions/cache/restore'), keys('actions/cache/save')
    ok = result(all(any('steps.keys.outputs.' + c + ' ' in k for k in restored) and
                    any('steps.keys.outputs.' + c + ' ' in k for k in saved)
                    for c in caches),
                'the workflow restores and saves the caches under the keys '
                'make cache-keys prints', f'it restores {restored}, saves {saved}') and ok
    ok = result(all('always()' in str(s.get('if', '')) for s in steps
                    if str(s.get('uses', '')).startswith('actions/cache/save')),
                'the workflow saves its caches also when a check failed',
                'a save step runs only on success') and ok
    paths = ' '.join(str(s.get('with', {}).get('path', '')) for s in steps
                     if str(s.get('uses', '')).startswith('actions/upload-artifact'))
    return result('build/check/results.ktap' in paths and
                  'build/check/junit.xml' in paths,
                  'the workflow keeps results.ktap and junit.xml',
                  f'it uploads {paths!r}') and ok


def cache_names(want):
    """What make cache-keys names for the bases on their own release: all
    but the Debian roots, which only a base of another release needs."""
    script = os.path.join(os.path.dirname(__file__), 'cache-keys.sh')
    names = set()
    for base in want:
        out = subprocess.run([script, base], check=True, capture_output=True,
                             text=True).stdout
        names |= {line.split('=', 1)[0] for line in out.splitlines()}
    return sorted(names - {'roots'})


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    want = bases(sys.argv[1])
    caches = cache_names(want)
    found = blocks(sys.argv[2])
    ok = True
    for first, check in (('# .gitlab-ci.yml', gitlab),
                         ('# .github/workflows/check.yml', github)):
        what = f'{sys.argv[2]}: the {first[2:]} example'
        if first not in found:
            ok = result(False, f'{what} is there', 'no such yaml block') and ok
            continue
        try:
            doc = yaml.safe_load(found[first])
        except yaml.YAMLError as e:
            ok = result(False, f'{what} is well-formed YAML',
                        str(e).replace('\n', ' ')) and ok
            continue
        ok = result(True, f'{what} is well-formed YAML') and ok
        try:
            ok = check(doc, want, caches) and ok
        except (AttributeError, KeyError, TypeError) as e:
            ok = result(False, f'{what} has the expected shape',
                        f'{type(e).__name__}: {e}') and ok
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
