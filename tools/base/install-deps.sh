#!/bin/sh
# Install the Debian packages that building and checking kvm-oot needs, and
# the PACKAGEs named (the kernel's compiler, debootstrap); does nothing when
# everything is already there.
# Usage: install-deps.sh [install|check] [PACKAGE...]
# "check" (make DEPS=check, which dkms.conf passes) never runs apt-get: a
# missing package is an error that names the packages and the apt-get
# command to run. The same happens when not running as root, and inside a
# dpkg run (DPKG_MAINTSCRIPT_PACKAGE is set, as when a kernel package's
# postinst runs DKMS), where dpkg holds the lock that apt-get needs.
set -eu

mode=${1:-install}
[ $# -gt 0 ] && shift
# gcc and libc6-dev build the host tools, the selftests and the uapi checks.
need="git rsync xz-utils sparse dwarves bc perl python3 python3-ply python3-git python3-yaml"
need="$need gcc libc6-dev make kmod $*"

case $mode in
install|check) ;;
*)	echo "install-deps: unknown mode '$mode' (install or check)" >&2
	exit 1 ;;
esac

missing=""
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

why=""
[ "$mode" = check ] && why="DEPS=check, as in a DKMS build"
[ -n "${DPKG_MAINTSCRIPT_PACKAGE:-}" ] &&
	why="run by dpkg for $DPKG_MAINTSCRIPT_PACKAGE, which holds apt's lock"
[ "$(id -u)" != 0 ] && why="not running as root"
if [ -n "$why" ]; then
	echo "install-deps: missing build dependencies:$missing" >&2
	echo "install-deps: not installing them ($why); install them first, as root:" >&2
	echo "    apt-get install$missing" >&2
	exit 1
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
