#!/bin/sh
# Install what the VM test stages need: QEMU 10 or newer (bookworm's QEMU 7.2
# crashes nested SVM guests under TCG), Bochs with its BIOS and its headless
# display (term), isolinux and xorriso for the CD image Bochs boots,
# busybox-static and cpio. QEMU comes
# from the release's own suites if they have 10 (trixie), else from its
# backports suite (bookworm), which tools/base/add-suite.sh adds to apt's
# sources if they lack it.
set -eu

have() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"
}

qemu_ok() {
	have qemu-system-x86 &&
	qemu-system-x86_64 --version | awk 'NR == 1 { split($4, v, "."); exit !(v[1] >= 10) }'
}

# Whether apt's candidate of qemu-system-x86 is 10 or newer.
candidate_ok() {
	apt-cache policy qemu-system-x86 |
		awk '$1 == "Candidate:" { sub(/^[0-9]+:/, "", $2); split($2, v, ".");
			ok = v[1] >= 10 } END { exit !ok }'
}

packages="busybox-static cpio xz-utils bochs bochs-term bochsbios vgabios
	isolinux syslinux-common xorriso"
missing() {
	for p in $packages; do
		have "$p" || return 0
	done
	return 1
}

if qemu_ok && ! missing; then
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "install-vm-deps: need QEMU >= 10 and $(echo $packages) (run as root)" >&2
	exit 1
fi

release=$(. /etc/os-release && echo "$VERSION_CODENAME")
apt-get update -q
suite=
if ! candidate_ok; then
	suite=$release-backports
	"$(dirname "$0")/../base/add-suite.sh" "$suite"
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	${suite:+-t "$suite"} qemu-system-x86 qemu-system-data seabios ipxe-qemu
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	$packages
qemu_ok || { echo "install-vm-deps: QEMU is still older than 10" >&2; exit 1; }
