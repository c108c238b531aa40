import { z } from "zod";
import { toLanmaoAmount, ZFenOrZero, ZLanmaoAmountIn, ZMoveFen } from "../amount";
import { BANK_CODES, readBankCode } from "../enums";
import { ZLanmaoTime } from "../time";

/**
 * Building blocks of the request and answer schemas (vendor doc 004 §2–§3). Requests are
 * written in the wire's field names with amounts as integer fen (`ZMoveFen`); {@link toWireReqData}
 * turns those into type-A strings. Issue messages name the rule, never the value.
 */

/** S, length 50 (the document's usual limit). */
export const s = (max = 50) => z.string().trim().min(1, "required").max(max, `at most ${max} characters`);
export const requestNo = s();
export const platformUserNo = s();
export const projectNo = s();
/** 页面回跳 URL: length 100 in most sections, 50 in §2.9 and §2.20. */
export const callbackUrl = (max = 100) => z.url({ protocol: /^https?$/ }).max(max, `the return URL must be at most ${max} characters (vendor doc length)`);
export const moveFen = ZMoveFen;
export const fenOrZero = ZFenOrZero;
export const bankCode = z.enum(BANK_CODES as [string, ...string[]]);
/** `T`; optional in our requests: the client fills the document's default (15 minutes on). */
export const expired = ZLanmaoTime.optional();

/**
 * F (§1.4): under one billion, at most 7 decimals. Kept as decimal text and sent as a JSON
 * string, so no binary float ever rounds an interest rate.
 */
export const rateText = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .pipe(z.string().regex(/^\d{1,9}(\.\d{1,7})?$/, "a decimal under one billion with at most 7 decimals"));

/** The fields that are type A in any request or answer: converted fen ↔ yuan text. */
export const AMOUNT_KEYS = new Set(["amount", "projectAmount", "commission", "income", "share"]);

/** Domain request (fen) → the reqData object sent: type-A fields become "1234.50" strings. */
export function toWireReqData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWireReqData);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = AMOUNT_KEYS.has(k) && typeof v === "number" ? toLanmaoAmount(v, { moving: false, label: k }) : toWireReqData(v);
    }
    return out;
  }
  return value;
}

// ---- answers (inbound): tolerant of extra fields (§1.7), amounts to fen ----

export const code = z.union([z.string(), z.number()]).transform((c) => String(c).trim());
export const amountIn = ZLanmaoAmountIn;
/** A bank code as received: the document's Cyrillic look-alikes read as Latin; unknown kept as sent. */
export const bankCodeIn = z.string().transform((b) => readBankCode(b) ?? b);
/** `T` as received, kept as text; empty while a transaction has not completed. */
export const timeIn = z.string();
export const text = z.union([z.string(), z.number()]).transform(String);
/** B / 5.3.8: `true`/`false`, 1/0, as boolean or text. */
export const boolIn = z.union([z.boolean(), z.string(), z.number()]).transform((v) => ["true", "1", "activated"].includes(String(v).trim().toLowerCase()));

/** Every answer and notification carries `code` and (mostly) `description`. */
export const ZHead = z.looseObject({ code, description: z.string().optional() });
