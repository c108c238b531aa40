import "server-only";
import { registerInboundHandler } from "@/lib/inbox/handlers";
import { handleErrorSync } from "./error-sync";
import { handlePretrialResult } from "./pretrial-result";
import { handleSigned } from "./signed";
import { handleWechatShare } from "./wechat-share";

/** Event types as stored in the inbox; also the last segment of each callback URL. */
export const WANWANG_EVENTS = {
  pretrialResult: "pretrial-result",
  signed: "signed",
  errorSync: "error-sync",
  wechatShare: "wechat-share",
} as const;

registerInboundHandler("wanwang", WANWANG_EVENTS.pretrialResult, handlePretrialResult);
registerInboundHandler("wanwang", WANWANG_EVENTS.signed, handleSigned);
registerInboundHandler("wanwang", WANWANG_EVENTS.errorSync, handleErrorSync);
registerInboundHandler("wanwang", WANWANG_EVENTS.wechatShare, handleWechatShare);
