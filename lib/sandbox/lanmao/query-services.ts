import { type Biz, maskCard, project, recordTx } from "./biz";
import { Books } from "./books";
import { notFound } from "./codes";
import { fromBeijingT, oneOf, type ReqData, str, yuan } from "./fields";
import type { DirectService } from "./direct-services";
import type { TxRecord } from "./store";

/**
 * The four queries (§3). Amounts as type-A text. QUERY_TRANSACTION answers the shape of its
 * `transactionType`; a gateway request the customer never finished reads INIT until its page
 * expires, then FAIL — so a console that got no notice can settle it.
 */
const QUERY_USER_INFORMATION: DirectService = (biz, req) => {
  const a = new Books(biz.store, biz.at, "", "").account(str(req, "platformUserNo"));
  return {
    platformUserNo: a.platformUserNo,
    userType: a.userType === "PLATFORM" ? "ENTERPRISE" : a.userType,
    userRole: a.userRole,
    ...(a.auditStatus ? { auditStatus: a.auditStatus } : {}),
    activeStatus: a.active,
    balance: yuan(a.available + a.frozen),
    availableAmount: yuan(a.available),
    freezeAmount: yuan(a.frozen),
    ...(a.card ? { bankcardNo: maskCard(a.card.bankcardNo), bankcode: a.card.bankcode } : {}),
    mobile: a.mobile,
  };
};

const QUERY_PLATFORM_INFORMATION: DirectService = (biz) => {
  const b = new Books(biz.store, biz.at, "", "");
  const fee = b.account("PLATFORM_FEE_ACCOUNT");
  const rep = b.account("PLATFORM_REPAYMENT_ACCOUNT");
  const mkt = b.account("PLATFORM_MARKETING_ACCOUNT");
  return {
    feeBalance: yuan(fee.available + fee.frozen),
    repaymentBalance: yuan(rep.available + rep.frozen),
    repaymentFreeze: yuan(rep.frozen),
    marketingBalance: yuan(mkt.available + mkt.frozen),
    marketingFreeze: yuan(mkt.frozen),
  };
};

const GATEWAY_EXPIRY_MS = 15 * 60_000;

/** An unfinished gateway transaction past its page's expiry has failed. */
function settled(biz: Biz, t: TxRecord): TxRecord {
  if (t.status !== "INIT" || t.service === "POS_RECHARGE") return t;
  const expired = typeof t.reqData.expired === "string" ? fromBeijingT(t.reqData.expired) : null;
  const deadline = expired && expired.getTime() > (fromBeijingT(t.createTime)?.getTime() ?? 0) ? expired.getTime() : (fromBeijingT(t.createTime)?.getTime() ?? 0) + GATEWAY_EXPIRY_MS;
  if (biz.now.getTime() <= deadline) return t;
  return recordTx(biz, { ...t, status: "FAIL", transactionTime: biz.at });
}

const times = (t: TxRecord) => ({ createTime: t.createTime, transactionTime: t.transactionTime ?? "", status: t.status });

const QUERY_TRANSACTION: DirectService = (biz, req) => {
  const requestNo = str(req, "requestNo");
  const type = oneOf(req, "transactionType", ["REGISTER", "BINDKIND", "UNBIND_BANKCARD", "ESTABLISH_PROJECT", "MODIFY_PROJECT", "RECHARGE", "WITHDRAW", "PRETRANSATION", "TRANSACTIONCONFIRM_TRADE", "FREEZE"]);
  if (type === "PRETRANSATION") {
    const h = biz.store.pretx(requestNo);
    if (!h) {
      const t = biz.store.tx(requestNo);
      // A hold the customer has not confirmed yet (or never will).
      if (t?.transactionType === "PRETRANSATION" && t.service === "USER_PRE_TRANSACTION") {
        const s = settled(biz, t);
        return { pretransactionType: "PRETRANSATION", bizType: String(t.reqData.bizType ?? ""), platformUserNo: t.platformUserNo, freezeAmount: "0.00", unfreezeAmount: "0.00", ...times(s), status: s.status === "FAIL" ? "FAIL" : "INIT" };
      }
      throw notFound("交易不存在");
    }
    return {
      pretransactionType: h.pretransactionType,
      bizType: h.bizType,
      platformUserNo: h.platformUserNo,
      freezeAmount: yuan(h.amount),
      unfreezeAmount: yuan(h.released),
      // §3.3: INIT nothing confirmed, PROCESSING partly, SUCCESS all.
      status: h.released === 0 ? "INIT" : h.released < h.amount ? "PROCESSING" : "SUCCESS",
      createTime: h.createTime,
      transactionTime: h.transactionTime,
    };
  }
  if (type === "FREEZE") {
    const f = biz.store.freeze(requestNo);
    if (!f) throw notFound("交易不存在");
    // `unfrozen` is not in the document: answers may gain fields (§1.7).
    return { platformUserNo: f.platformUserNo, requestNo: f.requestNo, amount: yuan(f.amount), status: "SUCCESS", createTime: f.createTime, transactionTime: f.transactionTime, unfrozen: f.released };
  }
  const found = biz.store.tx(requestNo);
  if (!found || found.transactionType !== type) throw notFound("交易不存在");
  const t = settled(biz, found);
  switch (type) {
    case "RECHARGE":
      return {
        amount: yuan(t.amount ?? 0),
        platformUserNo: t.platformUserNo,
        ...times(t),
        rechargeWay: String(t.reqData.rechargeWay ?? "POS"),
        fee: yuan(t.fee ?? 0),
        ...(t.reqData.bankcode ? { bankcode: String(t.reqData.bankcode) } : {}),
      };
    case "WITHDRAW": {
      const a = biz.store.account(t.platformUserNo ?? "");
      return { amount: yuan(t.amount ?? 0), platformUserNo: t.platformUserNo, ...times(t), fee: yuan(t.fee ?? 0), feeMode: "PLATFORM", bankcardNo: a?.card ? maskCard(a.card.bankcardNo) : "" };
    }
    case "TRANSACTIONCONFIRM_TRADE":
      return {
        ...(t.projectNo ? { projectNo: t.projectNo } : {}),
        confirmTradeType: t.service,
        requestNo: t.requestNo,
        ...(t.commission ? { commission: yuan(t.commission) } : {}),
        ...times(t),
      };
    default:
      return { ...times(t) };
  }
};

const QUERY_PROJECT_INFORMATION: DirectService = (biz, req: ReqData) => {
  const p = project(biz, str(req, "projectNo"));
  return {
    platformUserNo: p.platformUserNo,
    projectNo: p.projectNo,
    projectAmount: yuan(p.projectAmount),
    projectName: p.projectName,
    projectType: p.projectType,
    annnualInterestRate: p.annnualInterestRate,
    repaymentWay: p.repaymentWay,
    status: p.status,
    loanAmount: yuan(p.loanAmount),
    repaymentAmount: yuan(p.repaymentAmount),
    income: yuan(p.income),
  };
};

export const queryServices: Record<string, DirectService> = { QUERY_USER_INFORMATION, QUERY_PLATFORM_INFORMATION, QUERY_TRANSACTION, QUERY_PROJECT_INFORMATION };
