// SPDX-License-Identifier: GPL-2.0
/*
 * Print the layout of struct kvm_run that userspace sees, as -D options for
 * the ABI tests: built against the base kernel's uapi headers, it records
 * what the series must keep.
 */
#include <stddef.h>
#include <stdio.h>
#include <linux/kvm.h>

int main(void)
{
	printf("-DBASE_KVM_RUN_SIZE=%zu\n", sizeof(struct kvm_run));
	printf("-DBASE_KVM_RUN_EXIT_UNION=%zu\n", offsetof(struct kvm_run, hw));
	printf("-DBASE_KVM_RUN_VALID_REGS=%zu\n", offsetof(struct kvm_run, kvm_valid_regs));
	return 0;
}
