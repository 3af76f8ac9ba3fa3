#!/bin/sh
# The docs stage: what README.md and Documentation/*.md name exists
# (tools/check/docs.py), versions checked against the package lists of the
# host's apt and of the Debian roots in CACHE; and the checker fails on a
# document, in SCRATCH, that names a missing path, link, make target,
# variable and version.
# Usage: docs.sh CACHE SCRATCH
set -eu

cache=$1
scratch=$2
lists=/var/lib/apt/lists
for d in "$cache"/roots/*/var/lib/apt/lists; do
	[ -d "$d" ] && lists="$lists $d"
done

rc=0
python3 tools/check/docs.py . $lists -- README.md Documentation/*.md || rc=1

rm -rf "$scratch"
mkdir -p "$scratch"
cat > "$scratch/bad.md" <<'DOC'
Run `make no-such-target NO_SUCH_VARIABLE=1`, read
`tools/vm/no-such-list` and [this](no-such.md), on 6.12.1+deb12.
DOC
python3 tools/check/docs.py . $lists -- "$scratch/bad.md" > "$scratch/bad.tap" || true
if [ "$(grep -c '^# ' "$scratch/bad.tap")" = 5 ] &&
   grep -q "no-such-target" "$scratch/bad.tap" && grep -q NO_SUCH_VARIABLE "$scratch/bad.tap" &&
   grep -q tools/vm/no-such-list "$scratch/bad.tap" && grep -q no-such.md "$scratch/bad.tap" &&
   grep -q 6.12.1+deb12 "$scratch/bad.tap"; then
	echo "ok - docs: the check fails on a document naming a missing path, link, make target, variable and version"
else
	echo "not ok - docs: the check misses what a document names that does not exist"
	sed 's/^/# /' "$scratch/bad.tap"
	rc=1
fi
exit $rc
