#!/bin/sh
# Install what the VM test stage needs: QEMU from bookworm-backports (bookworm's
# QEMU 7.2 crashes nested SVM guests under TCG), busybox-static and cpio.
# The backports suite is added with the mirror apt already uses for bookworm.
set -eu

list=/etc/apt/sources.list.d/kvm-oot-backports.sources

have() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"
}

qemu_ok() {
	have qemu-system-x86 &&
	qemu-system-x86_64 --version | awk 'NR == 1 { split($4, v, "."); exit !(v[1] >= 10) }'
}

if qemu_ok && have busybox-static && have cpio && have xz-utils; then
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "install-vm-deps: need QEMU >= 10, busybox-static and cpio (run as root)" >&2
	exit 1
fi

if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	mirror=$(awk '/^URIs:/ { u = $2 } /^Suites:/ && / bookworm( |$)/ { print u; exit }' \
		/etc/apt/sources.list.d/*.sources 2>/dev/null || true)
	[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' \
		/etc/apt/sources.list 2>/dev/null || true)
	[ -n "$mirror" ] || { echo "install-vm-deps: no bookworm mirror in apt's sources" >&2; exit 1; }
	cat > "$list" <<SOURCES
Types: deb
URIs: $mirror
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	-t bookworm-backports qemu-system-x86 qemu-system-data seabios ipxe-qemu
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	busybox-static cpio xz-utils
qemu_ok || { echo "install-vm-deps: QEMU is still older than 10" >&2; exit 1; }
