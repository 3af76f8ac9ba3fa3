#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that what the documents name exists, so that a rename fails here
instead of misleading a reader.

Usage: docs.py REPO APT_VERSIONS DOC...

For each DOC (Markdown), one TAP line, and a "#" line for each problem:
- a relative link must name a file of the repository, and its #anchor a
  heading of that file;
- in code (`...` and indented or fenced blocks), a path of this repository
  (tools/base/..., patches/..., Documentation/*.md, ...) must exist, with
  <placeholder> and {placeholder} matching any name; paths of the kernel
  tree (tools/testing/, arch/x86/kvm/svm/, ...) and of the system are not
  checked; a bare script name (fetch.sh) must be one of the repository's;
- in code, each target of a "make" command must be a target of the
  Makefile, and each VARIABLE= must be read by the Makefile or the tools;
- anywhere, a version of a base's kernel (6.12.118, v6.12.118,
  6.12.118+deb13, 7.3.4-1~bpo13+1) must be one that a patches/*/base file
  records or that APT_VERSIONS (names and versions of apt's linux-*
  packages) has; other versions are written as placeholders (6.12.<n>,
  <abi>).
"""

import glob
import os
import re
import sys

VERSION = re.compile(r'(?<![\w.])v?((?:6\.12|7\.\d+)\.\d+(?:[-+~][\w.+~]*\w)?)')
PATH = re.compile(r'[\w.<>{}*-]+(?:/[\w.<>{}*-]*)+|[\w<>{}-]+\.(?:sh|py|md|conf)\b')
VARIABLE = re.compile(r'(?<![\w$/-])([A-Z][A-Z0-9_]+)=')
LINK = re.compile(r'\]\(([^)\s]+)\)')
CODE_SPAN = re.compile(r'`([^`]+)`')
# Top-level names that the kernel tree has too: a path below them is the
# repository's only if its second component is.
SHARED_TOP = {'tools', 'arch', 'include', 'Documentation'}
# The repository's top-level names, whether or not they (still) exist.
OUR_TOP = {'.ci', 'Documentation', 'Kbuild', 'LICENSE', 'Makefile', 'README.md',
           'arch', 'dkms.conf', 'patches', 'tools'}
# The kernel's own targets, in the documents' steps for building a kernel.
KBUILD_TARGETS = {'menuconfig', 'olddefconfig', 'modules_prepare', 'bindeb-pkg'}
MAKE = re.compile(r'(?:^|[;&|(]|\bsudo)\s*make(?=\s|$)([^;&|#)]*)')


def slug(heading):
    s = heading.strip().lower()
    s = re.sub(r'[^\w\- ]', '', s)
    return s.replace(' ', '-')


def blocks(text):
    """The line numbers of code blocks (fenced or indented)."""
    lines = set()
    fenced = False
    prev = ''
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith('```'):
            fenced = not fenced
            lines.add(n)
        elif fenced:
            lines.add(n)
        elif (line.startswith('    ') and line.strip()
              and (not prev.strip() or n - 1 in lines)
              and not re.match(r'\s*([-*]|\d+\.)\s', line)):
            lines.add(n)
        prev = line
    return lines


def headings(path):
    with open(path) as f:
        text = f.read()
    skip = blocks(text)
    return {slug(line.lstrip('#')) for n, line in enumerate(text.splitlines(), 1)
            if line.startswith('#') and n not in skip}


def code_of(text):
    """Yield (line number, code) for code blocks and code spans, which may
    run over a line break."""
    skip = blocks(text)
    lines = text.splitlines()
    for n in sorted(skip):
        yield n, lines[n - 1]
    prose = '\n'.join('' if n in skip else line for n, line in enumerate(lines, 1))
    for m in CODE_SPAN.finditer(prose):
        yield prose.count('\n', 0, m.start()) + 1, m.group(1).replace('\n', ' ')


def repo_words(repo):
    """Every word of the Makefile, the tools and dkms.conf, but the docs
    stage's own, whose test names what exists nowhere."""
    words = set()
    files = ['Makefile', 'dkms.conf', 'Kbuild', '.ci/run']
    files += glob.glob('tools/**/*', root_dir=repo, recursive=True)
    files += glob.glob('arch/**/*', root_dir=repo, recursive=True)
    for f in files:
        if os.path.basename(f) in ('docs.py', 'docs.sh'):
            continue
        p = os.path.join(repo, f)
        if os.path.isfile(p):
            with open(p, errors='replace') as fh:
                words.update(re.findall(r'\w+', fh.read()))
    return words


def make_targets(repo):
    targets = set()
    with open(os.path.join(repo, 'Makefile')) as f:
        for line in f:
            m = re.match(r'([\w .-]+?)\s*:(?!=)', line)
            if m and not line.startswith('\t'):
                targets.update(m.group(1).split())
    return targets


def known_versions(repo, apt_versions):
    known = set()
    for f in glob.glob(os.path.join(repo, 'patches/*/base')):
        with open(f) as fh:
            known.update(VERSION.findall(fh.read()))
    with open(apt_versions) as fh:
        known.update(VERSION.findall(fh.read()))
    # A package version also stands for its upstream version:
    # 6.12.118-1~deb12u1 for 6.12.118.
    known.update(re.match(r'\d+\.\d+\.\d+', v).group(0) for v in list(known))
    return known


def ours(path):
    parts = path.split('/')
    if parts[0] not in SHARED_TOP:
        return True
    if len(parts) == 1 or not parts[1]:
        return True
    if parts[0] == 'Documentation':
        return parts[1].endswith('.md')
    if parts[0] == 'tools':
        return parts[1] in {'base', 'build', 'check', 'vm'} or '.' in parts[1]
    return False


def exists(repo, path):
    pattern = re.sub(r'<[^>]*>|\{[^}]*\}', '*', path.rstrip('/'))
    return bool(glob.glob(os.path.join(repo, pattern)))


def check(repo, doc, top, scripts, targets, words, versions):
    problems = []
    counts = {'links': 0, 'paths': 0, 'targets': 0, 'variables': 0, 'versions': 0}
    with open(doc) as f:
        text = f.read()
    here = os.path.dirname(doc)
    for n, line in enumerate(text.splitlines(), 1):
        for target in LINK.findall(line):
            if re.match(r'\w+:', target):
                continue
            counts['links'] += 1
            path, _, anchor = target.partition('#')
            full = os.path.normpath(os.path.join(here, path)) if path else doc
            if not os.path.exists(full):
                problems.append(f'{doc}:{n}: link to a missing file: {target}')
            elif anchor and full.endswith('.md') and anchor not in headings(full):
                problems.append(f'{doc}:{n}: link to a missing heading: {target}')
        for v in VERSION.findall(line):
            counts['versions'] += 1
            if v not in versions:
                problems.append(f'{doc}:{n}: a version apt and patches/*/base do not know: {v} (write a placeholder)')
    for n, code in code_of(text):
        for p in PATH.findall(code):
            p = p.rstrip('.')
            if p.startswith(('build/', '/')) or '://' in code or p.startswith('.') and not p.startswith('.ci/'):
                continue
            if '/' not in p:
                if p.endswith(('.sh', '.py', '.conf')):
                    counts['paths'] += 1
                    if p not in scripts:
                        problems.append(f'{doc}:{n}: no file of this name: {p}')
                continue
            if p.split('/')[0] not in OUR_TOP or not ours(p):
                continue
            counts['paths'] += 1
            if not exists(repo, p):
                problems.append(f'{doc}:{n}: no such path: {p}')
        for cmd in MAKE.findall(code):
            args = re.sub(r'"[^"]*"|\'[^\']*\'|<[^>]*>', '', cmd).split()
            if any(a.startswith(('-C', '-f')) for a in args):
                continue
            for a in args:
                if a.startswith('-') or '=' in a or a.isdigit():
                    continue
                counts['targets'] += 1
                if a not in targets | KBUILD_TARGETS:
                    problems.append(f'{doc}:{n}: no make target: make {a}')
        for var in VARIABLE.findall(code):
            counts['variables'] += 1
            if var not in words:
                problems.append(f'{doc}:{n}: no variable of that name in the Makefile or tools: {var}=')
    return counts, problems


def main():
    repo, apt_versions, docs = sys.argv[1], sys.argv[2], sys.argv[3:]
    top = set(os.listdir(repo)) - {'build'}
    scripts = {os.path.basename(p) for t in top
               for p in glob.glob(os.path.join(t, '**/*'), root_dir=repo, recursive=True)}
    scripts |= top
    targets = make_targets(repo)
    words = repo_words(repo)
    versions = known_versions(repo, apt_versions)
    failed = 0
    for doc in docs:
        counts, problems = check(repo, doc, top, scripts, targets, words, versions)
        summary = ', '.join(f'{v} {k}' for k, v in counts.items())
        if problems:
            failed += 1
            print(f'not ok - docs: {doc} ({len(problems)} problems)')
            for p in problems:
                print(f'# {p}')
        else:
            print(f'ok - docs: {doc} ({summary})')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
