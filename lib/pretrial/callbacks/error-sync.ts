import "server-only";
import crypto from "node:crypto";
import { defineInboundEvent } from "@/lib/inbox/define-event";
import { jsonBody } from "@/lib/inbox/parse-body";
import { wanwangCallback } from "@/lib/vendors/wanwang/callback";
import { ZErrorSyncCallback } from "@/lib/vendors/wanwang/schemas";

const sha1Prefix = (text: string) => crypto.createHash("sha1").update(text).digest("hex").slice(0, 16);

// Hoisted: a generic call inside the definition would leave the parsed type `unknown`.
const parse = jsonBody(ZErrorSyncCallback);

/**
 * `errorSync`: the platform gave up on the order (e.g. 主体不存在). A result, if one ever comes,
 * still wins; a decided order keeps its status and errReason. The body has no id of its own,
 * so the message is part of the key. SQL: `pretrial_apply_error_sync`.
 */
export const wanwangErrorSync = defineInboundEvent({
  ...wanwangCallback,
  eventType: "error-sync",
  parse,
  key: (cb) => `${cb.outsideOrderId}:error:${sha1Prefix(cb.message ?? "")}`,
  sql: (cb) => ({ fn: "pretrial_apply_error_sync", args: { outsideOrderId: cb.outsideOrderId, querySn: cb.querySn, message: cb.message } }),
});
