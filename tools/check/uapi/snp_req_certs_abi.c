// SPDX-License-Identifier: GPL-2.0
/*
 * SEV-SNP certificate fetching must be ABI-identical to mainline (7.0): a
 * VMM built against mainline's headers has to work unchanged on 6.12 with
 * kvm-oot.  Check every number, size and offset of the series' uapi against
 * mainline's values, and struct kvm_run against the base kernel's layout
 * (BASE_* come from kvm_run_layout.c built against the base's headers).
 * Prints a TAP line per check; exits 1 if any fails.
 */
#include <stddef.h>
#include <stdio.h>
#include <linux/kvm.h>
#include <linux/sev-guest.h>

static int failed;

static void check(const char *what, unsigned long long got, unsigned long long want)
{
	if (got == want) {
		printf("ok - uapi: %s is %llu\n", what, want);
	} else {
		printf("not ok - uapi: %s is %llu, must be %llu\n", what, got, want);
		failed = 1;
	}
}

#define CHECK(expr, want) check(#expr, (expr), (want))

int main(void)
{
	CHECK(KVM_EXIT_SNP_REQ_CERTS, 43);
	CHECK(sizeof(struct kvm_exit_snp_req_certs), 24);
	CHECK(offsetof(struct kvm_exit_snp_req_certs, gpa), 0);
	CHECK(offsetof(struct kvm_exit_snp_req_certs, npages), 8);
	CHECK(offsetof(struct kvm_exit_snp_req_certs, ret), 16);
	CHECK(sizeof(((struct kvm_exit_snp_req_certs *)0)->gpa), 8);
	CHECK(sizeof(((struct kvm_exit_snp_req_certs *)0)->npages), 8);
	CHECK(sizeof(((struct kvm_exit_snp_req_certs *)0)->ret), 8);
	CHECK(offsetof(struct kvm_run, snp_req_certs), BASE_KVM_RUN_EXIT_UNION);
	CHECK(sizeof(struct kvm_run), BASE_KVM_RUN_SIZE);
	CHECK(offsetof(struct kvm_run, kvm_valid_regs), BASE_KVM_RUN_VALID_REGS);

	CHECK(KVM_SEV_SNP_LAUNCH_FINISH, 102);
	CHECK(KVM_SEV_SNP_ENABLE_REQ_CERTS, 103);
	CHECK(KVM_X86_GRP_SEV, 1);
	CHECK(KVM_X86_SEV_VMSA_FEATURES, 0);
	CHECK(KVM_X86_SEV_SNP_REQ_CERTS, 2);

	CHECK(SNP_GUEST_VMM_ERR_SHIFT, 32);
	CHECK(SNP_GUEST_VMM_ERR_INVALID_LEN, 1);
	CHECK(SNP_GUEST_VMM_ERR_BUSY, 2);

	return failed;
}
