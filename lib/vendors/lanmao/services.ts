/**
 * Every 联银通 interface (vendor doc 004 §2–§4) with what decides how it may be sent and
 * retried. The wire spelling is design.md §3's: the document was transcribed with errors
 * (`CONFIRM_ COMPENSATORY`, `CANCEL_PRE_TRANSATION` …); the interface's own section wins over
 * the appendix, and both spellings are accepted inbound ({@link canonicalServiceName}).
 *
 * - `mode`: `gateway` = the customer's browser carries a signed form to …/lanmaotech/gateway
 *   and comes back to our return page, then a NOTIFY follows; `direct` = we POST to
 *   …/lanmaotech/service and the answer is synchronous; `download` = …/lanmaotech/download.
 * - `idempotent`: the document's 是否幂等 (§1.6). Only these are resent with the same
 *   `requestNo` after a timeout; the others are resolved with QUERY_TRANSACTION first.
 * - `notify`: the document's 异步通知 — a NOTIFY arrives for it.
 * - `movesMoney`: changes a balance, a hold or a recharge/withdraw order; written down with its
 *   `requestNo` before sending, and (direct ones) approved by a second finance user.
 * - `queryType`: the QUERY_TRANSACTION `transactionType` (5.3.19) that finds it by `requestNo`.
 *
 * The appendix also names AUTHORIZE_PRETRANSATION, USER_AUTHORIZATION and
 * CANCEL_USER_AUTHORIZATION, which the document never specifies: not offered.
 */
export type LanmaoMode = "gateway" | "direct" | "download";

export type LanmaoTransactionType =
  | "REGISTER"
  | "BINDKIND"
  | "UNBIND_BANKCARD"
  | "ESTABLISH_PROJECT"
  | "MODIFY_PROJECT"
  | "RECHARGE"
  | "WITHDRAW"
  | "PRETRANSATION"
  | "TRANSACTIONCONFIRM_TRADE"
  | "FREEZE";

export type LanmaoServiceSpec = {
  /** Section of vendor doc 004. */
  section: string;
  /** The document's Chinese title. */
  zh: string;
  mode: LanmaoMode;
  idempotent: boolean;
  notify: boolean;
  movesMoney: boolean;
  /** A read-only query: safe to repeat whatever the document's 是否幂等 says. */
  query: boolean;
  queryType: LanmaoTransactionType | null;
  /** Other spellings the document uses, accepted inbound only. */
  aliases: readonly string[];
};

const spec = (s: Partial<LanmaoServiceSpec> & Pick<LanmaoServiceSpec, "section" | "zh" | "mode">): LanmaoServiceSpec => ({
  idempotent: false,
  notify: false,
  movesMoney: false,
  query: false,
  queryType: null,
  aliases: [],
  ...s,
});

export const LANMAO_SERVICES = {
  PERSONAL_REGISTER: spec({ section: "2.1", zh: "个人绑卡注册", mode: "gateway", notify: true, queryType: "REGISTER" }),
  ENTERPRISE_REGISTER: spec({ section: "2.2", zh: "企业绑卡注册", mode: "gateway", notify: true, queryType: "REGISTER" }),
  UNBIND_BANKCARD: spec({ section: "2.3", zh: "银行卡解绑", mode: "gateway", notify: true, queryType: "UNBIND_BANKCARD" }),
  PERSONAL_BIND_BANKCARD: spec({ section: "2.4", zh: "个人绑卡", mode: "gateway", notify: true, queryType: "BINDKIND" }),
  ENTERPRISE_BIND_BANKCARD: spec({ section: "2.5", zh: "企业绑卡", mode: "gateway", notify: true, queryType: "BINDKIND" }),
  RECHARGE: spec({ section: "2.6", zh: "充值", mode: "gateway", notify: true, movesMoney: true, queryType: "RECHARGE" }),
  // The order it creates is completed by POS_BUILD_BARCODE with the same requestNo (§2.8 R1).
  POS_RECHARGE: spec({ section: "2.7", zh: "POS 充值", mode: "direct", movesMoney: true, queryType: "RECHARGE" }),
  POS_BUILD_BARCODE: spec({ section: "2.8", zh: "POS 条形码生成", mode: "gateway", notify: true, movesMoney: true, queryType: "RECHARGE" }),
  WITHDRAW: spec({ section: "2.9", zh: "提现", mode: "gateway", notify: true, movesMoney: true, queryType: "WITHDRAW" }),
  ESTABLISH_PROJECT: spec({ section: "2.10", zh: "创建标的", mode: "direct", queryType: "ESTABLISH_PROJECT" }),
  MODIFY_PROJECT: spec({ section: "2.11", zh: "变更标的", mode: "direct", queryType: "MODIFY_PROJECT" }),
  USER_PRE_TRANSACTION: spec({ section: "2.12", zh: "用户预处理", mode: "gateway", idempotent: true, notify: true, movesMoney: true, queryType: "PRETRANSATION" }),
  PLATFORM_PRE_TRANSACTION: spec({ section: "2.13", zh: "平台预处理", mode: "direct", idempotent: true, movesMoney: true, queryType: "PRETRANSATION" }),
  CANCEL_PRE_TRANSACTION: spec({
    section: "2.14",
    zh: "预处理取消",
    mode: "direct",
    idempotent: true,
    movesMoney: true,
    queryType: "PRETRANSATION",
    aliases: ["CANCEL_PRE_TRANSATION"],
  }),
  CONFIRM_LOAN: spec({ section: "2.15", zh: "放款确认", mode: "direct", idempotent: true, movesMoney: true, queryType: "TRANSACTIONCONFIRM_TRADE" }),
  CONFIRM_REPAYMENT: spec({ section: "2.16", zh: "还款确认", mode: "direct", idempotent: true, movesMoney: true, queryType: "TRANSACTIONCONFIRM_TRADE" }),
  CONFIRM_COMPENSATORY: spec({
    section: "2.17",
    zh: "代偿确认",
    mode: "direct",
    idempotent: true,
    movesMoney: true,
    queryType: "TRANSACTIONCONFIRM_TRADE",
    aliases: ["CONFIRM_ COMPENSATORY"],
  }),
  CONFIRM_DEBENTURE_TRANSFER: spec({
    section: "2.18",
    zh: "债权转让确认",
    mode: "direct",
    idempotent: true,
    movesMoney: true,
    queryType: "TRANSACTIONCONFIRM_TRADE",
    aliases: ["CONFOIRM_DEBENTURE_TRANSFER"],
  }),
  CONFIRM_PLATFORM_MARKETING: spec({
    section: "2.19",
    zh: "平台营销款确认",
    mode: "direct",
    idempotent: true,
    movesMoney: true,
    queryType: "TRANSACTIONCONFIRM_TRADE",
    aliases: ["CONFIRM _ PLATFORM_MARKETING", "CONFIRM_PLATFORM_ MARKETING", "CONFOIRM_ PLATFORM_MARKETING"],
  }),
  RESET_PASSWORD: spec({ section: "2.20", zh: "修改密码", mode: "gateway", notify: true }),
  FREEZE: spec({ section: "2.21", zh: "资金冻结", mode: "direct", idempotent: true, movesMoney: true, queryType: "FREEZE" }),
  UNFREEZE: spec({ section: "2.22", zh: "资金解冻", mode: "direct", idempotent: true, movesMoney: true, queryType: "FREEZE" }),
  QUERY_USER_INFORMATION: spec({ section: "3.1", zh: "用户信息查询", mode: "direct", query: true }),
  QUERY_PLATFORM_INFORMATION: spec({ section: "3.2", zh: "平台信息查询", mode: "direct", query: true }),
  QUERY_TRANSACTION: spec({ section: "3.3", zh: "单笔交易查询", mode: "direct", query: true }),
  QUERY_PROJECT_INFORMATION: spec({ section: "3.4", zh: "标的信息查询", mode: "direct", query: true }),
  // §4, check files: built by the reconciliation issue; listed so the vocabulary is complete.
  DOWNLOAD_CHECKFILE: spec({ section: "4.2", zh: "对账文件下载", mode: "download", query: true }),
  CONFIRM_CHECKFILE: spec({ section: "4.3", zh: "对账文件确认", mode: "direct" }),
  UPLOAD_CHECKFILE: spec({ section: "4.4", zh: "对账文件上传", mode: "direct", aliases: ["UPLOAAD_CHECKFILE"] }),
} as const satisfies Record<string, LanmaoServiceSpec>;

export type LanmaoServiceName = keyof typeof LANMAO_SERVICES;
export const LANMAO_SERVICE_NAMES = Object.keys(LANMAO_SERVICES) as LanmaoServiceName[];

export const GATEWAY_SERVICES = LANMAO_SERVICE_NAMES.filter((n) => LANMAO_SERVICES[n].mode === "gateway");
export const DIRECT_SERVICES = LANMAO_SERVICE_NAMES.filter((n) => LANMAO_SERVICES[n].mode === "direct");
export const IDEMPOTENT_SERVICES = LANMAO_SERVICE_NAMES.filter((n) => LANMAO_SERVICES[n].idempotent);
export const MONEY_MOVING_SERVICES = LANMAO_SERVICE_NAMES.filter((n) => LANMAO_SERVICES[n].movesMoney);
export const NOTIFYING_SERVICES = LANMAO_SERVICE_NAMES.filter((n) => LANMAO_SERVICES[n].notify);

/** Gateway service names, as a type, for the functions that build browser forms. */
export type LanmaoGatewayService = {
  [K in LanmaoServiceName]: (typeof LANMAO_SERVICES)[K]["mode"] extends "gateway" ? K : never;
}[LanmaoServiceName];
export type LanmaoDirectService = {
  [K in LanmaoServiceName]: (typeof LANMAO_SERVICES)[K]["mode"] extends "direct" ? K : never;
}[LanmaoServiceName];

const BY_SPELLING = new Map<string, LanmaoServiceName>();
for (const name of LANMAO_SERVICE_NAMES) {
  BY_SPELLING.set(name, name);
  for (const alias of LANMAO_SERVICES[name].aliases) BY_SPELLING.set(alias, name);
}

/** The wire spelling for any spelling the document uses (inbound), or null for an unknown name. */
export function canonicalServiceName(wire: string): LanmaoServiceName | null {
  return BY_SPELLING.get(wire) ?? BY_SPELLING.get(wire.replace(/\s+/g, "")) ?? null;
}

export function isLanmaoServiceName(value: string): value is LanmaoServiceName {
  return Object.hasOwn(LANMAO_SERVICES, value);
}

/**
 * What to do after an ambiguous failure (timeout, 5xx, lost answer) of `name`:
 * resend with the same requestNo when the document marks it idempotent (or it only reads);
 * otherwise ask QUERY_TRANSACTION (or, for a project, QUERY_PROJECT_INFORMATION) first.
 */
export function afterAmbiguousFailure(name: LanmaoServiceName): "resend_same_request_no" | "query_first" {
  const s = LANMAO_SERVICES[name];
  return s.idempotent || s.query ? "resend_same_request_no" : "query_first";
}
