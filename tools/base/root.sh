#!/bin/sh
# Run COMMAND in this directory, inside a Debian root of release CODENAME:
# a debootstrap minbase root made once from the mirror apt uses and kept in
# CACHE/roots/CODENAME. /proc, /dev, /dev/pts and this directory are mounted inside
# for the run, at the same paths, and unmounted when it ends, however it
# ends. One run at a time uses a root.
# Usage: root.sh CACHE CODENAME COMMAND...
set -eu

cache=$1
codename=$2
shift 2
root=$cache/roots/$codename
here=$(pwd)
tools=$(dirname "$0")

mkdir -p "$cache/roots"
exec 9> "$root.lock"
flock 9

if [ ! -e "$root/.made" ]; then
	[ "$(id -u)" = 0 ] || { echo "root: making a $codename root needs root" >&2; exit 1; }
	host=$(. /etc/os-release && echo "$VERSION_CODENAME")
	main=$("$tools/mirror.sh" "$host" | head -n 1)
	security=$("$tools/mirror.sh" "$host-security" | head -n 1)
	[ -n "$main" ] || { echo "root: no $host mirror in apt's sources" >&2; exit 1; }
	[ -n "$security" ] || security=${main%/debian}/debian-security
	"$tools/install-deps.sh" install debootstrap
	rm -rf "$root.new"
	debootstrap --variant=minbase --include=git,make,ca-certificates \
		"$codename" "$root.new" "$main" >&2
	rm -f "$root.new/etc/apt/sources.list"
	cat > "$root.new/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $main
Suites: $codename $codename-updates $codename-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $codename-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
	chroot "$root.new" apt-get update -q >&2
	touch "$root.new/.made"
	mv "$root.new" "$root"
fi

mounted=""
unmount() {
	for m in $mounted; do
		umount "$m" 2>/dev/null || umount -l "$m"
	done
}
trap unmount EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mounted="$root/proc"
mount --bind /dev "$root/dev"
mounted="$root/dev $mounted"
# Bochs's terminal display runs under script(1), which needs a pty.
mount --bind /dev/pts "$root/dev/pts"
mounted="$root/dev/pts $mounted"
mkdir -p "$root$here"
mount --bind "$here" "$root$here"
mounted="$root$here $mounted"

KVM_OOT_ROOT=$codename chroot "$root" sh -c 'cd "$1" && shift && exec "$@"' \
	sh "$here" "$@"
