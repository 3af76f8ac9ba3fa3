# SPDX-License-Identifier: GPL-2.0
#
# kvm-oot: the KVM x86 patch series for Linux 6.12, built out of tree.
#
#   make              build kvm.ko, kvm-amd.ko, kvm-intel.ko from base + series
#   make check        every check (series, checkpatch, builds, ABI, VM tests)
#   make tree         git work tree of the base with the series applied
#   make export       write the work tree's commits back to $(SERIES)
#   make install      install the modules under /lib/modules/<kver>/updates
#
# Variables: BASE_VERSION=<Debian version> pins Debian's packages;
# KDIR=<kernel build dir> KSRC=<its source tree or tarball> builds for a
# kernel you already have. See README.md.

SERIES := patches/6.12
BUILD := build
JOBS ?= $(shell nproc)
BASE_VERSION ?=
KDIR ?=
KSRC ?=

export LC_ALL := C
.DEFAULT_GOAL := all

no-base-goals := clean help
ifneq ($(filter-out $(no-base-goals),$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p $(BUILD))
$(BUILD)/base.mk: FORCE
	@tools/install-deps.sh
	@tools/resolve-base.sh $@ $(BUILD) '$(BASE_VERSION)' '$(KDIR)' '$(KSRC)'
include $(BUILD)/base.mk
endif

OUT := $(BUILD)/$(BASE_ID)
BASE_REPO := $(OUT)/base
SERIES_TREE := $(OUT)/series
MODTREE := $(OUT)/modules
PATCHES := $(SERIES)/series $(wildcard $(SERIES)/*.patch)
KBUILD := $(MAKE) -C $(BASE_KDIR) -j$(JOBS)

.PHONY: all modules check tree export install clean help FORCE

all: modules

$(BASE_REPO)/.git/refs/tags/base:
	tools/base-repo.sh '$(BASE_KSRC)' $(BASE_REPO)

$(SERIES_TREE)/.applied: $(BASE_REPO)/.git/refs/tags/base $(PATCHES)
	tools/apply-series.sh $(BASE_REPO) $(SERIES) $(SERIES_TREE)
	@touch $@

modules: $(SERIES_TREE)/.applied
	tools/module-tree.sh $(SERIES_TREE) $(MODTREE) .
	$(KBUILD) M=$(abspath $(MODTREE)) modules
	@tools/show-modules.sh $(MODTREE) '$(KREL)' '$(BASE_VERSION)'

check: $(BASE_REPO)/.git/refs/tags/base
	@tools/check.sh $(OUT) $(SERIES) '$(BASE_KDIR)' $(JOBS)

tree: $(BASE_REPO)/.git/refs/tags/base
	@if [ -e $(BUILD)/tree ]; then \
		echo "$(BUILD)/tree exists: make export, then remove it to start again"; \
		exit 1; fi
	tools/apply-series.sh $(BASE_REPO) $(SERIES) $(BUILD)/tree
	@echo "work tree: $(BUILD)/tree (base: tag 'base'; new files need 'git add -f')"

export:
	tools/export-series.sh $(BUILD)/tree $(SERIES)

install: modules
	tools/install-modules.sh $(MODTREE) '$(KREL)'

clean:
	rm -rf $(BUILD)

help:
	@sed -n '3,13s/^# \{0,1\}//p' Makefile

FORCE:
