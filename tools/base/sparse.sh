#!/bin/sh
# Print the sparse for C=1 builds of the kernel source SRC, or against the
# headers that fetch.sh unpacked for it: the installed one if SRC's kbuild
# accepts it, else Debian unstable's, downloaded once and unpacked into
# CACHE_DIR/sparse-unstable, if kbuild accepts that one; else "sparse",
# and kbuild's warning in the build log says it built without. 7.3's
# kbuild wants a sparse that knows __typeof_unqual__, which Debian 13's
# 0.6.4 does not.
# Usage: sparse.sh CACHE_DIR SRC
set -eu

cache=$1
src=$2
dir=$(realpath -m "$cache")/sparse-unstable

# 6.12's kbuild has no checker-valid.sh and takes any sparse that runs.
# checker-valid.sh looks for "error" in sparse's output, which a binary
# that the dynamic loader refuses does not print.
accepted() {
	"$1" --version > /dev/null 2>&1 || return
	[ ! -e "$src/scripts/checker-valid.sh" ] ||
		[ "$(sh "$src/scripts/checker-valid.sh" "$1" 2>/dev/null)" = 1 ]
}

if accepted sparse; then
	echo sparse
	exit 0
fi
if [ ! -d "$dir/root" ]; then
	release=$(. /etc/os-release && echo "$VERSION_CODENAME")
	mirror=$("$(dirname "$0")/mirror.sh" "$release" | head -n 1)
	[ -n "$mirror" ] || { echo "sparse: no $release mirror in apt's sources" >&2; exit 1; }
	rm -rf "$dir"
	mkdir -p "$dir/lists/partial" "$dir/parts"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror unstable main" \
		> "$dir/sources.list"
	# apt's own sources, pins, lists and caches stay as they are. A
	# mirror may serve unstable past its Release file's Valid-Until; the
	# signature is still checked.
	set -- -q -o Dir::Etc::SourceList="$dir/sources.list" \
		-o Dir::Etc::SourceParts="$dir/parts" \
		-o Dir::Etc::Preferences="$dir/preferences" \
		-o Dir::Etc::PreferencesParts="$dir/parts" \
		-o Dir::State::Lists="$dir/lists" \
		-o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= \
		-o Acquire::Check-Valid-Until=false
	apt-get "$@" update >&2
	(cd "$dir" && apt-get "$@" download sparse >&2)
	dpkg-deb -x "$dir"/sparse_*.deb "$dir/root.new"
	mv "$dir/root.new" "$dir/root"
	rm -rf "$dir/lists"
fi
if accepted "$dir/root/usr/bin/sparse"; then
	echo "$dir/root/usr/bin/sparse"
else
	echo sparse
fi
