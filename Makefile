# SPDX-License-Identifier: GPL-2.0
#
# kvm-oot: a KVM x86 patch series for Debian's kernels, built out of tree.
#
#   make              build kvm.ko, kvm-amd.ko, kvm-intel.ko from base + series
#   make check        every check (series, checkpatch, builds, ABI, VM tests)
#                     of every base of this host's release and newer ones
#   make vmtest       only the VM tests: KVM selftests in QEMU, on the patched
#                     modules (MODULES=stock: Debian's), T=<test> for one test;
#                     VM=intel: on Intel, in Bochs; DEBUG=1: on the debug
#                     kernel (KASAN, UBSAN, lockdep)
#   make tree         git work tree of the base with its series applied
#   make export       write the work tree's commits back to its series
#   make install      install the modules under /lib/modules/<kver>/updates
#                     for the running kernel (or the base named)
#   make cache-keys   the keys of the caches a CI job checking BASE keeps
#                     (Documentation/ci.md)
#
# Variables: BASE=<name> picks a base of tools/base/bases (default: the
# running kernel's, else the first of this host's release), and make check
# then checks only it; BASE_VERSION=<Debian version> pins its packages;
# KDIR=<kernel build dir> KSRC=<its source tree or tarball> builds for a
# kernel you already have; SERIES=<dir> checks another series; STAGES="..."
# runs only those check stages; DEBUG=0 leaves out the debug stage that
# make check runs on the first base of the host's release, DEBUG=1 adds it
# to the host's other bases; INTEL=<base> leaves the Intel VMs to that base
# of the same series, as make check does for all but the first base of
# each series; VM_ACCEL=kvm runs QEMU's VMs on real KVM; VM_TIMEOUT=<s>
# limits each selftest; DEPS=check only checks the build dependencies,
# never runs apt-get (DKMS builds); CACHE=<dir> keeps the Debian roots that
# build other releases' bases and the debug kernels (default
# /var/cache/kvm-oot). See README.md.

BASE ?=
SERIES ?=
BUILD := build
CACHE ?= /var/cache/kvm-oot
JOBS ?= $(shell nproc)
BASE_VERSION ?=
KDIR ?=
KSRC ?=
STAGES ?=
# Not ?=: tools' own Makefiles take a DEBUG from the environment too.
DEBUG :=
DEPS ?= install
INTEL ?=
MODULES ?= patched
T ?=
VM ?= amd
VM_TIMEOUT ?= 60

export LC_ALL := C
.DEFAULT_GOAL := all

# The series named on the command line, if any (make export checks it).
SERIES_NAMED := $(SERIES)
RUNNING := $(or $(RUNNING_KERNEL),$(shell uname -r))
# Without BASE=, make install installs for the running kernel: its base or
# nothing.
install-running := $(if $(filter install,$(MAKECMDGOALS)),$(if $(BASE)$(BASE_VERSION)$(KDIR)$(INSTALL_MOD_PATH),,y))

ifneq ($(KDIR),)
BASE_NAME := kdir
else ifneq ($(install-running),)
BASE_NAME := $(shell tools/base/list.sh running 2>&1)
ifneq ($(words $(BASE_NAME)),1)
$(error make install: $(filter-out list:,$(BASE_NAME)))
endif
else
BASE_NAME := $(or $(BASE),$(shell tools/base/list.sh default))
endif

no-base-goals := clean help export check cache-keys
ifneq ($(filter-out $(no-base-goals),$(or $(MAKECMDGOALS),all)),)
ifeq ($(BASE_NAME),)
$(error no base: name one of tools/base/bases with BASE=)
endif
$(shell mkdir -p $(BUILD))
$(BUILD)/$(BASE_NAME).mk: FORCE
	@tools/base/install-deps.sh $(DEPS)
	@tools/base/resolve.sh $@ $(BUILD) '$(BASE_NAME)' '$(BASE_VERSION)' \
		'$(KDIR)' '$(KSRC)' $(DEPS)
	@$(if $(install-running),tools/build/install-check.sh $@ '$(RUNNING)')
include $(BUILD)/$(BASE_NAME).mk
endif

SERIES := $(or $(SERIES),$(BASE_SERIES))
OUT := $(BUILD)/$(BASE_ID)
BASE_REPO := $(OUT)/base
SERIES_TREE := $(OUT)/series
MODTREE := $(OUT)/modules
KBUILD := $(MAKE) -C $(BASE_KDIR) -j$(JOBS)

SELFTESTS := $(OUT)/selftests
ifeq ($(MODULES),stock)
VM_KVM := stock
else
VM_KVM := $(MODTREE)/arch/x86/kvm
endif
# What the vm and stock stages boot: the kernel image, its modules, the
# selftests and the time limit of each.
VM_ARGS := $(or $(VMLINUZ),none) $(IMAGE_MODULES) $(SELFTESTS)/kvm $(VM_TIMEOUT)
export VM_ARGS VM_KVM
# The debug stage builds its kernel once for each base source and config.
export KVM_OOT_CACHE := $(abspath $(CACHE))

.PHONY: all modules selftests vm-deps kernel-deps check check-base vmtest tree export \
	install cache-keys clean help FORCE

all: modules

$(BASE_REPO)/.git/refs/tags/base:
	tools/base/repo.sh '$(BASE_KSRC)' $(BASE_REPO) '$(KREL)' $(BUILD)/source $(SERIES)

# The series as applied last: its checksum changes whenever SERIES or a patch
# does, whatever the files' timestamps.
$(OUT)/series.sum: FORCE
	@mkdir -p $(OUT)
	@(cd $(SERIES) && cat series $$(grep -v '^#' series)) | sha256sum > $@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

$(SERIES_TREE)/.applied: $(BASE_REPO)/.git/refs/tags/base $(OUT)/series.sum
	tools/build/apply-series.sh $(BASE_REPO) $(SERIES) $(SERIES_TREE)
	@touch $@

modules: $(SERIES_TREE)/.applied
	tools/build/module-tree.sh $(SERIES_TREE) $(MODTREE) .
	$(KBUILD) M=$(abspath $(MODTREE)) modules \
		KVM_OOT_VERSION=$(notdir $(abspath $(SERIES)))-$$(cut -c1-12 $(OUT)/series.sum)
	@[ -n "$$KVM_OOT_ROOT" ] || ln -sfn $(BASE_ID) $(BUILD)/current
	@tools/build/show-modules.sh $(if $(KVM_OOT_ROOT),$(MODTREE),$(BUILD)/current/modules) '$(KREL)' '$(BASE_VERSION)'

# 7.x's KVM selftests link the VFIO selftests' library, which needs libuuid.
$(SELFTESTS)/.built: $(SERIES_TREE)/.applied
	@tools/base/install-deps.sh $(DEPS) uuid-dev
	tools/build/selftests.sh $(SERIES_TREE) $(BUILD)/selftests $(SELFTESTS) $(JOBS)

selftests: $(SELFTESTS)/.built

vm-deps:
	@tools/vm/install-deps.sh

# What configuring and building a kernel takes beyond the modules' build:
# the debug stage's kernel and the tdx stage's configured tree.
kernel-deps:
	@tools/base/install-deps.sh $(DEPS) flex bison libelf-dev libssl-dev

# Without BASE, BASE_VERSION or KDIR, check every base that
# tools/base/list.sh names; bases of another release in a root of it. The
# first base of the host's release gets the debug stage too, unless DEBUG=0.
check:
	@DEBUG='$(DEBUG)' STAGES='$(STAGES)' tools/check/bases.sh $(BUILD) $(CACHE) \
		$(if $(BASE)$(BASE_VERSION)$(KDIR),$(BASE_NAME),$$(tools/base/list.sh check))

# The builds stage builds the whole series last (with W=1 and sparse): the
# vm stage boots those modules, and make's build is not needed.
check-base: VM_KVM := $(if $(filter stock,$(MODULES)),stock,$(abspath $(OUT))/check/modules/arch/x86/kvm)
# The tdx stage, one of the default stages, configures a kernel too.
check-base: $(SERIES_TREE)/.applied selftests vm-deps \
	$(if $(filter 1 later,$(DEBUG))$(filter debug tdx,$(or $(STAGES),tdx)),kernel-deps)
	@DEBUG='$(DEBUG)' INTEL='$(INTEL)' tools/check/run.sh $(BASE_NAME) $(OUT) \
		$(SERIES) '$(BASE_KDIR)' $(JOBS) $(STAGES)
	@mkdir -p $(BUILD)/check && cp $(OUT)/check/results $(BUILD)/check/$(BASE_NAME).results

vmtest: $(if $(filter 1,$(DEBUG)),kernel-deps,modules) selftests vm-deps
	@tools/check/run.sh $(BASE_NAME) $(OUT) $(SERIES) '$(BASE_KDIR)' $(JOBS) \
		$(if $(filter 1,$(DEBUG)),debug,$(if $(filter intel,$(VM)),intel,vm))
	@tools/check/summary.sh $(OUT)/check/results

tree: $(BASE_REPO)/.git/refs/tags/base
	@tools/build/work-tree.sh $(BASE_REPO) $(SERIES) $(BUILD)/tree \
		'$(BASE_NAME)' '$(BASE_SOURCE)'

# To the series build/tree was made from; SERIES= or BASE= must name it.
export:
	@tools/build/export-series.sh $(BUILD)/tree '$(SERIES_NAMED)' '$(BASE)'

install: modules
	tools/build/install-modules.sh $(MODTREE) '$(KREL)'

cache-keys:
	@tools/check/cache-keys.sh $(or $(BASE),$(shell tools/base/list.sh default))

clean:
	rm -rf $(BUILD)

help:
	@sed -n '3,/^$$/s/^# \{0,1\}//p' Makefile

FORCE:
