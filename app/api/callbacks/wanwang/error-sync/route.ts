import crypto from "node:crypto";
import { WANWANG_EVENTS } from "@/lib/pretrial/callbacks/register";
import { wanwangCallbackRoute } from "@/lib/pretrial/callbacks/intake";
import { ZErrorSyncCallback } from "@/lib/vendors/wanwang/schemas";

export const dynamic = "force-dynamic";

/** 万网 `errorSync`: the body has no id of its own, so the message is part of the key. */
export const POST = wanwangCallbackRoute(
  WANWANG_EVENTS.errorSync,
  ZErrorSyncCallback,
  (b) => `${b.outsideOrderId}:error:${crypto.createHash("sha1").update(b.message ?? "").digest("hex").slice(0, 16)}`,
);
