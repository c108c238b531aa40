import type { LanmaoServiceName } from "./services";

/**
 * The enumerations of vendor doc 004 §5 (appendix), spelled as design.md §3 settles: the
 * document's OCR errors (Cyrillic `ВКСН`/`нхвк`, spaces inside names, `CONFOIRM_`) are
 * corrected outbound; inbound readers accept both (see {@link readBankCode}).
 * Where the appendix and an interface's own section disagree, the section wins.
 */

const labelled = <const T extends Record<string, { zh: string; en: string }>>(t: T) => t;
export type Codes<T> = keyof T & string;

/** 5.1 通用返回码. `code` arrives as a string or a number; compare with {@link isSuccessCode}. */
export const RETURN_CODES = labelled({
  "0": { zh: "成功", en: "success" },
  "100001": { zh: "系统错误", en: "custody system error" },
  "100002": { zh: "xml 参数格式错误", en: "malformed parameters" },
  "100003": { zh: "签名验证失败", en: "signature verification failed" },
  "100004": { zh: "平台编号不存在", en: "unknown platform number" },
  "100005": { zh: "平台状态异常", en: "platform status abnormal" },
  "100006": { zh: "业务未开通", en: "service not enabled for the platform" },
});
export type LanmaoReturnCode = Codes<typeof RETURN_CODES>;
export const SUCCESS_CODE = "0";
export const isSuccessCode = (code: string | number | undefined | null) => code !== undefined && code !== null && String(code).trim() === SUCCESS_CODE;

/** 5.2 银行代码 (BKCH and HXBK in Latin letters; the document printed them in Cyrillic). */
export const BANKS = labelled({
  ABOC: { zh: "中国农业银行", en: "Agricultural Bank of China" },
  BKCH: { zh: "中国银行", en: "Bank of China" },
  CBXM: { zh: "厦门银行", en: "Bank of Xiamen" },
  CIBK: { zh: "中信银行", en: "China CITIC Bank" },
  CMBC: { zh: "招商银行", en: "China Merchants Bank" },
  EVER: { zh: "中国光大银行", en: "China Everbright Bank" },
  FJIB: { zh: "兴业银行", en: "Industrial Bank" },
  GDBK: { zh: "广发银行", en: "China Guangfa Bank" },
  HXBK: { zh: "华夏银行", en: "Hua Xia Bank" },
  ICBK: { zh: "中国工商银行", en: "Industrial and Commercial Bank of China" },
  MSBC: { zh: "中国民生银行", en: "China Minsheng Bank" },
  PCBC: { zh: "中国建设银行", en: "China Construction Bank" },
  PSBC: { zh: "中国邮政储蓄银行", en: "Postal Savings Bank of China" },
  SZDB: { zh: "平安银行", en: "Ping An Bank" },
  SPDB: { zh: "浦发银行", en: "Shanghai Pudong Development Bank" },
  BJCN: { zh: "北京银行", en: "Bank of Beijing" },
});
export type LanmaoBankCode = Codes<typeof BANKS>;
export const BANK_CODES = Object.keys(BANKS) as LanmaoBankCode[];

const CYRILLIC_TO_LATIN: Record<string, string> = { А: "A", В: "B", С: "C", Е: "E", Н: "H", К: "K", М: "M", О: "O", Р: "P", Т: "T", Х: "X" };

/** A bank code as received: the document's Cyrillic look-alikes (any case) read as Latin. */
export function readBankCode(value: string): LanmaoBankCode | null {
  const latin = value
    .trim()
    .toUpperCase()
    .replace(/[\u0400-\u04FF]/g, (c) => CYRILLIC_TO_LATIN[c] ?? c);
  return Object.hasOwn(BANKS, latin) ? (latin as LanmaoBankCode) : null;
}

/** Banks each operation supports, from the interfaces' rules (R5/R7 of §2.1–§2.2, §2.4–§2.6, §2.9). */
const PERSONAL_CARD_BANKS = ["BKCH", "ABOC", "ICBK", "PCBC", "HXBK", "EVER", "SPDB", "FJIB", "BJCN", "SZDB", "MSBC", "CMBC", "CIBK", "GDBK"] as const;
const ENTERPRISE_CARD_BANKS = ["BKCH", "ABOC", "ICBK", "PCBC", "FJIB", "BJCN", "SZDB", "MSBC", "CMBC"] as const;
export const SUPPORTED_BANKS = {
  /** §2.1 R5, §2.4 R5. */
  personalCard: PERSONAL_CARD_BANKS,
  /** §2.2 R7, §2.5 R2. */
  enterpriseCard: ENTERPRISE_CARD_BANKS,
  /** §2.6 R3 个人网银 (NETBANK_B2C). */
  rechargeB2C: ["BJCN", "GDBK", "HXBK", "SZDB", "CMBC", "ICBK", "EVER", "PCBC", "MSBC", "BKCH", "PSBC", "CIBK", "ABOC"],
  /** §2.6 R4 企业网银 (NETBANK_B2B). */
  rechargeB2B: ["BKCH", "ABOC", "ICBK", "PCBC", "CMBC", "EVER", "SZDB", "SPDB", "MSBC"],
  /** §2.9 R2. */
  personalWithdraw: PERSONAL_CARD_BANKS,
  /** §2.9 R3. */
  enterpriseWithdraw: ENTERPRISE_CARD_BANKS,
} as const satisfies Record<string, readonly LanmaoBankCode[]>;
export type BankOperation = keyof typeof SUPPORTED_BANKS;

export function bankSupports(operation: BankOperation, bank: string): boolean {
  return (SUPPORTED_BANKS[operation] as readonly string[]).includes(bank);
}

/** 5.3.2 终端类型. */
export const USER_DEVICES = ["PC", "MOBILE"] as const;
export type LanmaoUserDevice = (typeof USER_DEVICES)[number];

/** 5.3.3 回调类型: browser return vs server NOTIFY. */
export const RESPONSE_TYPES = ["CALLBACK", "NOTIFY"] as const;
export type LanmaoResponseType = (typeof RESPONSE_TYPES)[number];

/** 5.3.4 费率模式; the interfaces say only PLATFORM (商户承担) is supported for now. */
export const FEE_MODES = labelled({ PLATFORM: { zh: "收取商户手续费", en: "platform pays the fee" }, USER: { zh: "收取用户手续费", en: "user pays the fee" } });
export type LanmaoFeeMode = Codes<typeof FEE_MODES>;

/** 5.3.5 证件类型. */
export const ID_CARD_TYPES = ["G2_IDCARD"] as const;

/** 5.3.6 用户类型. */
export const USER_TYPES = labelled({ PERSON: { zh: "个人用户", en: "person" }, ENTERPRISE: { zh: "企业用户", en: "enterprise" } });
export type LanmaoUserType = Codes<typeof USER_TYPES>;

/** 5.3.7 用户角色 (`PLATFORM_ MARKETING` in the appendix has a stray space). */
export const USER_ROLES = labelled({
  NORMAL: { zh: "普通用户", en: "normal user" },
  GUARANTEECORP: { zh: "担保方", en: "guarantor" },
  PLATFORM_COMPENSATORY: { zh: "平台代偿用户", en: "platform compensatory user" },
  PLATFORM_MARKETING: { zh: "平台营销款用户", en: "platform marketing user" },
});
export type LanmaoUserRole = Codes<typeof USER_ROLES>;
/** §2.1: personal register only as 普通会员; §2.2: enterprise as 普通会员 or 担保方. */
export const PERSONAL_REGISTER_ROLES = ["NORMAL"] as const satisfies readonly LanmaoUserRole[];
export const ENTERPRISE_REGISTER_ROLES = ["NORMAL", "GUARANTEECORP"] as const satisfies readonly LanmaoUserRole[];

/** 5.3.9 审核状态 (enterprise register NOTIFYs report each, §2.2 R5). */
export const AUDIT_STATUSES = labelled({
  AUDIT: { zh: "审核中", en: "under review" },
  PASSED: { zh: "审核通过", en: "approved" },
  BACK: { zh: "审核回退", en: "returned for changes" },
  REFUSED: { zh: "审核拒绝", en: "refused" },
});
export type LanmaoAuditStatus = Codes<typeof AUDIT_STATUSES>;

/** 5.3.10 预处理类型 (the document's spelling, it is what QUERY_TRANSACTION returns). */
export const PRE_TRANSACTION_TYPES = labelled({
  PRETRANSATION: { zh: "用户预处理", en: "user pre-transaction" },
  PLATFORM_RETRANSATION: { zh: "平台预处理", en: "platform pre-transaction" },
});

/** 5.3.11 预处理业务类型 (bizType). */
export const BIZ_TYPES = labelled({
  TENDER: { zh: "投标", en: "tender" },
  REPAYMENT: { zh: "还款", en: "repayment" },
  CREDIT_ASSIGNMENT: { zh: "债权转让", en: "debt transfer" },
  COMPENSATORY: { zh: "代偿", en: "compensatory" },
  MARKETING: { zh: "发放营销款(发红包)", en: "marketing payout" },
});
export type LanmaoBizType = Codes<typeof BIZ_TYPES>;
/** §2.13: the platform pre-transaction freezes platform money for 代偿 and 营销款. */
export const PLATFORM_BIZ_TYPES = ["COMPENSATORY", "MARKETING"] as const satisfies readonly LanmaoBizType[];
/** §2.12: a user freezes for 放款(投标)、还款、代偿、债权转让. */
export const USER_BIZ_TYPES = ["TENDER", "REPAYMENT", "CREDIT_ASSIGNMENT", "COMPENSATORY"] as const satisfies readonly LanmaoBizType[];

/** The confirmation that consumes a hold of each bizType. */
export const CONFIRM_SERVICE_FOR_BIZ: Record<LanmaoBizType, LanmaoServiceName> = {
  TENDER: "CONFIRM_LOAN",
  REPAYMENT: "CONFIRM_REPAYMENT",
  CREDIT_ASSIGNMENT: "CONFIRM_DEBENTURE_TRANSFER",
  COMPENSATORY: "CONFIRM_COMPENSATORY",
  MARKETING: "CONFIRM_PLATFORM_MARKETING",
};

/** 5.3.12 提现方式: §2.9 sends `withdrawType` as I 0/1 (design.md §3); NORMAL/URGENT read too. */
export const WITHDRAW_TYPES = labelled({ "0": { zh: "普通提现,T+1 到账", en: "normal, T+1" }, "1": { zh: "加急提现,T+0 到账", en: "urgent, T+0" } });
export type LanmaoWithdrawType = 0 | 1;
export function readWithdrawType(value: unknown): LanmaoWithdrawType | null {
  const v = String(value).trim().toUpperCase();
  if (v === "0" || v === "NORMAL") return 0;
  if (v === "1" || v === "URGENT") return 1;
  return null;
}

/** 5.3.13 支付方式. RECHARGE takes the two net-bank ways (§2.6), POS_RECHARGE only POS (§2.7). */
export const RECHARGE_WAYS = labelled({
  NETBANK_B2B: { zh: "B2B 网银", en: "corporate net banking" },
  NETBANK_B2C: { zh: "B2C 网银", en: "personal net banking" },
  POS: { zh: "POS 充值", en: "POS terminal" },
});
export type LanmaoRechargeWay = Codes<typeof RECHARGE_WAYS>;

/** 5.3.14 标的产品类型. */
export const PROJECT_TYPES = labelled({ STANDARDPOWDER: { zh: "散标", en: "single loan" } });
export type LanmaoProjectType = Codes<typeof PROJECT_TYPES>;

/** 5.3.15 鉴权通过类型. */
export const ACCESS_TYPES = labelled({
  FULL_CHECKED: { zh: "四要素验证通过", en: "four elements verified" },
  PART_CHECKED: { zh: "三要素验证通过", en: "three elements verified (no quick pay)" },
});
export type LanmaoAccessType = Codes<typeof ACCESS_TYPES>;

/** 5.3.16 标的状态. */
export const PROJECT_STATUSES = labelled({
  COLLECTING: { zh: "募集中", en: "collecting" },
  REPAYING: { zh: "还款中", en: "repaying" },
  FINISH: { zh: "已截标", en: "finished" },
  MISCARRY: { zh: "流标", en: "failed (miscarried)" },
});
export type LanmaoProjectStatus = Codes<typeof PROJECT_STATUSES>;

/**
 * §2.11 R6: 募集中 → 还款中 → 已截标, or 募集中 → 流标; never backwards. Setting the status a
 * project already has is not a transition (and not sent).
 */
export const PROJECT_TRANSITIONS: Record<LanmaoProjectStatus, readonly LanmaoProjectStatus[]> = {
  COLLECTING: ["REPAYING", "MISCARRY"],
  REPAYING: ["FINISH"],
  FINISH: [],
  MISCARRY: [],
};
export const canMoveProject = (from: LanmaoProjectStatus, to: LanmaoProjectStatus) => PROJECT_TRANSITIONS[from].includes(to);

/**
 * §2.11 R1–R5, §2.15 R1, §2.16 R1, §2.17 R1, §2.18 R1: what each project status allows.
 * FINISH and MISCARRY allow no user operation.
 */
export const PROJECT_ALLOWS: Record<LanmaoProjectStatus, { bizTypes: readonly LanmaoBizType[]; services: readonly LanmaoServiceName[] }> = {
  COLLECTING: { bizTypes: ["TENDER"], services: ["USER_PRE_TRANSACTION", "CANCEL_PRE_TRANSACTION", "CONFIRM_LOAN", "MODIFY_PROJECT"] },
  REPAYING: {
    bizTypes: ["REPAYMENT", "COMPENSATORY", "CREDIT_ASSIGNMENT"],
    services: [
      "USER_PRE_TRANSACTION",
      "PLATFORM_PRE_TRANSACTION",
      "CANCEL_PRE_TRANSACTION",
      "CONFIRM_REPAYMENT",
      "CONFIRM_COMPENSATORY",
      "CONFIRM_DEBENTURE_TRANSFER",
      "MODIFY_PROJECT",
    ],
  },
  // R3/R4 forbid the *users'* operations; the platform still releases what is left frozen
  // (tenders of a failed project above all), or the money would stay held for ever.
  FINISH: { bizTypes: [], services: ["CANCEL_PRE_TRANSACTION"] },
  MISCARRY: { bizTypes: [], services: ["CANCEL_PRE_TRANSACTION"] },
};

/** 5.3.17 还款方式 (the document's spellings, sent as written). */
export const REPAYMENT_WAYS = labelled({
  ONE_TIME_SERVICING: { zh: "一次性还本付息", en: "principal and interest at maturity" },
  FIRSEINTREST_LASTPRICIPAL: { zh: "先息后本", en: "interest first, principal last" },
  FIXED_PAYMENT_MORTGAGE: { zh: "等额本息", en: "equal instalments" },
  FIXED_BASIS_MORTGAGE: { zh: "等额本金", en: "equal principal" },
});
export type LanmaoRepaymentWay = Codes<typeof REPAYMENT_WAYS>;

/** 5.3.18 平台账户类型: passed as `platformUserNo` to recharge a platform account (§2.6–§2.8). */
export const PLATFORM_ACCOUNTS = labelled({
  PLATFORM_FEE_ACCOUNT: { zh: "平台手续费账户", en: "platform fee account" },
  PLATFORM_REPAYMENT_ACCOUNT: { zh: "平台代偿账户", en: "platform compensatory account" },
  PLATFORM_MARKETING_ACCOUNT: { zh: "平台营销款账户", en: "platform marketing account" },
});
export type LanmaoPlatformAccount = Codes<typeof PLATFORM_ACCOUNTS>;
export const isPlatformAccount = (userNo: string): userNo is LanmaoPlatformAccount => Object.hasOwn(PLATFORM_ACCOUNTS, userNo.replace(/\s+/g, ""));

/** 5.3.19 交易类型返回 (QUERY_TRANSACTION `transactionType`). */
export const TRANSACTION_TYPES = [
  "REGISTER",
  "BINDKIND",
  "UNBIND_BANKCARD",
  "ESTABLISH_PROJECT",
  "MODIFY_PROJECT",
  "RECHARGE",
  "WITHDRAW",
  "PRETRANSATION",
  "TRANSACTIONCONFIRM_TRADE",
  "FREEZE",
] as const;

/** 5.3.20 交易确认类型 (`CONFOIRM_` is read as `CONFIRM_`). */
export const CONFIRM_TRADE_TYPES = [
  "CONFIRM_LOAN",
  "CONFIRM_REPAYMENT",
  "CONFIRM_COMPENSATORY",
  "CONFIRM_DEBENTURE_TRANSFER",
  "CONFIRM_PLATFORM_MARKETING",
] as const;
export type LanmaoConfirmTradeType = (typeof CONFIRM_TRADE_TYPES)[number];
export function readConfirmTradeType(value: string): LanmaoConfirmTradeType | null {
  const v = value.replace(/\s+/g, "").replace(/^CONFOIRM_/, "CONFIRM_");
  return (CONFIRM_TRADE_TYPES as readonly string[]).includes(v) ? (v as LanmaoConfirmTradeType) : null;
}

/** 5.3.21 交易状态. For a pre-transaction: INIT none confirmed, PROCESSING partly, SUCCESS all (§3.3). */
export const TRANSACTION_STATUSES = labelled({
  INIT: { zh: "初始", en: "initial" },
  SUCCESS: { zh: "成功", en: "success" },
  FAIL: { zh: "失败", en: "failed" },
  PROCESSING: { zh: "处理中", en: "processing" },
});
export type LanmaoTransactionStatus = Codes<typeof TRANSACTION_STATUSES>;
/** A transaction in these statuses will not change any more. */
export const FINAL_TRANSACTION_STATUSES = ["SUCCESS", "FAIL"] as const satisfies readonly LanmaoTransactionStatus[];

/** 5.3.22 对账文件类型 (§4, reconciliation issue). */
export const CHECKFILE_TYPES = ["USER", "RECHARGE", "WITHDRAW", "TRANSACTION", "PROJECT", "UNREGISTER", "BALANCE", "CIBK"] as const;
