#!/bin/sh
# Print bases of tools/base/bases for this host, a name a line:
#   list.sh default   the base make builds: the running kernel's, if it is
#                     one of the host's release, else the first of that release
#   list.sh first     the first base of the host's release
#   list.sh host      the bases of the host's release
#   list.sh running   the running kernel's base; fails, naming the host's
#                     bases, if it has none
#   list.sh check     the bases make check checks: the host's release's, then
#                     those of newer releases
# The running kernel is a base's if the base is of the host's release and
# the kernel is that release's amd64 flavour of the base's source version
# (6.12.<n>+deb13-amd64 for linux-source-6.12 on Debian 13). HOST_RELEASE and
# RUNNING_KERNEL, if set, stand for VERSION_ID and uname -r (for tests).
set -eu

bases=$(dirname "$0")/bases
host=${HOST_RELEASE:-$(. /etc/os-release && echo "${VERSION_ID:-}")}
running=${RUNNING_KERNEL:-$(uname -r)}
if [ -z "$host" ] || ! grep -vE '^(#|$)' "$bases" | awk '{ print $2 }' | grep -qx "$host"; then
	echo "list: no base in $bases for Debian '$host'; name one with BASE=" >&2
	exit 1
fi

list() {
	grep -vE '^(#|$)' "$bases" | awk -v mode="$1" -v host="$host" -v running="$running" '
		function ours() {
			v = $5
			sub(/^linux-source-/, "", v)
			gsub(/\./, "\\.", v)
			return running ~ ("^" v "\\.[0-9]+\\+deb" $2 "-amd64$")
		}
		mode == "first" && $2 == host { print $1; exit }
		mode == "running" && $2 == host && ours() { print $1; exit }
		(mode == "host" || mode == "check") && $2 == host { print $1 }
		mode == "check" && $2 + 0 > host + 0 { root[++n] = $1 }
		END { for (i = 1; i <= n; i++) print root[i] }'
}

case ${1:-} in
default)
	name=$(list running)
	[ -n "$name" ] || name=$(list first)
	echo "$name" ;;
running)
	name=$(list running)
	if [ -z "$name" ]; then
		echo "list: the running kernel $running is no base's; name one of Debian $host's:" $(list host | sed 's/^/BASE=/') >&2
		exit 1
	fi
	echo "$name" ;;
first|host|check)
	list "$1" ;;
*)
	echo "usage: list.sh default|first|host|running|check" >&2
	exit 2 ;;
esac
