import { bankSupports, PROJECT_ALLOWS } from "@/lib/vendors/lanmao/enums";
import { type Biz, activeAccount, books, maskCard, project, recordTx } from "./biz";
import { isPlatformAccountNo } from "./books";
import { accessTypeOfCard, bankOfCard } from "./cards";
import { CODES, notFound, Refusal, rule } from "./codes";
import { fen, fromBeijingT, oneOf, type ReqData, str, yuan } from "./fields";
import type { Account } from "./store";

/**
 * The gateway interfaces (§2.1–§2.9, §2.12, §2.20) as the custody side runs them: `open`
 * checks what must hold before the customer sees a page (a refusal there is shown on the page,
 * no return, no notice); `confirm` acts when the customer confirms, returning the notice's
 * fields or throwing a Refusal that becomes a failure notice. Both see only synchronous state.
 */
export type PageLine = [label: string, value: string];

export interface GatewayService {
  title: string;
  /** QUERY_TRANSACTION type of the transaction it records. */
  txType: string;
  open(biz: Biz, req: ReqData): PageLine[];
  /** The POS page lets the customer type the amount when the order has none (§2.7). */
  asksAmount?(biz: Biz, req: ReqData): boolean;
  confirm(biz: Biz, req: ReqData, input: { amount?: number }): Record<string, unknown>;
}

const masked = (v: string) => (v.length <= 4 ? "****" : `${v.slice(0, 3)}****${v.slice(-4)}`);
const maskName = (n: string) => (Array.from(n).length <= 1 ? "*" : `${Array.from(n)[0]}${"*".repeat(Array.from(n).length - 1)}`);

function newUserNo(biz: Biz, no: string): void {
  // §2.1 R1, §2.2 R1 (and R4: a refused enterprise cannot apply again with the same number).
  if (biz.store.account(no)) throw rule("平台用户编号重复(§2.1 R1 / §2.2 R1)");
}

function cardCheck(cardNo: string, kind: "personalCard" | "enterpriseCard", section: string) {
  const bankcode = bankOfCard(cardNo, kind);
  if (!bankSupports(kind, bankcode)) throw rule(`该银行不支持(${section})`);
  const accessType = accessTypeOfCard(cardNo);
  if (kind === "personalCard" && !accessType) throw rule("银行卡四要素及三要素验证均未通过(§2.1 R3)");
  return { bankcode, accessType: accessType ?? "FULL_CHECKED" };
}

const PERSONAL_REGISTER: GatewayService = {
  title: "个人绑卡注册",
  txType: "REGISTER",
  open(biz, req) {
    newUserNo(biz, str(req, "platformUserNo"));
    oneOf(req, "idCardType", ["G2_IDCARD"]);
    oneOf(req, "userRole", ["NORMAL"]);
    // R2: shown, not editable.
    return [
      ["姓名", maskName(str(req, "realName"))],
      ["身份证号", masked(str(req, "idCardNo"))],
      ["银行卡号", maskCard(str(req, "bankcardNo"))],
      ["银行预留手机号", masked(str(req, "mobile"))],
    ];
  },
  confirm(biz, req) {
    const no = str(req, "platformUserNo");
    newUserNo(biz, no);
    const cardNo = str(req, "bankcardNo");
    const { bankcode, accessType } = cardCheck(cardNo, "personalCard", "§2.1 R5");
    const mobile = str(req, "mobile");
    const account: Account = {
      platformUserNo: no,
      userType: "PERSON",
      userRole: "NORMAL",
      active: true,
      available: 0,
      frozen: 0,
      card: { bankcardNo: cardNo, bankcode, mobile, accessType },
      mobile,
      realName: str(req, "realName"),
      idCardNo: str(req, "idCardNo"),
      createdAt: biz.at,
    };
    biz.store.putAccount(account);
    return {
      platformUserNo: no,
      realName: account.realName,
      idCardType: "G2_IDCARD",
      userRole: "NORMAL",
      idCardNo: account.idCardNo,
      mobile,
      bankcardNo: maskCard(cardNo),
      bankcode,
      accessType,
    };
  },
};

const ENTERPRISE_REGISTER: GatewayService = {
  title: "企业绑卡注册",
  txType: "REGISTER",
  open(biz, req) {
    newUserNo(biz, str(req, "platformUserNo"));
    for (const f of ["bankLicense", "legal", "legalIdCardNo", "contact", "contactPhone"]) str(req, f);
    oneOf(req, "userRole", ["NORMAL", "GUARANTEECORP"]);
    if (!bankSupports("enterpriseCard", str(req, "bankcode"))) throw rule("该银行不支持企业用户(§2.2 R7)");
    return [
      ["企业名称", str(req, "enterpriseName")],
      ["对公账户", maskCard(str(req, "bankcardNo"))],
      ["联系人手机号", masked(str(req, "contactPhone"))],
    ];
  },
  confirm(biz, req) {
    const no = str(req, "platformUserNo");
    newUserNo(biz, no);
    const cardNo = str(req, "bankcardNo");
    const bankcode = str(req, "bankcode");
    const userRole = str(req, "userRole");
    biz.store.putAccount({
      platformUserNo: no,
      userType: "ENTERPRISE",
      userRole,
      auditStatus: "AUDIT",
      active: false,
      available: 0,
      frozen: 0,
      card: { bankcardNo: cardNo, bankcode },
      mobile: str(req, "contactPhone"),
      enterpriseName: str(req, "enterpriseName"),
      createdAt: biz.at,
    });
    // R2: waits for 联银通's operators; the audit's outcome follows as further notices (R5).
    return { status: "AUDIT", platformUserNo: no, userRole, bankcardNo: maskCard(cardNo), bankcode };
  },
};

function ownAccount(biz: Biz, req: ReqData): Account {
  const no = str(req, "platformUserNo");
  const a = biz.store.account(no);
  if (!a || a.userType === "PLATFORM") throw notFound(`用户 ${no} 不存在`);
  return a;
}

const UNBIND_BANKCARD: GatewayService = {
  title: "银行卡解绑",
  txType: "UNBIND_BANKCARD",
  open(biz, req) {
    const a = ownAccount(biz, req);
    return [["银行卡号", a.card ? maskCard(a.card.bankcardNo) : "未绑卡"]];
  },
  confirm(biz, req) {
    const a = ownAccount(biz, req);
    if (!a.card) throw rule("用户未绑定银行卡");
    // R1/R2: only at zero balance; otherwise the customer calls 联银通.
    if (a.available + a.frozen !== 0) throw rule("账户余额不为0,不能解绑,请联系联银通客服(§2.3 R2)");
    biz.store.putAccount({ ...a, card: null });
    return {};
  },
};

const PERSONAL_BIND_BANKCARD: GatewayService = {
  title: "个人绑卡",
  txType: "BINDKIND",
  open(biz, req) {
    const a = ownAccount(biz, req);
    if (a.userType !== "PERSON") throw rule("企业用户请使用企业绑卡");
    return [
      ["银行卡号", maskCard(str(req, "bankcardNo"))],
      ["银行预留手机号", masked(str(req, "mobile"))],
    ];
  },
  confirm(biz, req) {
    const a = ownAccount(biz, req);
    if (a.card) throw rule("只有已解绑状态下允许绑卡(§2.4 R1)");
    const cardNo = str(req, "bankcardNo");
    const mobile = str(req, "mobile");
    const { bankcode, accessType } = cardCheck(cardNo, "personalCard", "§2.4 R5");
    biz.store.putAccount({ ...a, card: { bankcardNo: cardNo, bankcode, mobile, accessType } });
    return { platformUserNo: a.platformUserNo, bankcardNo: maskCard(cardNo), bankcode, mobile };
  },
};

const ENTERPRISE_BIND_BANKCARD: GatewayService = {
  title: "企业绑卡",
  txType: "BINDKIND",
  open(biz, req) {
    const a = ownAccount(biz, req);
    if (a.userType !== "ENTERPRISE") throw rule("个人用户请使用个人绑卡");
    if (!bankSupports("enterpriseCard", str(req, "bankcode"))) throw rule("该银行不支持企业用户(§2.5 R2)");
    return [["对公账户", maskCard(str(req, "bankcardNo"))]];
  },
  confirm(biz, req) {
    const a = ownAccount(biz, req);
    if (a.card) throw rule("只有已解绑状态下允许绑卡(§2.4 R1)");
    const cardNo = str(req, "bankcardNo");
    const bankcode = str(req, "bankcode");
    biz.store.putAccount({ ...a, card: { bankcardNo: cardNo, bankcode } });
    return { platformUserNo: a.platformUserNo, bankcardNo: maskCard(cardNo), bankcode };
  },
};

/** §2.6 R3/R4, and §2.2 R6: enterprises recharge only by B2B net banking. */
function checkRecharge(biz: Biz, req: ReqData) {
  const no = str(req, "platformUserNo");
  const amount = fen(req, "amount", { positive: true });
  oneOf(req, "feeMode", ["PLATFORM"]);
  const way = oneOf(req, "rechargeWay", ["NETBANK_B2B", "NETBANK_B2C"]);
  const bankcode = str(req, "bankcode");
  const account = isPlatformAccountNo(no) ? books(biz, "", "").account(no) : activeAccount(biz, no);
  if (account.userType === "ENTERPRISE" && way !== "NETBANK_B2B") throw rule("企业用户只能使用网银 B2B 充值(§2.2 R6)");
  if (account.userType === "PERSON" && way !== "NETBANK_B2C") throw rule("个人用户使用网银 B2C 充值(§2.6 R3)");
  if (!bankSupports(way === "NETBANK_B2B" ? "rechargeB2B" : "rechargeB2C", bankcode)) throw rule(way === "NETBANK_B2B" ? "该银行不支持企业网银充值(§2.6 R4)" : "该银行不支持个人网银充值(§2.6 R3)");
  return { no, amount, way, bankcode };
}

const RECHARGE: GatewayService = {
  title: "网银充值",
  txType: "RECHARGE",
  open(biz, req) {
    const r = checkRecharge(biz, req);
    return [
      ["充值金额", `${yuan(r.amount)} 元`],
      ["支付方式", r.way],
      ["银行", r.bankcode],
    ];
  },
  confirm(biz, req) {
    const r = checkRecharge(biz, req);
    books(biz, str(req, "requestNo"), "RECHARGE").credit(r.no, r.amount);
    recordTx(biz, { requestNo: str(req, "requestNo"), service: "RECHARGE", transactionType: "RECHARGE", status: "SUCCESS", platformUserNo: r.no, amount: r.amount, fee: 0, reqData: req, transactionTime: biz.at });
    return { platformUserNo: r.no, amount: yuan(r.amount), feeMode: "PLATFORM", fee: "0.00", rechargeWay: r.way, bankcode: r.bankcode };
  },
};

function posOrder(biz: Biz, req: ReqData) {
  const requestNo = str(req, "requestNo");
  const order = biz.store.pos(requestNo);
  // R1: the same requestNo as POS_RECHARGE; R3: valid for 30 minutes, once.
  if (!order) throw notFound("POS 充值订单不存在(§2.8 R1:请使用 POS 充值的请求流水号)");
  if (order.platformUserNo !== str(req, "platformUserNo")) throw rule("平台用户编号与 POS 充值订单不一致");
  if (order.used) throw new Refusal(CODES.DUPLICATE, "POS 充值订单已完成");
  if ((fromBeijingT(order.expiresAt)?.getTime() ?? 0) < biz.now.getTime()) throw rule("POS 充值订单已失效(30 分钟,§2.7 R3)");
  return order;
}

const POS_BUILD_BARCODE: GatewayService = {
  title: "POS 充值条形码",
  txType: "RECHARGE",
  open(biz, req) {
    const order = posOrder(biz, req);
    // R2: 18 random digits.
    const barcode = Array.from({ length: 18 }, () => Math.floor(Math.random() * 10)).join("");
    return [
      ["条形码", barcode],
      ["充值金额", order.amount === undefined ? "由用户填写" : `${yuan(order.amount)} 元`],
    ];
  },
  asksAmount: (biz, req) => biz.store.pos(str(req, "requestNo"))?.amount === undefined,
  confirm(biz, req, input) {
    const order = posOrder(biz, req);
    const amount = order.amount ?? input.amount;
    if (!amount || amount <= 0) throw rule("请填写充值金额");
    books(biz, order.requestNo, "POS_BUILD_BARCODE").credit(order.platformUserNo, amount);
    biz.store.putPos({ ...order, used: true, amount });
    recordTx(biz, { requestNo: order.requestNo, service: "POS_RECHARGE", transactionType: "RECHARGE", status: "SUCCESS", platformUserNo: order.platformUserNo, amount, fee: 0, reqData: { ...biz.store.tx(order.requestNo)?.reqData, rechargeWay: "POS" }, transactionTime: biz.at });
    return { platformUserNo: order.platformUserNo, amount: yuan(amount), feeMode: "PLATFORM", fee: "0.00", rechargeWay: "POS" };
  },
};

function checkWithdraw(biz: Biz, req: ReqData) {
  const no = str(req, "platformUserNo");
  const amount = fen(req, "amount", { positive: true });
  oneOf(req, "feeMode", ["PLATFORM"]);
  const type = oneOf(req, "withdrawType", ["0", "1", "NORMAL", "URGENT"]);
  const a = activeAccount(biz, no);
  if (!a.card) throw rule("用户未绑卡不允许提现(§2.9 R1)");
  const kind = a.userType === "ENTERPRISE" ? "enterpriseWithdraw" : "personalWithdraw";
  if (!bankSupports(kind, a.card.bankcode)) throw rule(`该银行不支持提现(§2.9 ${kind === "enterpriseWithdraw" ? "R3" : "R2"})`);
  return { a, amount, withdrawType: type === "1" || type === "URGENT" ? 1 : 0, card: a.card };
}

const WITHDRAW: GatewayService = {
  title: "提现",
  txType: "WITHDRAW",
  open(biz, req) {
    const w = checkWithdraw(biz, req);
    return [
      ["提现金额", `${yuan(w.amount)} 元`],
      ["到账银行卡", maskCard(w.card.bankcardNo)],
      ["到账时间", w.withdrawType === 1 ? "加急,T+0" : "普通,T+1"],
    ];
  },
  confirm(biz, req) {
    const w = checkWithdraw(biz, req);
    const b = books(biz, str(req, "requestNo"), "WITHDRAW");
    b.requireAvailable(w.a.platformUserNo, w.amount);
    b.debit(w.a.platformUserNo, w.amount);
    recordTx(biz, { requestNo: str(req, "requestNo"), service: "WITHDRAW", transactionType: "WITHDRAW", status: "SUCCESS", platformUserNo: w.a.platformUserNo, amount: w.amount, fee: 0, reqData: req, transactionTime: biz.at });
    return {
      platformUserNo: w.a.platformUserNo,
      amount: yuan(w.amount),
      fee: "0.00",
      feeMode: "PLATFORM",
      withdrawType: w.withdrawType,
      bankcardNo: maskCard(w.card.bankcardNo),
      bankcode: w.card.bankcode,
    };
  },
};

/** Open TENDER holds on a project, not yet confirmed or cancelled. */
function openTenders(biz: Biz, projectNo: string): number {
  return biz.store.state
    .list<{ bizType: string; projectNo?: string; amount: number; released: number }>("lanmao:pretx:")
    .map(([, p]) => p)
    .filter((p) => p.bizType === "TENDER" && p.projectNo === projectNo)
    .reduce((sum, p) => sum + p.amount - p.released, 0);
}

function checkUserHold(biz: Biz, req: ReqData) {
  const no = str(req, "platformUserNo");
  const amount = fen(req, "amount", { positive: true });
  const bizType = oneOf(req, "bizType", ["TENDER", "REPAYMENT", "CREDIT_ASSIGNMENT", "COMPENSATORY"]);
  const p = project(biz, str(req, "projectNo"));
  activeAccount(biz, no);
  // §2.11 R1–R4: what each project status allows.
  if (!PROJECT_ALLOWS[p.status].bizTypes.includes(bizType)) throw rule(`标的状态 ${p.status} 不允许 ${bizType} 预处理(§2.11 R1–R4)`);
  if (bizType === "TENDER") {
    if (no === p.platformUserNo) throw rule("借款人不能投自己的标的");
    if (p.loanAmount + openTenders(biz, p.projectNo) + amount > p.projectAmount) throw rule("投标金额超过标的剩余可投金额");
  }
  return { no, amount, bizType, p };
}

const USER_PRE_TRANSACTION: GatewayService = {
  title: "用户预处理(冻结)",
  txType: "PRETRANSATION",
  open(biz, req) {
    const h = checkUserHold(biz, req);
    const lines: PageLine[] = [
      ["业务", h.bizType],
      ["标的", `${h.p.projectName}(${h.p.projectNo})`],
      ["冻结金额", `${yuan(h.amount)} 元`],
    ];
    const remark = str(req, "remark", { optional: true });
    return remark ? [...lines, ["备注", remark]] : lines;
  },
  confirm(biz, req) {
    const h = checkUserHold(biz, req);
    const requestNo = str(req, "requestNo");
    const b = books(biz, requestNo, "USER_PRE_TRANSACTION");
    b.requireAvailable(h.no, h.amount);
    b.freeze(h.no, h.amount);
    biz.store.putPretx({ requestNo, pretransactionType: "PRETRANSATION", bizType: h.bizType, platformUserNo: h.no, projectNo: h.p.projectNo, amount: h.amount, released: 0, createTime: biz.at, transactionTime: "" });
    recordTx(biz, { requestNo, service: "USER_PRE_TRANSACTION", transactionType: "PRETRANSATION", status: "SUCCESS", platformUserNo: h.no, projectNo: h.p.projectNo, amount: h.amount, reqData: req, transactionTime: biz.at });
    return { bizType: h.bizType };
  },
};

const RESET_PASSWORD: GatewayService = {
  title: "修改交易密码",
  txType: "RESET_PASSWORD",
  open(biz, req) {
    ownAccount(biz, req);
    return [["操作", "重置交易密码"]];
  },
  confirm(biz, req) {
    const a = ownAccount(biz, req);
    // R5: no card, no password reset by bank details.
    if (!a.card) throw rule("用户未绑定银行卡或对公账户,请先绑卡(§2.20 R5)");
    return {};
  },
};

export const GATEWAY_SERVICES: Record<string, GatewayService> = {
  PERSONAL_REGISTER,
  ENTERPRISE_REGISTER,
  UNBIND_BANKCARD,
  PERSONAL_BIND_BANKCARD,
  ENTERPRISE_BIND_BANKCARD,
  RECHARGE,
  POS_BUILD_BARCODE,
  WITHDRAW,
  USER_PRE_TRANSACTION,
  RESET_PASSWORD,
};
