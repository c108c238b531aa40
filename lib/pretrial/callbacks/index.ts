import "server-only";
import { wanwangErrorSync } from "./error-sync";
import { wanwangPretrialResult } from "./pretrial-result";
import { wanwangSigned } from "./signed";
import { wanwangWechatShare } from "./wechat-share";

/** The 万网 callbacks the pretrial area handles; each is also the last segment of its URL. */
export const PRETRIAL_CALLBACK_EVENTS = [wanwangPretrialResult, wanwangSigned, wanwangErrorSync, wanwangWechatShare] as const;
