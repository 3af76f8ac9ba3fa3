#!/bin/sh
# Install the Debian packages that building and checking kvm-oot needs.
# Run as root; does nothing when everything is already there.
set -eu

need="git rsync xz-utils sparse dwarves bc perl python3 python3-ply python3-git gcc-12 make kmod"

missing=""
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "install-deps: missing packages:$missing (run as root or install them)" >&2
	exit 1
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
