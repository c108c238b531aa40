import { WANWANG_EVENTS } from "@/lib/pretrial/callbacks/register";
import { wanwangCallbackRoute } from "@/lib/pretrial/callbacks/intake";
import { ZPretrialResultCallback } from "@/lib/vendors/wanwang/schemas";

export const dynamic = "force-dynamic";

/** 万网 `pretrialResult`: one result per order. */
export const POST = wanwangCallbackRoute(WANWANG_EVENTS.pretrialResult, ZPretrialResultCallback, (b) => `${b.outsideOrderId}:result`);
