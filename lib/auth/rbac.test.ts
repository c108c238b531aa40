import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/roles";
import { approveCustodyRequestAction, proposeProjectStatusAction, rejectCustodyRequestAction } from "@/lib/custody/actions";
import * as custodyForms from "@/lib/custody/form-actions";
import { approveReversalAction, proposeReversalAction, rejectReversalAction } from "@/lib/ledger/reversal-actions";
import { establishProjectAction, proposeConfirmLoanAction, proposeConfirmRepaymentAction, startGatewayAction } from "@/lib/custody/operation-actions";
import { rerunInboundEventAction } from "@/lib/inbox/actions";
import { revealPiiAction } from "@/lib/pii/reveal-action";
import { pushOutsideAction, refreshResultAction, retrySubmitAction } from "@/lib/pretrial/actions";
import { personSearchTokenAction } from "@/lib/pretrial/person-search";
import { lookupHistoryScoreAction, requestRiskScoreAction, setCutoffsAction } from "@/lib/risk-scores/actions";
import * as riskCaseActions from "@/lib/risk-cases/actions";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { changeUserRoleAction, createUserAction, resetUserPasswordAction, setUserDisabledAction } from "@/lib/users/actions";

/**
 * Every server action × every role: refused roles get FORBIDDEN, change nothing, and leave a
 * "denied" row in the audit log; allowed roles get past the role check. Add each new action
 * to ACTIONS — an action missing here is an action nobody checked.
 */
type AnyAction = (input: never) => Promise<{ serverError?: { code?: string }; validationErrors?: unknown; data?: unknown } | undefined>;

let victimId = "";
const ACTIONS: { name: string; action: AnyAction; allowed: readonly Role[]; input: () => unknown }[] = [
  { name: "user.create", action: createUserAction as AnyAction, allowed: ["ADMIN"], input: () => ({ username: `rbac-${Math.random().toString(36).slice(2, 8)}`, displayName: "X", role: "FINANCE", password: "Password-2026" }) },
  { name: "user.changeRole", action: changeUserRoleAction as AnyAction, allowed: ["ADMIN"], input: () => ({ userId: victimId, role: "FINANCE" }) },
  { name: "user.setDisabled", action: setUserDisabledAction as AnyAction, allowed: ["ADMIN"], input: () => ({ userId: victimId, disabled: false }) },
  { name: "user.resetPassword", action: resetUserPasswordAction as AnyAction, allowed: ["ADMIN"], input: () => ({ userId: victimId, password: "Password-2026" }) },
  { name: "inbox.rerun", action: rerunInboundEventAction as AnyAction, allowed: ["ADMIN"], input: () => ({ eventId: "999999999" }) },
  { name: "pretrial.retrySubmit", action: retrySubmitAction as AnyAction, allowed: ["ADMIN", "LOAN_OFFICER"], input: () => ({ orderId: "no-such-order" }) },
  { name: "pretrial.refreshResult", action: refreshResultAction as AnyAction, allowed: ["ADMIN", "LOAN_OFFICER"], input: () => ({ orderId: "no-such-order" }) },
  { name: "pretrial.pushOutside", action: pushOutsideAction as AnyAction, allowed: ["ADMIN", "LOAN_OFFICER"], input: () => ({ orderId: "no-such-order" }) },
  { name: "pretrial.personSearch", action: personSearchTokenAction as AnyAction, allowed: ["ADMIN", "LOAN_OFFICER", "RISK_ANALYST"], input: () => ({ value: "11010519491231002X" }) },
  { name: "riskScore.request", action: requestRiskScoreAction as AnyAction, allowed: ["ADMIN", "RISK_ANALYST", "LOAN_OFFICER"], input: () => ({ profileId: "no-such-profile" }) },
  { name: "riskScore.history", action: lookupHistoryScoreAction as AnyAction, allowed: ["ADMIN", "RISK_ANALYST", "LOAN_OFFICER"], input: () => ({ requestId: "no-such-request" }) },
  { name: "riskScore.setCutoffs", action: setCutoffsAction as AnyAction, allowed: ["ADMIN"], input: () => ({ NATURAL: 650, REFERRAL: 650 }) },
  { name: "pii.reveal", action: revealPiiAction as AnyAction, allowed: ["ADMIN"], input: () => ({ targetType: "inboundEvent", targetId: "999999999", field: "body" }) },
  { name: "custody.approve", action: approveCustodyRequestAction as AnyAction, allowed: ["ADMIN", "FINANCE"], input: () => ({ approvalId: "999999999" }) },
  { name: "custody.reject", action: rejectCustodyRequestAction as AnyAction, allowed: ["ADMIN", "FINANCE"], input: () => ({ approvalId: "999999999", reason: "x" }) },
  { name: "custody.startGateway", action: startGatewayAction as AnyAction, allowed: ["ADMIN", "FINANCE"], input: () => ({ service: "WITHDRAW", platformUserNo: "NOBODY", amount: "1.00" }) },
  { name: "custody.establishProject", action: establishProjectAction as AnyAction, allowed: ["ADMIN", "FINANCE"], input: () => ({ projectNo: "X", borrower: "B", amount: "0", name: "n", annualRate: "0.1", repaymentWay: "ONE_TIME_SERVICING" }) },
  { name: "custody.proposeConfirmLoan", action: proposeConfirmLoanAction as AnyAction, allowed: ["ADMIN", "FINANCE"], input: () => ({ projectNo: "NO-SUCH-PROJECT" }) },
  { name: "custody.proposeConfirmRepayment", action: proposeConfirmRepaymentAction as AnyAction, allowed: ["ADMIN", "FINANCE"], input: () => ({ projectNo: "NO-SUCH-PROJECT", preTransactionNo: "NO-SUCH-HOLD", interest: "1.00" }) },
  { name: "custody.proposeProjectStatus", action: proposeProjectStatusAction as AnyAction, allowed: ["ADMIN", "FINANCE"], input: () => ({ projectNo: "NO-SUCH-PROJECT", status: "REPAYING" }) },
  ...custodyFormCases(),
  ...riskCaseRbacCases(),
];

/** Issue 11: the custody operation forms are finance's (and admins'); inputs that change nothing (unknown accounts, holds, projects; an unsupported bank). */
function custodyFormCases(): typeof ACTIONS {
  const finance = ["ADMIN", "FINANCE"] as const;
  const f = custodyForms;
  return [
    { name: "custody.enterpriseRegister", action: f.enterpriseRegisterAction as AnyAction, allowed: [...finance], input: () => ({ platformUserNo: "NOBODY", enterpriseName: "x", unifiedCode: "91110000100000000X", bankLicense: "x", legal: "x", legalIdCardNo: "x", contact: "x", contactPhone: "13800138000", userRole: "NORMAL", bankcardNo: "6222020000000000001", bankcode: "ZZZZ" }) },
    { name: "custody.bindCard", action: f.bindCardAction as AnyAction, allowed: [...finance], input: () => ({ kind: "ENTERPRISE", platformUserNo: "NOBODY", bankcardNo: "6222020000000000001", bankcode: "ZZZZ" }) },
    { name: "custody.accountStep", action: f.accountStepAction as AnyAction, allowed: [...finance], input: () => ({ service: "RESET_PASSWORD", platformUserNo: "" }) },
    { name: "custody.customerLink", action: f.customerLinkAction as AnyAction, allowed: [...finance], input: () => ({ requestNo: "NO-SUCH-REQUEST" }) },
    { name: "custody.proposeFreeze", action: f.proposeFreezeAction as AnyAction, allowed: [...finance], input: () => ({ platformUserNo: "NOBODY", amount: "1.00" }) },
    { name: "custody.proposeUnfreeze", action: f.proposeUnfreezeAction as AnyAction, allowed: [...finance], input: () => ({ platformUserNo: "NOBODY", oriRequestNo: "NO-SUCH-FREEZE" }) },
    { name: "custody.proposeCancelPre", action: f.proposeCancelPreAction as AnyAction, allowed: [...finance], input: () => ({ platformUserNo: "NOBODY", preTransactionNo: "NO-SUCH-HOLD", amount: "1.00" }) },
    { name: "custody.proposePlatformPre", action: f.proposePlatformPreAction as AnyAction, allowed: [...finance], input: () => ({ account: "PLATFORM_MARKETING_ACCOUNT", amount: "1.00", projectNo: "NO-SUCH-PROJECT" }) },
    { name: "custody.proposeMarketing", action: f.proposeMarketingAction as AnyAction, allowed: [...finance], input: () => ({ preTransactionNo: "NO-SUCH-HOLD", payee: "NOBODY", amount: "1.00" }) },
    { name: "custody.proposeProjectAmount", action: f.proposeProjectAmountAction as AnyAction, allowed: [...finance], input: () => ({ projectNo: "NO-SUCH-PROJECT", amount: "1.00" }) },
    { name: "custody.proposeCompensatory", action: f.proposeCompensatoryAction as AnyAction, allowed: [...finance], input: () => ({ projectNo: "NO-SUCH-PROJECT", preTransactionNo: "NO-SUCH-HOLD", interest: "0" }) },
    { name: "ledger.proposeReversal", action: proposeReversalAction as AnyAction, allowed: [...finance], input: () => ({ transactionId: "999999999", reason: "x" }) },
    { name: "ledger.approveReversal", action: approveReversalAction as AnyAction, allowed: [...finance], input: () => ({ reversalId: "999999999" }) },
    { name: "ledger.rejectReversal", action: rejectReversalAction as AnyAction, allowed: [...finance], input: () => ({ reversalId: "999999999", reason: "x" }) },
    { name: "custody.proposeDebtTransfer", action: f.proposeDebtTransferAction as AnyAction, allowed: [...finance], input: () => ({ projectNo: "NO-SUCH-PROJECT", preTransactionNo: "NO-SUCH-HOLD", commission: "0", sellers: [{ seller: "NOBODY", originalConfirmRequestNo: "NONE", amount: "1.00", share: "1.00" }] }) },
  ];
}

/** Issue 9: the case desk is for analysts and admins; naming codes for admins. */
function riskCaseRbacCases(): typeof ACTIONS {
  const desk = ["ADMIN", "RISK_ANALYST"] as const;
  const c = { caseId: "no-such-case", version: 0 };
  return [
    { name: "riskCase.take", action: riskCaseActions.takeCaseAction as AnyAction, allowed: desk, input: () => c },
    { name: "riskCase.setStatus", action: riskCaseActions.setCaseStatusAction as AnyAction, allowed: desk, input: () => ({ ...c, status: "WAITING" }) },
    { name: "riskCase.snooze", action: riskCaseActions.snoozeCaseAction as AnyAction, allowed: desk, input: () => ({ ...c, until: null }) },
    { name: "riskCase.escalate", action: riskCaseActions.escalateCaseAction as AnyAction, allowed: desk, input: () => ({ ...c, reason: "check" }) },
    { name: "riskCase.note", action: riskCaseActions.addCaseNoteAction as AnyAction, allowed: desk, input: () => ({ caseId: "no-such-case", body: "x" }) },
    { name: "riskCase.bulkAssign", action: riskCaseActions.bulkAssignAction as AnyAction, allowed: desk, input: () => ({ caseIds: ["no-such-case"], assigneeId: null }) },
    { name: "riskCase.bulkClose", action: riskCaseActions.bulkCloseAction as AnyAction, allowed: desk, input: () => ({ caseIds: ["no-such-case"], conclusion: "OTHER" }) },
    { name: "riskCase.saveFilter", action: riskCaseActions.saveFilterAction as AnyAction, allowed: desk, input: () => ({ name: `f-${Math.random().toString(36).slice(2, 8)}`, query: "rule=SR1" }) },
    { name: "riskCase.deleteFilter", action: riskCaseActions.deleteFilterAction as AnyAction, allowed: desk, input: () => ({ id: "no-such-filter" }) },
    { name: "riskCase.lookup", action: riskCaseActions.lookupCaseAction as AnyAction, allowed: desk, input: () => ({ query: "no-such-case" }) },
    { name: "riskCase.sync", action: riskCaseActions.startSyncAction as AnyAction, allowed: desk, input: () => ({}) },
    { name: "riskCase.nameCode", action: riskCaseActions.nameCodeAction as AnyAction, allowed: ["ADMIN"], input: () => ({ field: "auditStatus", code: "DSH", nameZh: "待审核", nameEn: "Awaiting review" }) },
  ];
}

describe("RBAC matrix", () => {
  beforeAll(async () => {
    victimId = (await createTestUser("FINANCE")).id;
  });

  for (const { name, action, allowed, input } of ACTIONS) {
    for (const role of ROLES) {
      const expectAllowed = allowed.includes(role);
      it(`${name} × ${role}: ${expectAllowed ? "allowed" : "refused"}`, async () => {
        const actor = await createTestUser(role);
        signInAs(actor);
        const usersBefore = await testDb().user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, disabled: true, sessionVersion: true } });
        const result = await action(input() as never);
        if (expectAllowed) {
          expect(result?.serverError?.code).not.toBe("FORBIDDEN");
          expect(result?.serverError?.code).not.toBe("UNAUTHENTICATED");
        } else {
          expect(result?.serverError?.code).toBe("FORBIDDEN");
          const usersAfter = await testDb().user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, disabled: true, sessionVersion: true } });
          expect(usersAfter).toEqual(usersBefore);
          const denial = await testDb().auditLog.findFirst({ where: { actorId: actor.id, action: name, outcome: "denied" } });
          expect(denial).not.toBeNull();
        }
      });
    }
    it(`${name} without a session: refused and logged`, async () => {
      signInAs(null);
      const before = await testDb().auditLog.count({ where: { action: name, outcome: "denied", actorId: null } });
      const result = await action(input() as never);
      expect(result?.serverError?.code).toBe("UNAUTHENTICATED");
      expect(await testDb().auditLog.count({ where: { action: name, outcome: "denied", actorId: null } })).toBe(before + 1);
    });
  }
});
