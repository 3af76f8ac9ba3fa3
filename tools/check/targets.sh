#!/bin/sh
# The targets stage: make's front doors act on the base and series they
# are meant for. Runs make in SCRATCH, a copy of the repository whose
# build/cache is BUILD's (so that a base already fetched is not fetched
# again): make export writes only to the series its work tree was made
# from; make and make install pick the running kernel's base, and make
# install stops before fetching anything when the running kernel is no
# base's, and before building when it is another version of its base.
# make install runs with -n: where its checks fail, it must not install.
# Usage: targets.sh BUILD SCRATCH
set -eu

build=$(realpath "$1")
scratch=$2
tools=$(pwd)/tools

rm -rf "$scratch"
mkdir -p "$scratch/build"
cp -r Makefile Kbuild arch tools patches dkms.conf "$scratch"
ln -s "$build/cache" "$scratch/build/cache"
cd "$scratch"

# make without what the make check that runs this was given (BASE=, ...).
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BASE -u BASE_VERSION \
		-u KDIR -u KSRC -u SERIES -u INSTALL_MOD_PATH make "$@"
}
sums() {
	find "$@" -type f | sort | xargs sha256sum
}
result() {
	if [ "$1" = 0 ]; then echo "ok - targets: $2"; else echo "not ok - targets: $2"; fi
}

# A work tree of a one-commit kernel with a one-patch series, as make tree
# BASE=7.3 makes it.
git init -q kernel
echo 'int x;' > kernel/kvm.c
git -C kernel add kvm.c
git -C kernel -c user.name=t -c user.email=t@t commit -q -m 'base: 7.3.<n>'
git -C kernel tag base
echo 'int y;' >> kernel/kvm.c
git -C kernel -c user.name=t -c user.email=t@t commit -q -a -m 'KVM: x86: Add y'
mkdir one
git -C kernel format-patch -q --zero-commit --no-signature --no-numbered \
	-o ../one base..HEAD
ls one > series && mv series one/
"$tools/build/work-tree.sh" kernel one build/tree 7.3 \
	'linux-source-7.3 7.3.<n>-1~bpo13+1 trixie-backports' > export.log
git -C build/tree config kvm-oot.series patches/7.3

rc=0
six=$(sums patches/6.12)
mk -s export >> export.log 2>&1 || rc=1
[ "$(cat patches/7.3/series)" = "$(cat one/series)" ] || rc=1
cmp -s "patches/7.3/$(cat one/series)" "one/$(cat one/series)" || rc=1
grep -q "^tree    $(git -C kernel rev-parse 'base^{tree}')\$" patches/7.3/base || rc=1
[ "$(sums patches/6.12)" = "$six" ] || rc=1
result $rc "make export of a work tree of patches/7.3 writes it and its base file, and leaves patches/6.12 alone"

rc=0
before=$(sums patches)
mk -s export BASE=6.12-deb12 >> export.log 2>&1 && rc=1
mk -s export SERIES=patches/6.12 >> export.log 2>&1 && rc=1
[ "$(sums patches)" = "$before" ] || rc=1
result $rc "make export BASE=6.12-deb12 and SERIES=patches/6.12 refuse a work tree of patches/7.3, and write nothing"

rc=0
git -C build/tree config --unset kvm-oot.series
mk -s export >> export.log 2>&1 && rc=1
[ "$(sums patches)" = "$before" ] || rc=1
result $rc "make export refuses a work tree that records no series"

# Which base: 12 and 13 stand for the hosts' releases.
rc=0
while read -r host running want; do
	got=$(HOST_RELEASE=$host RUNNING_KERNEL=$running tools/base/list.sh default) || got=error
	if [ "$got" != "$want" ]; then
		echo "# Debian $host running $running: base $got, not $want"
		rc=1
	fi
done <<LIST
13 7.3.4+deb13-amd64 7.3
13 7.3.9+deb13-amd64 7.3
13 6.12.118+deb13-amd64 6.12-deb13
13 6.12.118+deb13-cloud-amd64 6.12-deb13
12 6.12.118+deb12-amd64 6.12-deb12
12 6.12.95+bpo-amd64 6.12-deb12
12 6.1.0-30-amd64 6.12-deb12
LIST
result $rc "make builds the running kernel's base (7.3 on Debian 13 running 7.3), else the release's first"

rc=0
first=$(tools/base/list.sh first)
host=$(. /etc/os-release && echo "$VERSION_ID")
RUNNING_KERNEL=6.1.0-30-amd64 mk -n install > install.log 2>&1 && rc=1
grep -q "running kernel 6.1.0-30-amd64 is no base's; name one of Debian $host's: BASE=$first" install.log || rc=1
[ ! -e "build/$first.mk" ] || rc=1
result $rc "make install on a kernel that is no base's stops before fetching, naming BASE=$first"

# Another version of the base: X.Y.0, which apt never has.
if [ -e "$build/$first.mk" ]; then
	running=$(sed -n 's/^KREL := \([0-9]*\.[0-9]*\)\.[0-9]*/\1.0/p' "$build/$first.mk")
	rc=0
	RUNNING_KERNEL=$running mk -n install >> install.log 2>&1 && rc=1
	grep -q "apt's base $first is .*, the running kernel $running: .* KDIR=/lib/modules/$running/build" install.log || rc=1
	result $rc "make install on another version of base $first ($running) stops after resolving it, naming KDIR="
else
	echo "ok - targets: make install on another version of a base # SKIP base $first not fetched by this run"
fi
