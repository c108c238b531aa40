import { WANWANG_EVENTS } from "@/lib/pretrial/callbacks/register";
import { wanwangCallbackRoute } from "@/lib/pretrial/callbacks/intake";
import { ZWechatShareCallback } from "@/lib/vendors/wanwang/schemas";

export const dynamic = "force-dynamic";

/** 万网 `wechatShare`: the mini-program share code; names the order by querySn. */
export const POST = wanwangCallbackRoute(WANWANG_EVENTS.wechatShare, ZWechatShareCallback, (b) => `${b.querySn}:wechat-share`);
