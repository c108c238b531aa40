import "server-only";
import { defineInboundEvent } from "@/lib/inbox/define-event";
import { jsonBody } from "@/lib/inbox/parse-body";
import { wanwangCallback } from "@/lib/vendors/wanwang/callback";
import { type TSignedCallback, ZSignedCallback } from "@/lib/vendors/wanwang/schemas";
import { signedTypeLabel } from "@/lib/vendors/wanwang/transform";

const isText = (v: unknown): v is string | null => v === null || typeof v === "string";
const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0;
/** 0, 1, …, max as a plain JSON number (not -0, not a numeric string: those go to zod). */
const isSmallInt = (v: unknown, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max && !Object.is(v, -0);

/**
 * `signed` bodies as 万网 sends them (every field present, numbers as numbers), checked by hand:
 * exactly ZSignedCallback's output for such a body, undefined for anything else, which then
 * goes to the schema (lenient forms such as "1" for 1, and every refusal with its reason).
 * `signed.test.ts` checks it against the schema.
 */
export function acceptSignedCallback(document: unknown): TSignedCallback | undefined {
  if (typeof document !== "object" || document === null || Array.isArray(document)) return undefined;
  const { message, outsideOrderId, querySn, reuseFlag, time, type, typeDesc } = document as Record<string, unknown>;
  if (!isText(message) || !isId(outsideOrderId) || !isId(querySn) || !isText(typeDesc)) return undefined;
  if (!isSmallInt(reuseFlag, 1) || !isSmallInt(type, 3) || !isSmallInt(time, Number.MAX_SAFE_INTEGER)) return undefined;
  return { message, outsideOrderId, querySn, reuseFlag: reuseFlag as 0 | 1, time, type: type as 0 | 1 | 2 | 3, typeDesc };
}

// Hoisted: a generic call inside the definition would leave the parsed type `unknown`.
const parse = jsonBody(ZSignedCallback, acceptSignedCallback);

/**
 * `signed` progress (type 0 signed … 3 big-data result): one event per order and type. Always on
 * the timeline in vendor time; moves the status only forward, so a late type 0 after the result
 * changes nothing else; adopts the querySn when the order has none yet (a duplicate-refused
 * resend), which releases a wechatShare waiting for it. SQL: `pretrial_apply_signed`.
 */
export const wanwangSigned = defineInboundEvent({
  ...wanwangCallback,
  eventType: "signed",
  parse,
  key: (cb) => `${cb.outsideOrderId}:signed:${cb.type}`,
  sql: (cb) => ({
    fn: "pretrial_apply_signed",
    args: {
      outsideOrderId: cb.outsideOrderId,
      querySn: cb.querySn,
      type: cb.type,
      time: cb.time,
      message: cb.message,
      typeDesc: cb.typeDesc ?? signedTypeLabel(cb.type),
      reuseFlag: cb.reuseFlag,
    },
  }),
});
