# SPDX-License-Identifier: GPL-2.0
#
# kvm-oot: the KVM x86 patch series for Linux 6.12, built out of tree.
#
#   make              build kvm.ko, kvm-amd.ko, kvm-intel.ko from base + series
#   make check        every check (series, checkpatch, builds, ABI, VM tests)
#   make vmtest       only the VM tests: KVM selftests in QEMU, on the patched
#                     modules (MODULES=stock: Debian's), T=<test> for one test
#   make tree         git work tree of the base with the series applied
#   make export       write the work tree's commits back to $(SERIES)
#   make install      install the modules under /lib/modules/<kver>/updates
#
# Variables: BASE_VERSION=<Debian version> pins Debian's packages;
# KDIR=<kernel build dir> KSRC=<its source tree or tarball> builds for a
# kernel you already have; SERIES=<dir> checks another series; STAGES="..."
# runs only those check stages; VM_ACCEL=kvm runs the VMs on real KVM;
# VM_TIMEOUT=<s> limits each selftest; DEPS=check only checks the build
# dependencies, never runs apt-get (DKMS builds). See README.md.

SERIES ?= patches/6.12
BUILD := build
JOBS ?= $(shell nproc)
BASE_VERSION ?=
KDIR ?=
KSRC ?=
STAGES ?=
DEPS ?= install
MODULES ?= patched
T ?=
VM_TIMEOUT ?= 60

export LC_ALL := C
.DEFAULT_GOAL := all

no-base-goals := clean help export
ifneq ($(filter-out $(no-base-goals),$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p $(BUILD))
$(BUILD)/base.mk: FORCE
	@tools/base/install-deps.sh $(DEPS)
	@tools/base/resolve.sh $@ $(BUILD) '$(BASE_VERSION)' '$(KDIR)' '$(KSRC)'
include $(BUILD)/base.mk
endif

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
# What the vm and stock stages boot: the kernel image, its release, the
# selftests and the time limit of each.
VM_ARGS := $(or $(IMAGE_ROOT),none) $(KREL) $(SELFTESTS)/kvm $(VM_TIMEOUT)
export VM_ARGS VM_KVM

.PHONY: all modules selftests vm-deps check vmtest tree export install \
	clean help FORCE

all: modules

$(BASE_REPO)/.git/refs/tags/base:
	tools/base/repo.sh '$(BASE_KSRC)' $(BASE_REPO) '$(KREL)'

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
	$(KBUILD) M=$(abspath $(MODTREE)) modules
	@ln -sfn $(BASE_ID) $(BUILD)/current
	@tools/build/show-modules.sh $(BUILD)/current/modules '$(KREL)' '$(BASE_VERSION)'

$(SELFTESTS)/.built: $(SERIES_TREE)/.applied
	tools/build/selftests.sh $(SERIES_TREE) $(SELFTESTS) $(JOBS)
	@touch $@

selftests: $(SELFTESTS)/.built

vm-deps:
	@tools/vm/install-deps.sh

check: modules selftests vm-deps
	@tools/check/run.sh $(OUT) $(SERIES) '$(BASE_KDIR)' $(JOBS) $(STAGES)

vmtest: modules selftests vm-deps
	@tools/check/run.sh $(OUT) $(SERIES) '$(BASE_KDIR)' $(JOBS) vm

tree: $(BASE_REPO)/.git/refs/tags/base
	@if [ -e $(BUILD)/tree ]; then \
		echo "$(BUILD)/tree exists: make export, then remove it to start again"; \
		exit 1; fi
	tools/build/apply-series.sh $(BASE_REPO) $(SERIES) $(BUILD)/tree
	@echo "work tree: $(BUILD)/tree (base: tag 'base'; new files need 'git add -f')"

export:
	tools/build/export-series.sh $(BUILD)/tree $(SERIES)

install: modules
	tools/build/install-modules.sh $(MODTREE) '$(KREL)'

clean:
	rm -rf $(BUILD)

help:
	@sed -n '3,20s/^# \{0,1\}//p' Makefile

FORCE:
