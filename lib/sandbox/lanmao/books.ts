import { insufficient, notFound } from "./codes";
import type { Account, LanmaoStore } from "./store";

/**
 * Balance movements of one request, each journalled. Callers check every rule first and
 * move money last, so a refusal never leaves half a movement (the handlers run without
 * awaiting between check and move, so requests do not interleave).
 */
export const PLATFORM_ACCOUNT_ROLES: Record<string, string> = {
  PLATFORM_FEE_ACCOUNT: "PLATFORM_FEE",
  PLATFORM_REPAYMENT_ACCOUNT: "PLATFORM_COMPENSATORY",
  PLATFORM_MARKETING_ACCOUNT: "PLATFORM_MARKETING",
};
export const isPlatformAccountNo = (no: string) => Object.hasOwn(PLATFORM_ACCOUNT_ROLES, no);

export class Books {
  constructor(
    private readonly store: LanmaoStore,
    private readonly at: string,
    private readonly requestNo: string,
    private readonly service: string,
  ) {}

  /** An account, the three platform accounts created on first use. */
  account(no: string): Account {
    const found = this.store.account(no);
    if (found?.auditPending && found.auditPending.dueAt <= this.at) {
      // 联银通's operators decided (§2.2 R2–R4); only PASSED activates the account.
      const { status } = found.auditPending;
      const settled: Account = { ...found, auditStatus: status, active: status === "PASSED", auditPending: undefined };
      this.store.putAccount(settled);
      return settled;
    }
    if (found) return found;
    if (isPlatformAccountNo(no)) {
      const created: Account = { platformUserNo: no, userType: "PLATFORM", userRole: PLATFORM_ACCOUNT_ROLES[no], active: true, available: 0, frozen: 0, card: null, mobile: "", createdAt: this.at };
      this.store.putAccount(created);
      return created;
    }
    throw notFound(`用户 ${no} 不存在`);
  }

  requireAvailable(no: string, amount: number): void {
    if (this.account(no).available < amount) throw insufficient();
  }

  private move(no: string, availableDelta: number, frozenDelta: number): void {
    const a = this.account(no);
    const next = { ...a, available: a.available + availableDelta, frozen: a.frozen + frozenDelta };
    // Guards of last resort: a rule check was missed if these fire.
    if (next.available < 0 || next.frozen < 0) throw new Error(`lanmao twin: ${no} would go below zero`);
    this.store.putAccount(next);
    this.store.addJournal({ time: this.at, requestNo: this.requestNo, service: this.service, platformUserNo: no, availableDelta, frozenDelta });
  }

  credit = (no: string, amount: number) => amount !== 0 && this.move(no, amount, 0);
  debit = (no: string, amount: number) => amount !== 0 && this.move(no, -amount, 0);
  freeze = (no: string, amount: number) => amount !== 0 && this.move(no, -amount, amount);
  unfreeze = (no: string, amount: number) => amount !== 0 && this.move(no, amount, -amount);
  /** Money leaves a hold (a confirmation pays it out). */
  debitFrozen = (no: string, amount: number) => amount !== 0 && this.move(no, 0, -amount);
}
