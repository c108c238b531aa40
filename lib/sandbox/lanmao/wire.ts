import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/types";
import { CODES, Refusal } from "./codes";
import type { LanmaoTwinConfig } from "./config";
import { twinSign, twinVerify } from "./crypto";
import type { ReqData } from "./fields";

/**
 * The §1.2 envelope on the custody side: the request form in, `respData` + `sign` out.
 * Checks in the order a custody side can: platform (100004), signature over `reqData` with
 * the platform's registered key (100003), then reqData as a JSON object (100002).
 */
export type InboundForm = { serviceName: string; platformNo: string; userDevice: string; keySerial: string; reqData: string; sign: string };

export function readForm(req: SandboxRequest): InboundForm {
  const f = req.form();
  const get = (k: string) => f.get(k)?.trim() ?? "";
  return { serviceName: get("serviceName"), platformNo: get("platformNo"), userDevice: get("userDevice"), keySerial: get("keySerial"), reqData: f.get("reqData") ?? "", sign: get("sign") };
}

export function openEnvelope(config: LanmaoTwinConfig, form: InboundForm): ReqData {
  const { platformNo, keySerial } = config.credentials();
  if (!form.platformNo || form.platformNo !== platformNo) throw new Refusal(CODES.PLATFORM, "平台编号不存在");
  if (!form.sign || form.keySerial !== keySerial || !twinVerify(form.reqData, form.sign, config.platformPublicKey())) {
    throw new Refusal(CODES.SIGNATURE, "签名验证失败");
  }
  let data: unknown;
  try {
    data = JSON.parse(form.reqData);
  } catch {
    throw new Refusal(CODES.FORMAT, "reqData 不是合法的 JSON");
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new Refusal(CODES.FORMAT, "reqData 必须是 JSON 对象");
  return data as ReqData;
}

/** Signs `respData`; the badSignature fault signs something else, so the console must refuse it. */
export function signResp(config: LanmaoTwinConfig, ctx: Pick<SandboxContext, "faults">, respData: string): string {
  return twinSign(ctx.faults.badSignature ? `${respData}#tampered` : respData, config.signingKey());
}

/** A direct answer (§1.2): body = respData, header `sign`. */
export function signedAnswer(config: LanmaoTwinConfig, ctx: Pick<SandboxContext, "faults">, resp: Record<string, unknown>): SandboxResponse {
  const respData = JSON.stringify(resp);
  return { status: 200, headers: { "content-type": "application/json; charset=utf-8", sign: signResp(config, ctx, respData) }, body: respData };
}

/** The fields of a browser return or a NOTIFY (§1.2 异步通知参数). */
export function noticeFields(config: LanmaoTwinConfig, ctx: Pick<SandboxContext, "faults">, serviceName: string, responseType: "CALLBACK" | "NOTIFY", resp: Record<string, unknown>) {
  const { platformNo, keySerial } = config.credentials();
  const respData = JSON.stringify(resp);
  return { serviceName, platformNo, responseType, keySerial, respData, sign: signResp(config, ctx, respData) };
}
