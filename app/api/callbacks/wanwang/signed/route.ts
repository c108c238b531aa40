import { WANWANG_EVENTS } from "@/lib/pretrial/callbacks/register";
import { wanwangCallbackRoute } from "@/lib/pretrial/callbacks/intake";
import { ZSignedCallback } from "@/lib/vendors/wanwang/schemas";

export const dynamic = "force-dynamic";

/** 万网 `signed` progress: one event per order and type (0–3). */
export const POST = wanwangCallbackRoute(WANWANG_EVENTS.signed, ZSignedCallback, (b) => `${b.outsideOrderId}:signed:${b.type}`);
