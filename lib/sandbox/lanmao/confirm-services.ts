import { type Biz, activeAccount, books, project, recordTx } from "./biz";
import { rule } from "./codes";
import { fen, list, type ReqData, str, yuan } from "./fields";
import type { DirectService } from "./direct-services";
import type { PreTransaction, Project } from "./store";

/**
 * The five confirmations (§2.15–§2.19): money leaves holds. Every rule is checked on the
 * whole request before anything moves; cumulative amounts per hold never exceed what it froze
 * (partial confirmations allowed, design.md §3), and a hold is complete at equality.
 */
type HoldOf = (biz: Biz, preTransactionNo: string) => PreTransaction;
const FEE = "PLATFORM_FEE_ACCOUNT";

function holdFor(biz: Biz, holdOf: HoldOf, no: string, bizType: string, projectNo: string | undefined, section: string): PreTransaction {
  const h = holdOf(biz, no);
  if (h.bizType !== bizType) throw rule(`预处理 ${no} 的业务类型是 ${h.bizType},不是 ${bizType}(${section})`);
  if (projectNo !== undefined && h.projectNo !== undefined && h.projectNo !== projectNo) throw rule(`预处理 ${no} 不属于标的 ${projectNo}`);
  return h;
}

/** Takes `amount` from holds in `taken`, refusing past what is left (keyed per hold, within one request too). */
function take(taken: Map<string, number>, h: PreTransaction, amount: number, section: string): void {
  const next = (taken.get(h.requestNo) ?? 0) + amount;
  if (next > h.amount - h.released) throw rule(`累计确认金额超过预处理 ${h.requestNo} 的剩余冻结金额 ${yuan(h.amount - h.released)} 元(${section})`);
  taken.set(h.requestNo, next);
}

function release(biz: Biz, h: PreTransaction, amount: number): void {
  const released = h.released + amount;
  biz.store.putPretx({ ...h, released, transactionTime: released === h.amount ? biz.at : h.transactionTime });
}

function commissionOf(req: ReqData): number {
  return fen(req, "commission", { optional: true });
}

function record(biz: Biz, req: ReqData, service: string, p: Project | undefined, amount: number, commission: number) {
  recordTx(biz, {
    requestNo: str(req, "requestNo"),
    service,
    transactionType: "TRANSACTIONCONFIRM_TRADE",
    status: "SUCCESS",
    projectNo: p?.projectNo,
    amount,
    commission,
    reqData: req,
    transactionTime: biz.at,
  });
}

export function confirmServices(holdOf: HoldOf): Record<string, DirectService> {
  // §2.15: tender holds → the borrower, less the platform's commission (R2).
  const CONFIRM_LOAN: DirectService = (biz, req) => {
    const requestNo = str(req, "requestNo");
    const p = project(biz, str(req, "projectNo"));
    if (p.status !== "COLLECTING") throw rule("放款确认要求标的状态为募集中(§2.15 R1)");
    const commission = commissionOf(req);
    const taken = new Map<string, number>();
    const details = list(req, "details").map((d) => {
      const h = holdFor(biz, holdOf, str(d, "preTransactionNo"), "TENDER", p.projectNo, "§2.15");
      const amount = fen(d, "amount", { positive: true });
      take(taken, h, amount, "§2.15");
      return { h, amount };
    });
    const total = details.reduce((s, d) => s + d.amount, 0);
    if (commission > total) throw rule("平台佣金不能超过放款金额(§2.15 R2)");
    if (p.loanAmount + total > p.projectAmount) throw rule("累计放款金额超过标的金额");
    const b = books(biz, requestNo, "CONFIRM_LOAN");
    const holdings = { ...p.holdings };
    for (const { h, amount } of details) {
      b.debitFrozen(h.platformUserNo, amount);
      release(biz, biz.store.pretx(h.requestNo)!, amount);
      const held = holdings[h.platformUserNo] ?? { principal: 0, confirmRequestNos: [] };
      holdings[h.platformUserNo] = { principal: held.principal + amount, confirmRequestNos: [...new Set([...held.confirmRequestNos, requestNo])] };
    }
    b.credit(p.platformUserNo, total - commission);
    b.credit(FEE, commission);
    biz.store.putProject({ ...p, holdings, loanAmount: p.loanAmount + total, commission: p.commission + commission });
    record(biz, req, "CONFIRM_LOAN", p, total, commission);
    return {};
  };

  // §2.16 / §2.17: the payer's hold → investors' principal and interest, plus commission.
  const repaymentLike =
    (service: "CONFIRM_REPAYMENT" | "CONFIRM_COMPENSATORY", bizType: string, section: string): DirectService =>
    (biz, req) => {
      const requestNo = str(req, "requestNo");
      const p = project(biz, str(req, "projectNo"));
      if (p.status !== "REPAYING") throw rule(`标的状态必须为还款中(${section} R1)`);
      const h = holdFor(biz, holdOf, str(req, "preTransactionNo"), bizType, p.projectNo, section);
      const commission = commissionOf(req);
      const details = list(req, "details").map((d) => ({ investor: str(d, "platformUserNo"), amount: fen(d, "amount"), income: fen(d, "income") }));
      for (const d of details) {
        const held = p.holdings[d.investor];
        // R4: payees are the project's investors; principal back never exceeds what each lent.
        if (!held) throw rule(`收款人 ${d.investor} 不是该标的的投资人(${section} R4)`);
        if (d.amount > held.principal) throw rule(`投资人 ${d.investor} 的还款本金超过其待收本金(${section} R4)`);
        if (d.amount + d.income === 0) throw rule("还款明细金额不能为 0");
      }
      if (new Set(details.map((d) => d.investor)).size !== details.length) throw rule("同一投资人在一次确认中只能出现一次");
      const total = details.reduce((s, d) => s + d.amount + d.income, 0) + commission;
      // R2/R3: the payer is charged commission + details, cumulatively within the hold.
      take(new Map(), h, total, `${section} R3`);
      const b = books(biz, requestNo, service);
      b.debitFrozen(h.platformUserNo, total);
      release(biz, h, total);
      const holdings = { ...p.holdings };
      for (const d of details) {
        b.credit(d.investor, d.amount + d.income);
        holdings[d.investor] = { ...holdings[d.investor], principal: holdings[d.investor].principal - d.amount };
      }
      b.credit(FEE, commission);
      const principal = details.reduce((s, d) => s + d.amount, 0);
      const income = details.reduce((s, d) => s + d.income, 0);
      biz.store.putProject({ ...p, holdings, repaymentAmount: p.repaymentAmount + principal, income: p.income + income, commission: p.commission + commission });
      // The record's amount is the details' (principal + income); the commission is its own.
      record(biz, req, service, p, total - commission, commission);
      return {};
    };

  // §2.18: the buyer's hold pays the sellers; the seller pays the commission (design.md §3).
  const CONFIRM_DEBENTURE_TRANSFER: DirectService = (biz, req) => {
    const requestNo = str(req, "requestNo");
    const p = project(biz, str(req, "projectNo"));
    if (p.status !== "REPAYING") throw rule("只有还款中的标的允许进行债权转让(§2.18 R1)");
    holdFor(biz, holdOf, str(req, "preTransactionNo"), "CREDIT_ASSIGNMENT", p.projectNo, "§2.18");
    let commissionLeft = commissionOf(req);
    const taken = new Map<string, number>();
    const shares = new Map<string, number>();
    const details = list(req, "details").map((d) => {
      const h = holdFor(biz, holdOf, str(d, "preTransactionNo"), "CREDIT_ASSIGNMENT", p.projectNo, "§2.18");
      const seller = str(d, "platformUserNo");
      const amount = fen(d, "amount", { positive: true });
      const share = d.share === undefined || d.share === "" ? amount : fen(d, "share", { positive: true });
      const original = str(d, "originalConfirmRequestNo");
      if (amount < share) throw rule("付款金额不能小于出让债权份额(§2.18)");
      if (seller === h.platformUserNo) throw rule("受让人不能购买自己的债权");
      const held = p.holdings[seller];
      if (!held || !held.confirmRequestNos.includes(original)) throw rule(`原购买记录 ${original} 不属于投资人 ${seller}(§2.18)`);
      const sold = (shares.get(seller) ?? 0) + share;
      if (sold > held.principal) throw rule(`出让份额超过投资人 ${seller} 的待收本金`);
      shares.set(seller, sold);
      take(taken, h, amount, "§2.18");
      // The commission is taken from the sellers' proceeds in detail order.
      const fee = Math.min(commissionLeft, amount);
      commissionLeft -= fee;
      return { h, seller, amount, share, fee };
    });
    if (commissionLeft > 0) throw rule("平台佣金不能超过转让付款金额(§2.18)");
    const b = books(biz, requestNo, "CONFIRM_DEBENTURE_TRANSFER");
    const holdings = { ...p.holdings };
    for (const d of details) {
      b.debitFrozen(d.h.platformUserNo, d.amount);
      release(biz, biz.store.pretx(d.h.requestNo)!, d.amount);
      b.credit(d.seller, d.amount - d.fee);
      b.credit(FEE, d.fee);
      holdings[d.seller] = { ...holdings[d.seller], principal: holdings[d.seller].principal - d.share };
      const buyer = holdings[d.h.platformUserNo] ?? { principal: 0, confirmRequestNos: [] };
      holdings[d.h.platformUserNo] = { principal: buyer.principal + d.share, confirmRequestNos: [...new Set([...buyer.confirmRequestNos, requestNo])] };
    }
    const total = details.reduce((s, d) => s + d.amount, 0);
    const commission = details.reduce((s, d) => s + d.fee, 0);
    biz.store.putProject({ ...p, holdings, commission: p.commission + commission });
    record(biz, req, "CONFIRM_DEBENTURE_TRANSFER", p, total, commission);
    return {};
  };

  // §2.19: the platform's marketing hold → users (red packets).
  const CONFIRM_PLATFORM_MARKETING: DirectService = (biz, req) => {
    const requestNo = str(req, "requestNo");
    const h = holdFor(biz, holdOf, str(req, "preTransactionNo"), "MARKETING", undefined, "§2.19");
    const details = list(req, "details").map((d) => ({ payee: str(d, "platformUserNo"), amount: fen(d, "amount", { positive: true }) }));
    for (const d of details) activeAccount(biz, d.payee);
    const total = details.reduce((s, d) => s + d.amount, 0);
    take(new Map(), h, total, "§2.19 R1");
    const b = books(biz, requestNo, "CONFIRM_PLATFORM_MARKETING");
    b.debitFrozen(h.platformUserNo, total);
    release(biz, h, total);
    for (const d of details) b.credit(d.payee, d.amount);
    record(biz, req, "CONFIRM_PLATFORM_MARKETING", undefined, total, 0);
    return {};
  };

  return {
    CONFIRM_LOAN,
    CONFIRM_REPAYMENT: repaymentLike("CONFIRM_REPAYMENT", "REPAYMENT", "§2.16"),
    CONFIRM_COMPENSATORY: repaymentLike("CONFIRM_COMPENSATORY", "COMPENSATORY", "§2.17"),
    CONFIRM_DEBENTURE_TRANSFER,
    CONFIRM_PLATFORM_MARKETING,
  };
}
