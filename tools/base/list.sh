#!/bin/sh
# Print bases of tools/base/bases for this host, a name a line:
#   list.sh default   the base make builds: the first of the host's release
#   list.sh check     the bases make check checks: the host's release's, then
#                     those of newer releases
set -eu

bases=$(dirname "$0")/bases
host=$(. /etc/os-release && echo "${VERSION_ID:-}")
if [ -z "$host" ] || ! grep -vE '^(#|$)' "$bases" | awk '{ print $2 }' | grep -qx "$host"; then
	echo "list: no base in $bases for this release ($(. /etc/os-release && echo "$PRETTY_NAME")); name one with BASE=" >&2
	exit 1
fi

grep -vE '^(#|$)' "$bases" | awk -v mode="$1" -v host="$host" '
	mode == "default" && $2 == host { print $1; exit }
	mode == "check" && $2 == host { print $1 }
	mode == "check" && $2 + 0 > host + 0 { root[++n] = $1 }
	END { for (i = 1; i <= n; i++) print root[i] }'
