import "server-only";
import { defineInboundEvent } from "@/lib/inbox/define-event";
import { jsonBody } from "@/lib/inbox/parse-body";
import { wanwangCallback } from "@/lib/vendors/wanwang/callback";
import { ZWechatShareCallback } from "@/lib/vendors/wanwang/schemas";

// Hoisted: a generic call inside the definition would leave the parsed type `unknown`.
const parse = jsonBody(ZWechatShareCallback);

/**
 * `wechatShare`: the mini-program share code of the signing link. It names the order by querySn
 * only, so it may arrive before we know that querySn (before the netCredit answer, or after a
 * duplicate refusal): it then waits, UNMATCHED, and applies itself once the querySn is known.
 * SQL: `pretrial_apply_wechat_share`.
 */
export const wanwangWechatShare = defineInboundEvent({
  ...wanwangCallback,
  eventType: "wechat-share",
  parse,
  key: (cb) => `${cb.querySn}:wechat-share`,
  sql: (cb) => ({
    fn: "pretrial_apply_wechat_share",
    args: { querySn: cb.querySn, markId: cb.markId, wechatShareUrl: cb.wechatShareUrl, contractUrl: cb.contractUrl },
  }),
});
