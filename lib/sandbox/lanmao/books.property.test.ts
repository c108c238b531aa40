import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SandboxState } from "../core/state";
import { type Biz, makeBiz } from "./biz";
import { Refusal } from "./codes";
import { DIRECT_SERVICES } from "./direct-services";
import { yuan } from "./fields";
import { GATEWAY_SERVICES } from "./gateway-services";
import { DEFAULT_SETTINGS } from "./settings";
import { LanmaoStore } from "./store";

/**
 * The twin's books under random sequences of operations, refused ones included: money is
 * conserved (what is in the accounts = recharged − withdrawn), nothing goes below zero, every
 * frozen fen belongs to an open hold or freeze, the journal adds up to every balance, and a
 * refused operation changes nothing. The console's ledger is checked against these books.
 */
const USERS = ["U1", "U2", "U3"];
const BORROWER = "U1";
const SEED_FEN = 200_000;

function fresh() {
  const store = new LanmaoStore(new SandboxState(null));
  const biz = (): Biz => makeBiz(store, new Date("2026-11-30T04:00:00Z"), DEFAULT_SETTINGS);
  for (const [i, no] of USERS.entries()) {
    GATEWAY_SERVICES.PERSONAL_REGISTER.confirm(biz(), { platformUserNo: no, requestNo: `R${no}`, realName: "测试", idCardType: "G2_IDCARD", userRole: "NORMAL", idCardNo: `11010119900101000${i}`, mobile: "13800000000", bankcardNo: `622202000000123${i}` }, {});
  }
  // Everyone starts with money, so that sequences reach movements and not only refusals.
  for (const no of USERS) GATEWAY_SERVICES.RECHARGE.confirm(biz(), { platformUserNo: no, requestNo: `S${no}`, amount: yuan(SEED_FEN), feeMode: "PLATFORM", rechargeWay: "NETBANK_B2C", bankcode: "ICBK" }, {});
  DIRECT_SERVICES.ESTABLISH_PROJECT(biz(), { requestNo: "EP", platformUserNo: BORROWER, projectNo: "P", projectAmount: "5000.00", projectName: "p", projectType: "STANDARDPOWDER", annnualInterestRate: "0.1", repaymentWay: "ONE_TIME_SERVICING" });
  return { store, biz };
}

const user = fc.constantFrom(...USERS);
const amount = fc.integer({ min: 1, max: 300_000 });
const op = fc.oneof(
  fc.record({ kind: fc.constant("recharge" as const), user, amount }),
  fc.record({ kind: fc.constant("withdraw" as const), user, amount }),
  fc.record({ kind: fc.constant("tender" as const), user, amount }),
  fc.record({ kind: fc.constant("repayHold" as const), amount }),
  fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat(), amount }),
  fc.record({ kind: fc.constant("loan" as const), pick: fc.nat(), amount, commission: fc.integer({ min: 0, max: 5_000 }) }),
  fc.record({ kind: fc.constant("repay" as const), pick: fc.nat(), user, amount, income: fc.integer({ min: 0, max: 5_000 }) }),
  fc.record({ kind: fc.constant("toRepaying" as const) }),
  fc.record({ kind: fc.constant("freeze" as const), user, amount }),
  fc.record({ kind: fc.constant("unfreeze" as const), pick: fc.nat() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

describe("twin books under random operations", () => {
  it("conserve money, stay non-negative, tie frozen money to holds, and refuse atomically", () => {
    const succeeded = new Map<string, number>();
    fc.assert(
      // Two phases, so that repayments (which need a lent, REPAYING project) are reached too.
      fc.property(fc.array(op, { maxLength: 30 }), fc.array(op, { maxLength: 30 }), (collecting, repaying) => {
        const ops: Op[] = [...collecting, { kind: "toRepaying" }, ...repaying];
        const { store, biz } = fresh();
        let inflow = SEED_FEN * USERS.length;
        let n = 0;
        const holds = () => store.state.list<{ requestNo: string; bizType: string; amount: number; released: number }>("lanmao:pretx:").map(([, p]) => p);
        const pick = <T>(xs: T[], i: number) => (xs.length ? xs[i % xs.length] : undefined);
        const apply = (o: Op): number => {
          const rq = `Q${++n}`;
          switch (o.kind) {
            case "recharge":
              GATEWAY_SERVICES.RECHARGE.confirm(biz(), { platformUserNo: o.user, requestNo: rq, amount: yuan(o.amount), feeMode: "PLATFORM", rechargeWay: "NETBANK_B2C", bankcode: "ICBK" }, {});
              return o.amount;
            case "withdraw":
              GATEWAY_SERVICES.WITHDRAW.confirm(biz(), { platformUserNo: o.user, requestNo: rq, amount: yuan(o.amount), feeMode: "PLATFORM", withdrawType: 0 }, {});
              return -o.amount;
            case "tender":
              GATEWAY_SERVICES.USER_PRE_TRANSACTION.confirm(biz(), { platformUserNo: o.user, requestNo: rq, amount: yuan(o.amount), bizType: "TENDER", projectNo: "P" }, {});
              return 0;
            case "repayHold":
              GATEWAY_SERVICES.USER_PRE_TRANSACTION.confirm(biz(), { platformUserNo: BORROWER, requestNo: rq, amount: yuan(o.amount), bizType: "REPAYMENT", projectNo: "P" }, {});
              return 0;
            case "cancel": {
              const h = pick(holds(), o.pick);
              if (h) DIRECT_SERVICES.CANCEL_PRE_TRANSACTION(biz(), { requestNo: rq, preTransactionNo: h.requestNo, amount: yuan(o.amount) });
              return 0;
            }
            case "loan": {
              const h = pick(holds().filter((x) => x.bizType === "TENDER"), o.pick);
              if (h) DIRECT_SERVICES.CONFIRM_LOAN(biz(), { requestNo: rq, projectNo: "P", commission: yuan(o.commission), details: [{ preTransactionNo: h.requestNo, amount: yuan(o.amount) }] });
              return 0;
            }
            case "repay": {
              const h = pick(holds().filter((x) => x.bizType === "REPAYMENT"), o.pick);
              if (h) DIRECT_SERVICES.CONFIRM_REPAYMENT(biz(), { requestNo: rq, preTransactionNo: h.requestNo, projectNo: "P", details: [{ platformUserNo: o.user, amount: yuan(o.amount), income: yuan(o.income) }] });
              return 0;
            }
            case "toRepaying":
              DIRECT_SERVICES.MODIFY_PROJECT(biz(), { requestNo: rq, projectNo: "P", status: "REPAYING" });
              return 0;
            case "freeze":
              DIRECT_SERVICES.FREEZE(biz(), { requestNo: rq, platformUserNo: o.user, amount: yuan(o.amount) });
              return 0;
            case "unfreeze": {
              const f = pick(store.state.list<{ requestNo: string }>("lanmao:freeze:").map(([, x]) => x), o.pick);
              if (f) DIRECT_SERVICES.UNFREEZE(biz(), { oriRequestNo: f.requestNo });
              return 0;
            }
          }
        };
        for (const o of ops) {
          const before = JSON.stringify(store.state.list("lanmao:"));
          try {
            inflow += apply(o);
            succeeded.set(o.kind, (succeeded.get(o.kind) ?? 0) + 1);
          } catch (e) {
            if (!(e instanceof Refusal)) throw e;
            expect(JSON.stringify(store.state.list("lanmao:"))).toBe(before);
          }
          const accounts = store.accounts();
          for (const a of accounts) {
            expect(a.available).toBeGreaterThanOrEqual(0);
            expect(a.frozen).toBeGreaterThanOrEqual(0);
            const journal = store.journal().filter((j) => j.platformUserNo === a.platformUserNo);
            expect(journal.reduce((s, j) => s + j.availableDelta, 0)).toBe(a.available);
            expect(journal.reduce((s, j) => s + j.frozenDelta, 0)).toBe(a.frozen);
          }
          expect(accounts.reduce((s, a) => s + a.available + a.frozen, 0)).toBe(inflow);
          const openHolds = holds().reduce((s, h) => s + h.amount - h.released, 0);
          const openFreezes = store.state
            .list<{ amount: number; released: boolean }>("lanmao:freeze:")
            .filter(([, f]) => !f.released)
            .reduce((s, [, f]) => s + f.amount, 0);
          expect(accounts.reduce((s, a) => s + a.frozen, 0)).toBe(openHolds + openFreezes);
        }
      }),
      { numRuns: 150 },
    );
    // The sequences did reach every kind of movement, not only refusals.
        const never = ["recharge", "withdraw", "tender", "repayHold", "cancel", "loan", "repay", "freeze", "unfreeze"].filter((k) => !succeeded.get(k));
    expect(never).toEqual([]);
  });
});
