#!/bin/sh
# Run the checks of one base, one stage after the other, and print a result
# line per check as it finishes, the base's NAME after "ok - "; the lines
# also go to OUT/check/results, which tools/check/summary.sh counts.
# Usage: run.sh NAME OUT SERIES_DIR KDIR JOBS [STAGE...]
# Stages print TAP lines ("ok - ...", "not ok - ...", "... # SKIP reason")
# on stdout and write their details to OUT/check/*.log. The vm, intel,
# stock and mutant stages take the kernel image, its modules, the selftests
# and the time limit from $VM_ARGS, the test to run from $T; the vm and intel
# stages their KVM modules from $VM_KVM, which make check points at what the
# builds stage built of the whole series. DEBUG=1 adds the debug stage,
# which keeps its kernels in $KVM_OOT_CACHE; DEBUG=later leaves it to a
# run of its own after this one and builds its kernel meanwhile, at the
# lowest priority, in the time the other stages leave a CPU idle
# (tools/check/bases.sh). INTEL=<base> leaves the Intel
# VMs (the intel stage, the stock and mutant stages' Intel configurations)
# to that base, which make check checks with the same series.
set -eu

name=$1
out=$2
series=$3
kdir=$4
jobs=$5
shift 5
stages=${*:-series checkpatch builds abi uapi tdx vm intel stock mutant}
[ $# = 0 ] && [ "${DEBUG:-0}" = 1 ] && stages="$stages debug"

logs=$out/check
mkdir -p "$logs"
results=$logs/results
: > "$results"

# builds reads the tree that series made, abi the modules that builds made:
# each runs only on what was made from the series as it is now.
made_from_series() {
	cmp -s "$out/series.sum" "$logs/$1.sum"
}

# checkpatch and uapi read nothing but the source, the series and the
# checks, and the mutant stage is run once for each source and series too:
# a base with the same source as one checked before (Debian 12's and 13's
# 6.12 are the same tree) takes over its passing results, each line saying
# whose it is. PATHS are what the stage reads besides tools/check and the
# series.
shared=$(dirname "$out")/check/shared

# Run COMMAND, its output going on as it comes and into FILE too; return
# its exit status.
# Usage: keep FILE COMMAND...
keep() {
	file=$1
	shift
	rm -f "$file.rc"
	{ "$@" || echo $? > "$file.rc"; } | tee "$file"
	[ ! -e "$file.rc" ] || return "$(cat "$file.rc")"
}

shared_key() {
	{ git -C "$out/base" rev-parse 'base^{tree}'
	  echo "${VM_ACCEL:-}"
	  cat "$out/series.sum"
	  find tools/check "$series" "$@" -type f | sort | xargs cat; } |
		sha256sum | cut -c1-32
}
# Usage: source_stage STAGE "PATHS" COMMAND...
source_stage() {
	which=$1
	saved=$shared/$1-$(shared_key $2)
	if [ -e "$saved.tap" ]; then
		whose="result of base $(cat "$saved.base"), same source and series"
		[ "$(cat "$saved.base")" = "$name" ] &&
			whose="result of an earlier run, same inputs"
		sed -E "/^(not )?ok /s/( # .*)?\$/ ($whose)\1/" "$saved.tap" |
			if [ "${INTEL:-yes}" != yes ]; then
				# The Intel configurations are left to that base.
				grep -v -E "^(not )?ok - mutant [^ ]+ ($(awk '$3 == "intel" { print $1 }' tools/vm/configs | paste -s -d '|')) " || true
			else
				cat
			fi
		return
	fi
	shift 2
	keep "$logs/source-stage.tap" "$@" || return
	# Mutants of a run that left the Intel configurations to another base
	# would be taken over without them.
	if ! grep -q '^not ok ' "$logs/source-stage.tap" &&
	   { [ "$which" != mutant ] || [ "${INTEL:-yes}" = yes ]; }; then
		mkdir -p "$shared"
		echo "$name" > "$saved.base"
		mv "$logs/source-stage.tap" "$saved.tap"
	fi
}

# The VM stages read the kernel image and its modules, the KVM modules, the
# selftests, tools/vm's lists and scripts, the headers (the debug stage
# builds against its own kernel from the series tree), the emulators and
# how they run (VM_ACCEL, VM_CONFIGS, VM_KERNEL_ARGS): a rerun in which
# all of them and the stage's command are what they were takes the last
# passing run's lines, each saying so. Remove LOGDIR/saved to run them
# again.
# Usage: saved_stage STAGE COMMAND...
saved_stage() {
	which=$1
	key=$( (echo "$* ${T:-} ${INTEL:-} $kdir ${VM_ACCEL:-}"
		echo "${VM_CONFIGS:-} ${VM_KERNEL_ARGS:-}"
		set -- ${VM_ARGS:-none}
		realpath -m "${3:-none}"
		[ -f "$1" ] && cat "$1"
		[ -d "$VM_KVM" ] && cat "$VM_KVM"/*.ko
		git -C "$out/series" rev-parse 'HEAD^{tree}'
		find tools/vm tools/check tools/build "$series" -type f | sort | xargs cat
		dpkg-query -W qemu-system-x86 bochs 2>/dev/null || true) |
		sha256sum | cut -c1-32)
	saved=$logs/saved/$which-$key.tap
	if [ -e "$saved" ]; then
		sed -E "/^(not )?ok /s/( # .*)?\$/ (result of an earlier run, same inputs)\1/" "$saved"
		return
	fi
	shift
	keep "$logs/saved-stage.tap" "$@" || return
	if ! grep -q '^not ok ' "$logs/saved-stage.tap"; then
		mkdir -p "$logs/saved"
		rm -f "$logs/saved/$which"-*.tap
		mv "$logs/saved-stage.tap" "$saved"
	fi
}

# The sparse that the base's kbuild accepts, for builds and tdx.
checker() {
	tools/base/sparse.sh "$(dirname "$out")/cache" "$out/base"
}

run_stage() {
	case $1 in
	series)
		# The same series on the same base applies the same way.
		if made_from_series series && [ -e "$logs/series.done" ] &&
		   [ -d "$logs/tree/.git" ]; then
			echo "# series: as in the last run, which applied it to this base"
			cat "$logs/series.done"
			return
		fi
		rm -f "$logs/series.sum" "$logs/series.done"
		tools/check/series.sh "$out/base" "$series" "$logs/tree" \
			> "$logs/series.out" || { cat "$logs/series.out"; return 1; }
		cat "$logs/series.out"
		mv "$logs/series.out" "$logs/series.done"
		cp "$out/series.sum" "$logs/series.sum" ;;
	checkpatch)
		source_stage checkpatch "" tools/check/checkpatch.sh "$out/base" "$series" ;;
	builds)
		rm -f "$logs/builds.sum"
		if ! made_from_series series; then
			echo "ok - builds # SKIP run the series stage first"
			return
		fi
		sparse=$(checker) || return
		tools/check/builds.sh "$logs/tree" "$logs/modules" "$kdir" \
			"$jobs" "$logs" "$sparse" "$shared/builds" "$name" || return
		cp "$out/series.sum" "$logs/builds.sum" ;;
	abi)
		if ! made_from_series builds; then
			echo "ok - abi # SKIP run the builds stage first"
			return
		fi
		if [ ! -e "$logs/all-built" ]; then
			echo "ok - abi # SKIP not every step of the series built"
			return
		fi
		tools/check/abi.sh "$logs/modules" "$logs/base-modules" "$kdir" \
			"$series/abi-exceptions" ;;
	uapi)
		source_stage uapi "" tools/check/uapi.sh "$out/base" \
			"$out/selftests/kernel/usr/include" "$logs/uapi" ;;
	tdx)
		if ! made_from_series series; then
			echo "ok - tdx # SKIP run the series stage first"
			return
		fi
		sparse=$(checker) || return
		tools/check/tdx.sh "$logs/tree" "$kdir" \
			"$(tools/base/compiler.sh "$kdir")" "$jobs" "$logs/tdx" \
			"$sparse" ;;
	vm|intel|stock|mutant|debug)
		vm_stage=$1
		vm_data=tools/vm/$(basename "$series")
		set -- ${VM_ARGS:-none}
		if [ ! -d "$vm_data" ]; then
			echo "ok - $vm_stage # SKIP no $vm_data: the series has no test lists"
		elif [ "$1" = none ]; then
			echo "ok - $vm_stage # SKIP no kernel image to boot (KDIR= build, or not run by make)"
		elif [ "$vm_stage" = intel ] && [ "${INTEL:-yes}" != yes ]; then
			echo "ok - intel # SKIP base $INTEL runs this series on Intel"
		elif { [ "$vm_stage" = vm ] || [ "$vm_stage" = intel ]; } &&
		     [ "$VM_KVM" = "$(realpath -m "$logs/modules/arch/x86/kvm")" ] &&
		     { ! made_from_series builds || [ ! -e "$logs/all-built" ]; }; then
			echo "not ok - $vm_stage # the builds stage did not build the whole series (make vmtest builds it on its own)"
		elif [ "$vm_stage" = vm ]; then
			saved_stage vm tools/vm/check.sh vm "$logs/vm" "$VM_KVM" \
				"$vm_data/tests" "$vm_data/xfail" "$@" ${T:+"$T"}
		elif [ "$vm_stage" = intel ]; then
			# Bochs runs on one host CPU: two boots share the tests.
			saved_stage intel env VM_CONFIGS="vmx vmx" \
				tools/vm/check.sh intel "$logs/intel" "$VM_KVM" \
				"$vm_data/tests-intel" "$vm_data/xfail" "$@" ${T:+"$T"}
		elif [ "$vm_stage" = debug ]; then
			saved_stage debug tools/check/debug.sh "$logs/debug" \
				"$out/series" "$out/base" "$KVM_OOT_CACHE" \
				"$(tools/base/compiler.sh "$kdir")" "$jobs" "$vm_data" \
				"$3" "$4" ${T:+"$T"}
		elif [ "$vm_stage" = stock ]; then
			saved_stage stock tools/check/stock.sh "$logs/stock" \
				"$vm_data/stock" stock stock "$@" ${T:+"$T"}
		elif [ -n "${T:-}" ]; then
			tools/check/mutant.sh "$logs/mutant" "$vm_data/mutants" \
				"$out/series" "$kdir" "$jobs" "$@" "$T"
		else
			source_stage mutant "tools/vm tools/build Kbuild arch" \
				tools/check/mutant.sh "$logs/mutant" \
				"$vm_data/mutants" "$out/series" "$kdir" "$jobs" "$@"
		fi ;;
	*)
		echo "not ok - unknown stage $1" ;;
	esac
}

# DEBUG=later: build the debug stage's kernel in the background, at the
# lowest priority, for the stage that tools/check/bases.sh runs after every
# other base. In a session of its own, whose process group bases.sh ends;
# a new session is a new autogroup, which the scheduler would give as much
# CPU as make check's own unless it gets nice 19 too.
build_debug_kernel() {
	bg=$(dirname "$out")/check/debug-kernel-$name
	echo "# $name: the debug stage runs after the other bases; unless cached, its kernel builds meanwhile at nice 19, log: $bg.log"
	setsid sh -c 'echo 19 > /proc/self/autogroup 2>/dev/null || true
		exec nice -n 19 "$@"' sh tools/vm/debug-kernel.sh "$out/base" \
		"$KVM_OOT_CACHE" "$(tools/base/compiler.sh "$kdir")" "$jobs" \
		< /dev/null > /dev/null 2> "$bg.log" &
	echo $! > "$bg.pid"
}

# While STAGE, started at START, prints nothing for 30 s, say every 30 s
# how long it has run, how far it is (LOGDIR/STAGE.progress, if it says),
# and, of the log it wrote last, how many files it compiled and its last
# line.
progress() {
	while sleep 10; do
		kill -0 $$ 2>/dev/null || exit 0
		now=$(date +%s)
		last=$(stat -c %Y "$logs/$1.tap" 2>/dev/null || echo "$2")
		[ $((now - last)) -ge 30 ] || continue
		log=$(find "$logs" -name '*.log' -newermt "@$2" -printf '%T@ %p\n' \
			2>/dev/null | sort -n | tail -n 1 | cut -d' ' -f2-)
		what=
		if [ -n "$log" ]; then
			cc=$(grep -c '^ *CC ' "$log" || true)
			[ "$cc" = 0 ] && cc= || cc=" $cc files compiled,"
			what="; $log:$cc last: $(tail -n 1 "$log" | cut -c1-80)"
		fi
		echo "# $name $1: running for $((now - $2)) s$(cat "$logs/$1.progress" 2>/dev/null | sed 's/^/, /')$what"
		touch "$logs/$1.tap"
	done
}

applied=yes
for stage in $stages; do
	# tools/check/bases.sh runs these once for every base.
	case $stage in docs|targets|reports) continue ;; esac
	start=$(date +%s)
	if [ "$applied" = no ] && [ "$stage" != checkpatch ]; then
		echo "# stage $stage 0 $logs/$stage.log" >> "$results"
		echo "ok - $name: $stage # SKIP the series does not apply" | tee -a "$results"
		continue
	fi
	rm -f "$logs/$stage.rc" "$logs/$stage.progress"
	: > "$logs/$stage.tap"
	progress "$stage" "$start" &
	ticker=$!
	trap 'kill $ticker 2>/dev/null || true' EXIT
	{ run_stage "$stage" || echo $? > "$logs/$stage.rc"; } 2>"$logs/$stage.log" |
		sed -u -E "s/^((not )?ok) - /\1 - $name: /" |
		tee "$logs/$stage.tap" | grep --line-buffered -E '^((not )?ok |# )' || true
	kill "$ticker" 2>/dev/null || true
	if [ -e "$logs/$stage.rc" ] && ! grep -q '^not ok ' "$logs/$stage.tap"; then
		echo "not ok - $name: $stage stage exited with $(cat "$logs/$stage.rc")" |
			tee -a "$logs/$stage.tap"
	fi
	# tools/check/report.py reads each line's stage, time and log here.
	echo "# stage $stage $(($(date +%s) - start)) $logs/$stage.log" >> "$results"
	cat "$logs/$stage.tap" >> "$results"
	[ "$stage" = series ] && grep -q '^not ok ' "$logs/$stage.tap" && applied=no
	if [ "$stage" = series ] && [ "$applied" = yes ] && [ "${DEBUG:-0}" = later ]; then
		build_debug_kernel
	fi
	echo "# stage $name $stage: $(($(date +%s) - start)) s (details: $logs/$stage.log)"
done

