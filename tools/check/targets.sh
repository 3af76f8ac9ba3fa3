#!/bin/sh
# The targets stage: make's front doors act on the base and series they
# are meant for. Runs make in SCRATCH, a copy of the repository whose
# build/cache is BUILD's (so that a base already fetched is not fetched
# again): make export writes only to the series its work tree was made
# from; make and make install pick the running kernel's base, and make
# install stops before fetching anything when the running kernel is no
# base's, and before building when it is another version of its base.
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

sums() {
	find patches -type f | sort | xargs sha256sum
}
result() {
	if [ "$1" = 0 ]; then echo "ok - targets: $2"; else echo "not ok - targets: $2"; fi
}

# A work tree of a one-commit kernel with a one-patch series, as make tree
# makes it for patches/6.12.
git init -q kernel
echo 'int x;' > kernel/kvm.c
git -C kernel add kvm.c
git -C kernel -c user.name=t -c user.email=t@t commit -q -m 'base: 6.12.<n>'
git -C kernel tag base
echo 'int y;' >> kernel/kvm.c
git -C kernel -c user.name=t -c user.email=t@t commit -q -a -m 'KVM: x86: Add y'
mkdir one
git -C kernel format-patch -q --zero-commit --no-signature --no-numbered \
	-o ../one base..HEAD
ls one > series && mv series one/
"$tools/build/work-tree.sh" kernel one build/tree 6.12-deb12 \
	'linux-source-6.12 6.12.<n>-1~deb12u1 bookworm-security' > export.log
git -C build/tree config kvm-oot.series patches/6.12

before=$(sums)
rc=0
make -s export BASE=7.3 >> export.log 2>&1 && rc=1
make -s export SERIES=patches/7.3 >> export.log 2>&1 && rc=1
[ "$(sums)" = "$before" ] || rc=1
result $rc "make export BASE=7.3 and SERIES=patches/7.3 refuse a work tree of patches/6.12, and write nothing"

rc=0
seven=$(find patches/7.3 -type f | sort | xargs sha256sum)
make -s export >> export.log 2>&1 || rc=1
[ "$(cat patches/6.12/series)" = "$(cat one/series)" ] || rc=1
cmp -s "patches/6.12/$(cat one/series)" "one/$(cat one/series)" || rc=1
grep -q "^tree    $(git -C kernel rev-parse 'base^{tree}')\$" patches/6.12/base || rc=1
[ "$(find patches/7.3 -type f | sort | xargs sha256sum)" = "$seven" ] || rc=1
result $rc "make export writes the work tree's series and its base file, and leaves patches/7.3 alone"

rc=0
git -C build/tree config --unset kvm-oot.series
before=$(sums)
make -s export >> export.log 2>&1 && rc=1
[ "$(sums)" = "$before" ] || rc=1
result $rc "make export refuses a work tree that records no series"

# Which base: 12 and 13 stand for the hosts' releases.
rc=0
while read -r host running want; do
	got=$(HOST_RELEASE=$host RUNNING_KERNEL=$running tools/base/list.sh default)
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
12 6.1.0-30-amd64 6.12-deb12
LIST
result $rc "make builds the running kernel's base (7.3 on Debian 13 running 7.3), else the release's first"

rc=0
host=$(. /etc/os-release && echo "$VERSION_ID")
first=$(tools/base/list.sh first)
RUNNING_KERNEL=6.1.0-30-amd64 make install > install.log 2>&1 && rc=1
grep -q "running kernel 6.1.0-30-amd64 is no base's; name one of Debian $host's: BASE=$first" install.log || rc=1
[ ! -e "build/$first.mk" ] || rc=1
result $rc "make install on a kernel that is no base's stops before fetching, naming BASE=$first"

if [ -e "$build/$first.mk" ]; then
	krel=$(sed -n 's/^KREL := //p' "$build/$first.mk")
	rc=0
	RUNNING_KERNEL=$(echo "$krel" | sed 's/^\([0-9]*\.[0-9]*\)\.[0-9]*/\1.1/') \
		make install >> install.log 2>&1 && rc=1
	grep -q "base $first is $krel in apt, the running kernel .*BASE_VERSION=" install.log || rc=1
	[ ! -d "build/$(sed -n 's/^BASE_ID := //p' "$build/$first.mk")/modules" ] || rc=1
	result $rc "make install on another version of base $first stops before building, naming BASE_VERSION="
else
	echo "ok - targets: make install on another version of a base # SKIP base $first not fetched by this run"
fi
