import { canMoveProject, PROJECT_ALLOWS } from "@/lib/vendors/lanmao/enums";
import { CHECKFILE_DIRECT_SERVICES } from "./checkfiles/confirm";
import { type Biz, activeAccount, books, project, recordTx } from "./biz";
import { isPlatformAccountNo } from "./books";
import { badFormat, notFound, rule } from "./codes";
import { confirmServices } from "./confirm-services";
import { fen, oneOf, type ReqData, str, yuan } from "./fields";
import { queryServices } from "./query-services";
import type { PreTransaction, Project } from "./store";

/**
 * The direct interfaces as the custody side runs them: check every rule, then move money,
 * then record the transaction. A thrown Refusal is answered `{code, description}`; nothing
 * was changed. Idempotency by requestNo is the route's (service-route.ts).
 */
export type DirectService = (biz: Biz, req: ReqData) => Record<string, unknown>;

const POS_ORDER_MS = 30 * 60_000;

const POS_RECHARGE: DirectService = (biz, req) => {
  const requestNo = str(req, "requestNo");
  const no = str(req, "platformUserNo");
  oneOf(req, "rechargeWay", ["POS"]);
  oneOf(req, "feeMode", ["PLATFORM"]);
  str(req, "callbackUrl");
  const amount = req.amount === undefined || req.amount === "" ? undefined : fen(req, "amount", { positive: true });
  if (!isPlatformAccountNo(no)) activeAccount(biz, no);
  const expiresAt = new Date(biz.now.getTime() + POS_ORDER_MS);
  const at = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-T:]/g, "");
  biz.store.putPos({ requestNo, platformUserNo: no, amount, createdAt: biz.at, expiresAt: at(expiresAt), used: false });
  recordTx(biz, { requestNo, service: "POS_RECHARGE", transactionType: "RECHARGE", status: "INIT", platformUserNo: no, amount, fee: 0, reqData: req });
  return { requestNo };
};

const ESTABLISH_PROJECT: DirectService = (biz, req) => {
  const requestNo = str(req, "requestNo");
  const no = str(req, "platformUserNo");
  const projectNo = str(req, "projectNo");
  const projectAmount = fen(req, "projectAmount", { positive: true });
  const rate = str(req, "annnualInterestRate");
  if (!/^\d{1,9}(\.\d{1,7})?$/.test(rate)) throw badFormat("参数 annnualInterestRate 格式错误(F:最多 7 位小数)");
  const projectType = oneOf(req, "projectType", ["STANDARDPOWDER"]);
  const repaymentWay = oneOf(req, "repaymentWay", ["ONE_TIME_SERVICING", "FIRSEINTREST_LASTPRICIPAL", "FIXED_PAYMENT_MORTGAGE", "FIXED_BASIS_MORTGAGE"]);
  activeAccount(biz, no);
  if (biz.store.project(projectNo)) throw rule("标的号已存在");
  const p: Project = {
    projectNo,
    platformUserNo: no,
    projectAmount,
    projectName: str(req, "projectName"),
    projectType,
    annnualInterestRate: rate,
    repaymentWay,
    status: "COLLECTING", // R1
    loanAmount: 0,
    repaymentAmount: 0,
    income: 0,
    commission: 0,
    holdings: {},
    createdAt: biz.at,
  };
  biz.store.putProject(p);
  recordTx(biz, { requestNo, service: "ESTABLISH_PROJECT", transactionType: "ESTABLISH_PROJECT", status: "SUCCESS", platformUserNo: no, projectNo, amount: projectAmount, reqData: req, transactionTime: biz.at });
  return {};
};

const MODIFY_PROJECT: DirectService = (biz, req) => {
  const requestNo = str(req, "requestNo");
  const p = project(biz, str(req, "projectNo"));
  const status = oneOf(req, "status", ["COLLECTING", "REPAYING", "FINISH", "MISCARRY"], { optional: true });
  const hasAmount = req.projectAmount !== undefined && req.projectAmount !== "";
  if (!status && !hasAmount) throw badFormat("缺少参数 status 或 projectAmount");
  const next: Project = { ...p };
  if (hasAmount) {
    // R5: the amount changes only while collecting.
    if (p.status !== "COLLECTING") throw rule("标的金额只有在募集中的时候允许变更(§2.11 R5)");
    next.projectAmount = fen(req, "projectAmount", { positive: true });
    if (next.projectAmount < p.loanAmount) throw rule("标的金额不能小于已放款金额");
  }
  if (status && status !== p.status) {
    // R6: 募集中 → 还款中 → 已截标, or 募集中 → 流标; never backwards.
    if (!canMoveProject(p.status, status)) throw rule(`标的状态不可由 ${p.status} 变更为 ${status}(§2.11 R6)`);
    next.status = status;
  }
  biz.store.putProject(next);
  recordTx(biz, { requestNo, service: "MODIFY_PROJECT", transactionType: "MODIFY_PROJECT", status: "SUCCESS", projectNo: p.projectNo, amount: next.projectAmount, reqData: req, transactionTime: biz.at });
  return { status: next.status };
};

/** §2.13: which platform account a bizType freezes, and who may be named for it. */
const PLATFORM_HOLD_ACCOUNT: Record<string, { account: string; role: string }> = {
  COMPENSATORY: { account: "PLATFORM_REPAYMENT_ACCOUNT", role: "PLATFORM_COMPENSATORY" },
  MARKETING: { account: "PLATFORM_MARKETING_ACCOUNT", role: "PLATFORM_MARKETING" },
};

const PLATFORM_PRE_TRANSACTION: DirectService = (biz, req) => {
  const requestNo = str(req, "requestNo");
  const named = str(req, "platformUserNo");
  const amount = fen(req, "amount", { positive: true });
  const bizType = oneOf(req, "bizType", ["COMPENSATORY", "MARKETING"]);
  const projectNo = str(req, "projectNo", { optional: true }) || undefined;
  const target = PLATFORM_HOLD_ACCOUNT[bizType];
  // The platform's own account, or a user holding the platform role for it.
  const user = isPlatformAccountNo(named) ? null : activeAccount(biz, named);
  if (isPlatformAccountNo(named) ? named !== target.account : user!.userRole !== target.role) {
    throw rule(`${bizType} 预处理须使用 ${target.account} 或 ${target.role} 角色用户`);
  }
  if (projectNo) {
    const p = project(biz, projectNo);
    if (!PROJECT_ALLOWS[p.status].services.includes("PLATFORM_PRE_TRANSACTION")) throw rule(`标的状态 ${p.status} 不允许平台预处理(§2.11 R2)`);
  }
  if (bizType === "MARKETING" && biz.settings.marketingDailyLimitFen !== null) {
    const day = biz.at.slice(0, 8);
    const today = biz.store
      .transactions()
      .filter((t) => t.service === "PLATFORM_PRE_TRANSACTION" && t.status === "SUCCESS" && t.reqData.bizType === "MARKETING" && t.createTime.startsWith(day))
      .reduce((sum, t) => sum + (t.amount ?? 0), 0);
    if (today + amount > biz.settings.marketingDailyLimitFen) throw rule("超过平台当日营销款限额(§2.13 R1)");
  }
  const b = books(biz, requestNo, "PLATFORM_PRE_TRANSACTION");
  b.requireAvailable(named, amount);
  b.freeze(named, amount);
  biz.store.putPretx({ requestNo, pretransactionType: "PLATFORM_RETRANSATION", bizType, platformUserNo: named, projectNo, amount, released: 0, createTime: biz.at, transactionTime: "" });
  recordTx(biz, { requestNo, service: "PLATFORM_PRE_TRANSACTION", transactionType: "PRETRANSATION", status: "SUCCESS", platformUserNo: named, projectNo, amount, reqData: req, transactionTime: biz.at });
  return {};
};

export function holdOf(biz: Biz, preTransactionNo: string): PreTransaction {
  const h = biz.store.pretx(preTransactionNo);
  if (!h) throw notFound(`预处理 ${preTransactionNo} 不存在`);
  return h;
}

const CANCEL_PRE_TRANSACTION: DirectService = (biz, req) => {
  const requestNo = str(req, "requestNo");
  const h = holdOf(biz, str(req, "preTransactionNo"));
  const amount = fen(req, "amount", { positive: true });
  // R1: cumulative cancellations (with confirmations) never exceed the hold.
  if (amount > h.amount - h.released) throw rule(`取消金额超过预处理剩余冻结金额 ${yuan(h.amount - h.released)} 元(§2.14 R1)`);
  books(biz, requestNo, "CANCEL_PRE_TRANSACTION").unfreeze(h.platformUserNo, amount);
  const released = h.released + amount;
  biz.store.putPretx({ ...h, released, transactionTime: released === h.amount ? biz.at : h.transactionTime });
  recordTx(biz, { requestNo, service: "CANCEL_PRE_TRANSACTION", transactionType: "PRETRANSATION", status: "SUCCESS", platformUserNo: h.platformUserNo, projectNo: h.projectNo, amount, reqData: req, transactionTime: biz.at });
  return {};
};

const FREEZE: DirectService = (biz, req) => {
  const requestNo = str(req, "requestNo");
  const no = str(req, "platformUserNo");
  const amount = fen(req, "amount", { positive: true });
  const b = books(biz, requestNo, "FREEZE");
  b.account(no);
  b.requireAvailable(no, amount);
  b.freeze(no, amount);
  biz.store.putFreeze({ requestNo, platformUserNo: no, amount, released: false, createTime: biz.at, transactionTime: biz.at });
  recordTx(biz, { requestNo, service: "FREEZE", transactionType: "FREEZE", status: "SUCCESS", platformUserNo: no, amount, reqData: req, transactionTime: biz.at });
  return {};
};

/** R1: by the original freeze's requestNo, the whole hold (design.md §3); again is a no-op success. */
const UNFREEZE: DirectService = (biz, req) => {
  const ori = str(req, "oriRequestNo");
  const f = biz.store.freeze(ori);
  if (!f) throw notFound(`原冻结请求 ${ori} 不存在`);
  if (f.released) return {};
  books(biz, `${ori}#UNFREEZE`, "UNFREEZE").unfreeze(f.platformUserNo, f.amount);
  biz.store.putFreeze({ ...f, released: true, releaseTime: biz.at });
  recordTx(biz, { requestNo: `${ori}#UNFREEZE`, service: "UNFREEZE", transactionType: "FREEZE", status: "SUCCESS", platformUserNo: f.platformUserNo, amount: f.amount, reqData: req, transactionTime: biz.at });
  return {};
};

export const DIRECT_SERVICES: Record<string, DirectService> = {
  POS_RECHARGE,
  ESTABLISH_PROJECT,
  MODIFY_PROJECT,
  PLATFORM_PRE_TRANSACTION,
  CANCEL_PRE_TRANSACTION,
  FREEZE,
  UNFREEZE,
  ...confirmServices(holdOf),
  ...queryServices,
  ...CHECKFILE_DIRECT_SERVICES,
};

