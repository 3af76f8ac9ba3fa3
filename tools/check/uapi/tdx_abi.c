// SPDX-License-Identifier: GPL-2.0
/*
 * The series tests TDX attestation on the 7.3 base, whose KVM_EXIT_TDX is
 * mainline's: its selftest, like any VMM built against mainline's headers,
 * relies on these numbers.  Check every number, size and offset of the exit,
 * the VM type, the TDX commands and struct kvm_tdx_capabilities against
 * mainline's values, and struct kvm_run against the base kernel's layout
 * (BASE_* come from kvm_run_layout.c built against the base's headers).
 * A base without KVM TDX (6.12) has no KVM_EXIT_TDX: one SKIP line, as
 * tools/check/uapi/reserved checks that 40 stays free there.
 * Prints a TAP line per check; exits 1 if any fails.
 */
#include <stddef.h>
#include <stdio.h>
#include <linux/kvm.h>

#ifndef KVM_EXIT_TDX
int main(void)
{
	printf("ok - uapi: KVM_EXIT_TDX # SKIP the base has no KVM TDX; 'reserved' keeps 40 free\n");
	return 0;
}
#else
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

/* The offset and the size of a member of struct kvm_run. */
#define CHECK_RUN(member, offset, size) do {					\
	check("offsetof(struct kvm_run, " #member ")",				\
	      offsetof(struct kvm_run, member), (offset));			\
	check("sizeof(kvm_run." #member ")",					\
	      sizeof(((struct kvm_run *)0)->member), (size));			\
} while (0)

int main(void)
{
	CHECK(KVM_EXIT_TDX, 40);
	check("offsetof(struct kvm_run, tdx), the base's exit union,",
	      offsetof(struct kvm_run, tdx), BASE_KVM_RUN_EXIT_UNION);
	CHECK_RUN(tdx, 32, 64);
	CHECK_RUN(tdx.flags, 32, 8);
	CHECK_RUN(tdx.nr, 40, 8);
	CHECK_RUN(tdx.unknown.ret, 48, 8);
	CHECK_RUN(tdx.unknown.data, 56, 40);
	CHECK_RUN(tdx.get_quote.ret, 48, 8);
	CHECK_RUN(tdx.get_quote.gpa, 56, 8);
	CHECK_RUN(tdx.get_quote.size, 64, 8);
	CHECK_RUN(tdx.get_tdvmcall_info.ret, 48, 8);
	CHECK_RUN(tdx.get_tdvmcall_info.leaf, 56, 8);
	CHECK_RUN(tdx.get_tdvmcall_info.r11, 64, 8);
	CHECK_RUN(tdx.get_tdvmcall_info.r12, 72, 8);
	CHECK_RUN(tdx.get_tdvmcall_info.r13, 80, 8);
	CHECK_RUN(tdx.get_tdvmcall_info.r14, 88, 8);
	CHECK_RUN(tdx.setup_event_notify.ret, 48, 8);
	CHECK_RUN(tdx.setup_event_notify.vector, 56, 8);
	CHECK(sizeof(struct kvm_run), BASE_KVM_RUN_SIZE);
	CHECK(offsetof(struct kvm_run, kvm_valid_regs), BASE_KVM_RUN_VALID_REGS);

	CHECK(KVM_X86_TDX_VM, 5);
	CHECK(KVM_TDX_CAPABILITIES, 0);
	CHECK(KVM_TDX_INIT_VM, 1);
	CHECK(KVM_TDX_INIT_VCPU, 2);
	CHECK(KVM_TDX_INIT_MEM_REGION, 3);
	CHECK(KVM_TDX_FINALIZE_VM, 4);
	CHECK(KVM_TDX_GET_CPUID, 5);

	CHECK(offsetof(struct kvm_tdx_capabilities, supported_attrs), 0);
	CHECK(offsetof(struct kvm_tdx_capabilities, supported_xfam), 8);
	CHECK(offsetof(struct kvm_tdx_capabilities, kernel_tdvmcallinfo_1_r11), 16);
	CHECK(offsetof(struct kvm_tdx_capabilities, user_tdvmcallinfo_1_r11), 24);
	CHECK(offsetof(struct kvm_tdx_capabilities, kernel_tdvmcallinfo_1_r12), 32);
	CHECK(offsetof(struct kvm_tdx_capabilities, user_tdvmcallinfo_1_r12), 40);
	CHECK(offsetof(struct kvm_tdx_capabilities, cpuid), 2048);

	return failed;
}
#endif
