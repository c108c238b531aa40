import "server-only";
import { defineInboundEvent } from "@/lib/inbox/define-event";
import { jsonBody } from "@/lib/inbox/parse-body";
import { wanwangCallback } from "@/lib/vendors/wanwang/callback";
import { ZSignedCallback } from "@/lib/vendors/wanwang/schemas";
import { signedTypeLabel } from "@/lib/vendors/wanwang/transform";

// Hoisted: a generic call inside the definition would leave the parsed type `unknown`.
const parse = jsonBody(ZSignedCallback);

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
