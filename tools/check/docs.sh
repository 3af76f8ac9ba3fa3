#!/bin/sh
# The docs stage: what README.md and Documentation/*.md name exists
# (tools/check/docs.py), versions checked against the linux-* packages of
# the host's apt lists and those of the Debian roots in CACHE; and the
# checker fails on a document, in SCRATCH, that names a missing path,
# link, make target, variable and version; the CI examples of ci.md
# (tools/check/ci-examples.py), and that check fails on one without a
# base. A failed check is a "not ok"
# line; the exit status is non-zero only if the stage could not run.
# Usage: docs.sh CACHE SCRATCH
set -eu

cache=$1
scratch=$2

rm -rf "$scratch"
mkdir -p "$scratch"
for f in /var/lib/apt/lists/*_Packages* "$cache"/roots/*/var/lib/apt/lists/*_Packages*; do
	[ -e "$f" ] && /usr/lib/apt/apt-helper cat-file "$f"
done | awk '/^Package: / { take = $2 ~ /^linux-/; if (take) print $2 }
	take && /^Version: / { print $2 }' > "$scratch/apt-versions"
echo "# docs: $(wc -l < "$scratch/apt-versions") names and versions of linux-* packages in apt's lists"

python3 tools/check/docs.py . "$scratch/apt-versions" README.md Documentation/*.md || true

cat > "$scratch/bad.md" <<'DOC'
Run `make no-such-target NO_SUCH_VARIABLE=1`, read
`tools/vm/no-such-list` and [this](no-such.md), on 6.12.1+deb12.
DOC
python3 tools/check/docs.py . "$scratch/apt-versions" "$scratch/bad.md" > "$scratch/bad.tap" || true
if [ "$(grep -c '^# ' "$scratch/bad.tap")" = 5 ] &&
   grep -q "no-such-target" "$scratch/bad.tap" && grep -q NO_SUCH_VARIABLE "$scratch/bad.tap" &&
   grep -q tools/vm/no-such-list "$scratch/bad.tap" && grep -q no-such.md "$scratch/bad.tap" &&
   grep -q 6.12.1+deb12 "$scratch/bad.tap"; then
	echo "ok - docs: the check fails on a document naming a missing path, link, make target, variable and version"
else
	echo "not ok - docs: the check misses what a document names that does not exist"
	sed 's/^/# /' "$scratch/bad.tap"
fi

# The CI examples of ci.md; and the check fails on one that leaves a base out.
rc=0
python3 tools/check/ci-examples.py tools/base/bases Documentation/ci.md \
	> "$scratch/ci-examples.tap" || rc=$?
cat "$scratch/ci-examples.tap"
[ "$rc" = 0 ] || grep -q '^not ok ' "$scratch/ci-examples.tap" ||
	echo "not ok - docs: tools/check/ci-examples.py exited with $rc # see the stage's log"
sed '/^      - BASE: "7.3"/,+2d' Documentation/ci.md > "$scratch/ci.md"
python3 tools/check/ci-examples.py tools/base/bases "$scratch/ci.md" > "$scratch/ci.tap" || true
if grep -q '^not ok - docs: .gitlab-ci.yml: the matrix runs every base' "$scratch/ci.tap"; then
	echo "ok - docs: the CI examples' check fails on an example without base 7.3"
else
	echo "not ok - docs: the CI examples' check misses an example without base 7.3 # see $scratch/ci.tap"
fi
