#!/bin/sh
# make check: run make check-base for each base NAME, a base of another
# Debian release than the host's in a root of that release
# (tools/base/root.sh), then count every base's results. The first base
# of the host's release also gets the debug stage, unless DEBUG is 0, and with
# DEBUG=1 the host's other bases do; bases in a root never do. Without
# STAGES, a base's debug stage runs after every base, in a make check-base
# of its own: the base builds its kernel in the background, at the lowest
# priority, while it and the bases after it are checked (DEBUG=later,
# tools/check/run.sh), and its results follow the base's.
# Then, unless STAGES leaves them out, the docs and targets stages, which
# check the repository once, whatever the bases; then the run's results
# go to BUILD/check/results.ktap and junit.xml, which the reports stage
# checks.
# Usage: bases.sh BUILD CACHE NAME...
set -eu

build=$1
cache=$2
shift 2
bases=$(dirname "$0")/../base/bases
host=$(. /etc/os-release && echo "${VERSION_ID:-}")
make=${MAKE:-make}
debug_base=$("$(dirname "$0")/../base/list.sh" first 2>/dev/null || true)

mkdir -p "$build/check"
# A full disk shows up as some tool's write error; the free space next to
# each base's result says what happened.
free() {
	gb=$(df -Pk "$build" | awk 'NR == 2 { print int($4 / 1048576) }')
	echo "$gb GB free in $build"
}

echo "# $(free)"
results=""
rm -f "$build/check/debug-later" "$build"/check/debug-kernel-*.pid
# End the background build of base NAME's debug kernel (tools/check/run.sh)
# if it still runs: the process group whose leader it is.
stop_debug_kernel() {
	pid=$(cat "$build/check/debug-kernel-$1.pid" 2>/dev/null) || return 0
	rm -f "$build/check/debug-kernel-$1.pid"
	grep -q debug-kernel "/proc/$pid/cmdline" 2>/dev/null || return 0
	kill -- "-$pid" 2>/dev/null || true
}
stop_debug_kernels() {
	for name in $(cat "$build/check/debug-later" 2>/dev/null); do
		stop_debug_kernel "$name"
	done
}
trap stop_debug_kernels EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
# Say that make check-base failed, in the base's RESULTS too.
# Usage: failed RESULTS LOG WHAT START
failed() {
	echo "# stage make $(($(date +%s) - $4)) $2" >> "$1"
	echo "not ok - $name: $3 exited with $(cat "$2.rc" 2>/dev/null || echo 0) ($(free)); see $2" |
		tee -a "$1"
}
# STAGES naming only the repository's stages checks no base.
base_stages=""
for stage in ${STAGES:-}; do
	case $stage in docs|targets|reports) ;; *) base_stages="$base_stages $stage" ;; esac
done
[ -n "${STAGES:-}" ] && [ -z "$base_stages" ] && set --
# A Debian root that a base after the first needs and that does not exist
# yet is made in the background while the first is checked, with what
# every base installs in it (root.sh's lock makes the base wait for it).
for codename in $(for name in "$@"; do
		[ "$name" = "$1" ] || awk -v b="$name" -v h="$host" \
			'$1 == b && $2 != h { print $3 }' "$bases"
	done | sort -u); do
	[ ! -e "$cache/roots/$codename/.made" ] || continue
	# Not beside the first base's apt-get on the host: it would find apt
	# locked.
	"$(dirname "$0")/../base/install-deps.sh" install debootstrap
	echo "# making the Debian $codename root in the background; log: $build/check/root-$codename.log"
	"$(dirname "$0")/../base/root.sh" "$cache" "$codename" sh -c \
		'tools/base/install-deps.sh install flex bison libelf-dev libssl-dev uuid-dev &&
		 tools/vm/install-deps.sh' > "$build/check/root-$codename.log" 2>&1 &
done
# series=base, a word each: the base that runs each series' Intel VMs
intel=""
for name in "$@"; do
	out=$build/check/$name.results
	results="$results $out"
	rm -f "$out"
	series=$(awk -v b="$name" '$1 == b { print $NF }' "$bases")
	first=$(echo $intel | tr ' ' '\n' | sed -n "s|^${series:-none}=||p")
	# INTEL=<base>: that base of the same series, checked in a job of its
	# own, runs the series' Intel VMs (Documentation/ci.md).
	if [ -z "$first" ] && [ -n "${INTEL:-}" ] && [ "$INTEL" != "$name" ] &&
	   [ "$(awk -v b="$INTEL" '$1 == b { print $NF }' "$bases")" = "$series" ]; then
		first=$INTEL
	fi
	[ -n "$first" ] || first=$name
	echo "$intel" | grep -q " ${series:-none}=" || intel="$intel ${series:-none}=$first"
	[ "$first" != "$name" ] || first=
	set -- $(awk -v b="$name" '$1 == b { print $2, $3 }' "$bases")
	start=$(date +%s)
	log=$build/check/$name.log
	rm -f "$log.rc"
	# The base's whole output also goes to LOG, which a failure names.
	{ if [ $# = 0 ] || [ "$1" = "$host" ]; then
		echo "# base $name: on this host"
		debug=${DEBUG:-0}
		[ "$name" = "$debug_base" ] && debug=${DEBUG:-1}
		if [ "$name" = "$debug_base" ] && [ "$debug" = 1 ] &&
		   [ -z "${STAGES:-}" ]; then
			debug=later
			echo "$name" >> "$build/check/debug-later"
		fi
		$make --no-print-directory check-base BASE="$name" DEBUG="$debug" \
			INTEL="$first" || echo $? > "$log.rc"
	  else
		echo "# base $name: in a Debian $1 ($2) root in $cache/roots"
		"$(dirname "$0")/../base/root.sh" "$cache" "$2" \
			$make --no-print-directory check-base BASE="$name" DEBUG=0 \
			INTEL="$first" || echo $? > "$log.rc"
	  fi; } 2>&1 | tee "$log"
	if [ -e "$log.rc" ] || [ ! -s "$out" ]; then
		failed "$out" "$log" "make check-base" "$start"
	fi
	echo "# base $name: $(($(date +%s) - start)) s, $(free)"
done
# The debug stages left for after every base (DEBUG=later), unless the
# base's make check-base failed (it said so) or its series did not apply.
for name in $(cat "$build/check/debug-later" 2>/dev/null); do
	out=$build/check/$name.results
	if [ -e "$build/check/$name.log.rc" ]; then
		stop_debug_kernel "$name"
		continue
	fi
	if awk '/^# stage / { stage = $3 } stage == "series" && /^not ok / { failed = 1 }
		END { exit !failed }' "$out"; then
		stop_debug_kernel "$name"
		echo "# stage debug 0 $build/check/$name.log" >> "$out"
		echo "ok - $name: debug # SKIP the series does not apply" | tee -a "$out"
		continue
	fi
	start=$(date +%s)
	log=$build/check/$name-debug.log
	rm -f "$log.rc"
	cp "$out" "$out.base"
	# The package set that the base's make check-base checked.
	version=$(sed -n 's/^BASE_VERSION := //p' "$build/$name.mk")
	{ echo "# base $name: the debug stage"
	  $make --no-print-directory check-base BASE="$name" \
		BASE_VERSION="$version" STAGES=debug DEBUG=1 || echo $? > "$log.rc"
	} 2>&1 | tee "$log"
	# A stage that took a saved result did not wait for the kernel.
	stop_debug_kernel "$name"
	# make check-base wrote its results over the base's.
	if cmp -s "$out" "$out.base"; then
		failed "$out" "$log" "make check-base STAGES=debug" "$start"
	else
		cat "$out.base" "$out" > "$out.all"
		mv "$out.all" "$out"
		[ ! -e "$log.rc" ] ||
			failed "$out" "$log" "make check-base STAGES=debug" "$start"
	fi
	rm "$out.base"
	echo "# base $name, debug stage: $(($(date +%s) - start)) s, $(free)"
done
# The stages that check the repository, not a base: after the bases, which
# leave the Debian roots' package lists and a fetched base behind.
case " ${STAGES:-docs reports} " in
*" docs "*|*" reports "*) "$(dirname "$0")/../base/install-deps.sh" install python3 python3-yaml ;;
esac
out=$build/check/repository.results
results="$results $out"
: > "$out"
for stage in docs targets; do
	case " ${STAGES:-docs targets} " in *" $stage "*) ;; *) continue ;; esac
	start=$(date +%s)
	{ if [ "$stage" = docs ]; then
		"$(dirname "$0")/docs.sh" "$cache" "$build/check/docs"
	  else
		"$(dirname "$0")/targets.sh" "$build" "$build/check/targets"
	  fi || echo "not ok - $stage: the stage exited with $?"; } \
		2> "$build/check/$stage.log" > "$build/check/$stage.tap"
	echo "# stage $stage $(($(date +%s) - start)) $build/check/$stage.log" >> "$out"
	tee -a "$out" < "$build/check/$stage.tap"
	echo "# stage $stage: $(($(date +%s) - start)) s (details: $build/check/$stage.log)"
done
# The run's results for CI servers, KTAP and JUnit; the reports stage
# checks them, and they are written again with its lines.
ktap=$build/check/results.ktap
junit=$build/check/junit.xml
python3 "$(dirname "$0")/report.py" "$ktap" "$junit" $results
if case " ${STAGES:-reports} " in *" reports "*) true ;; *) false ;; esac; then
	start=$(date +%s)
	{ "$(dirname "$0")/reports.sh" "$build" "$build/check/reports" $results ||
		echo "not ok - reports: the stage exited with $?"; } \
		2> "$build/check/reports.log" > "$build/check/reports.tap"
	echo "# stage reports $(($(date +%s) - start)) $build/check/reports.log" >> "$out"
	tee -a "$out" < "$build/check/reports.tap"
	python3 "$(dirname "$0")/report.py" "$ktap" "$junit" $results
fi
echo "# results for CI: $ktap (KTAP), $junit (JUnit XML)"
"$(dirname "$0")/summary.sh" $results
