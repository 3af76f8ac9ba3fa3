#!/bin/sh
# Make apt fetch from SUITE (e.g. trixie-backports, which a default install
# does not list) if none of apt's sources has it: add it with the mirror apt
# uses for its release, and update apt's lists.
# Usage: add-suite.sh SUITE
set -eu

suite=$1
tools=$(dirname "$0")
list=/etc/apt/sources.list.d/kvm-oot-$suite.sources

[ -n "$("$tools/mirror.sh" "$suite")" ] && exit 0
release=${suite%%-*}
mirror=$("$tools/mirror.sh" "$release" | head -n 1)
[ -n "$mirror" ] || { echo "add-suite: no $release mirror in apt's sources for $suite" >&2; exit 1; }
case $suite in
*-security) mirror=${mirror%/debian}/debian-security ;;
esac
if [ "$(id -u)" != 0 ]; then
	echo "add-suite: apt's sources lack $suite; add it ($mirror), or run as root" >&2
	exit 1
fi
cat > "$list" <<SOURCES
Types: deb
URIs: $mirror
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
echo "add-suite: added $suite ($mirror) to apt's sources in $list" >&2
apt-get update -q >&2
