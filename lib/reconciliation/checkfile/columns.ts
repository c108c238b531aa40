/**
 * The columns of each 联银通 check file type (vendor doc 004 §4.2, 5.3.22). The document says
 * "see the 联银通 wiki", which was not provided, so design.md §3 settles the format and this file
 * settles the columns, named after the fields the same facts carry in §2–§3 (QUERY_TRANSACTION's
 * answers, §3.3). The parser reads by name: order may differ, unknown columns are ignored (the
 * file itself is kept), a required column missing fails the run naming it.
 *
 * Every line carries `platformNo` (a file for another platform is refused line by line) and,
 * except BALANCE, `transactionTime` (T, Beijing): a record belongs to the day of that time.
 */
export const CHECK_FILE_TYPES = ["USER", "RECHARGE", "WITHDRAW", "TRANSACTION", "PROJECT", "UNREGISTER", "BALANCE"] as const;
export type CheckFileType = (typeof CHECK_FILE_TYPES)[number];

export function isCheckFileType(v: string): v is CheckFileType {
  return (CHECK_FILE_TYPES as readonly string[]).includes(v);
}

/** A column's kind decides how it is checked: A = yuan amount (→ fen), T = yyyyMMddHHmmss, S = text. */
export type ColumnKind = "A" | "T" | "D" | "S";
export type ColumnSpec = { name: string; kind: ColumnKind; required: boolean };

const req = (name: string, kind: ColumnKind = "S"): ColumnSpec => ({ name, kind, required: true });
const opt = (name: string, kind: ColumnKind = "S"): ColumnSpec => ({ name, kind, required: false });

export const CHECK_FILE_COLUMNS: Record<CheckFileType, readonly ColumnSpec[]> = {
  USER: [req("platformNo"), req("requestNo"), req("platformUserNo"), opt("userType"), opt("userRole"), opt("auditStatus"), opt("status"), req("transactionTime", "T")],
  RECHARGE: [
    req("platformNo"),
    req("requestNo"),
    req("platformUserNo"),
    req("amount", "A"),
    req("fee", "A"),
    opt("rechargeWay"),
    opt("bankcode"),
    req("status"),
    opt("createTime", "T"),
    req("transactionTime", "T"),
  ],
  WITHDRAW: [
    req("platformNo"),
    req("requestNo"),
    req("platformUserNo"),
    req("amount", "A"),
    req("fee", "A"),
    opt("feeMode"),
    opt("withdrawType"),
    req("status"),
    opt("createTime", "T"),
    req("transactionTime", "T"),
  ],
  // A confirmation may be reported one line per detail: several lines share a requestNo
  // (one-to-many), told apart by detailNo; amount is the details' money as sent (a repayment's
  // principal + income), commission the platform's fee on that request apart (its first line).
  // UNFREEZE, which has no requestNo of its own (§2.22), is reported under the freeze's.
  TRANSACTION: [
    req("platformNo"),
    req("requestNo"),
    opt("detailNo"),
    req("tradeType"),
    opt("projectNo"),
    opt("sourcePlatformUserNo"),
    opt("targetPlatformUserNo"),
    req("amount", "A"),
    opt("commission", "A"),
    req("status"),
    req("transactionTime", "T"),
  ],
  // projectAmount: the project's amount as the request left it.
  PROJECT: [req("platformNo"), req("requestNo"), req("projectNo"), req("platformUserNo"), req("projectAmount", "A"), req("projectStatus"), req("transactionTime", "T")],
  UNREGISTER: [req("platformNo"), req("requestNo"), req("platformUserNo"), req("transactionTime", "T")],
  // End-of-day balances per account; balanceDate (D), when present, must be the file's date.
  BALANCE: [req("platformNo"), req("platformUserNo"), req("balance", "A"), req("availableAmount", "A"), req("freezeAmount", "A"), opt("balanceDate", "D")],
};

/** 联银通 services whose requests each file type reports (our side of the match). */
export const SERVICES_BY_FILE_TYPE: Record<Exclude<CheckFileType, "BALANCE">, readonly string[]> = {
  USER: ["PERSONAL_REGISTER", "ENTERPRISE_REGISTER", "PERSONAL_BIND_BANKCARD", "ENTERPRISE_BIND_BANKCARD", "UNBIND_BANKCARD"],
  RECHARGE: ["RECHARGE", "POS_RECHARGE"],
  WITHDRAW: ["WITHDRAW"],
  TRANSACTION: [
    "USER_PRE_TRANSACTION",
    "PLATFORM_PRE_TRANSACTION",
    "CANCEL_PRE_TRANSACTION",
    "CONFIRM_LOAN",
    "CONFIRM_REPAYMENT",
    "CONFIRM_COMPENSATORY",
    "CONFIRM_DEBENTURE_TRANSFER",
    "CONFIRM_PLATFORM_MARKETING",
    "FREEZE",
    "UNFREEZE",
  ],
  PROJECT: ["ESTABLISH_PROJECT", "MODIFY_PROJECT"],
  UNREGISTER: [],
};
