# Functions that builds.sh and tdx.sh share, for comparing the diagnostics
# of kernel module builds. Sourced, not run.

# The diagnostics of build log LOG, one "<file>: <warning|error>: <message>"
# a line, sorted, paths relative to the module tree MOD or the kernel
# build directory KDIR.
# Usage: diagnostics LOG MOD KDIR
diagnostics() {
	grep -E '^[^ :]+:[0-9]+:([0-9]+:)? (warning|error): ' "$1" |
		sed -E -e ':a' -e 's|/[^/]+/\.\./|/|' -e 'ta' |
		awk -v m="$2/" -v k="$3/" '
			index($0, m) == 1 { $0 = substr($0, length(m) + 1) }
			index($0, k) == 1 { $0 = substr($0, length(k) + 1) }
			{ print }' |
		sed -E 's|^([^:]+):[0-9]+:([0-9]+:)? |\1: |' | sort || true
}

# Lines of file $2 that occur more often than in file $1, which may be
# empty.
new_lines() {
	awk 'FILENAME == ARGV[1] { seen[$0]++; next } seen[$0]-- <= 0' "$1" "$2"
}

# What the build of log $1 checked with sparse $2: kbuild turns C=1 off,
# with a warning, when sparse is missing or too old for the source.
checks() {
	if grep -q 'C=1 specified, but .* not available or not up to date' "$1"; then
		echo "W=1 but not sparse (kbuild found it missing or too old)"
	else
		echo "W=1 and sparse $("$2" --version)"
	fi
}

# Print the errors of the failed build of log $1 as TAP comments.
errors() {
	grep -E '^(error|fatal): |: (error|undefined)|\*\*\* ' "$1" | head -n 5 | sed 's/^/# /'
}
