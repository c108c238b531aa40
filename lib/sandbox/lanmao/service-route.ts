import { canonicalServiceName, LANMAO_SERVICES, type LanmaoServiceName } from "@/lib/vendors/lanmao/services";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/types";
import { recordTx } from "./biz";
import { CODES, Refusal } from "./codes";
import type { LanmaoTwinConfig } from "./config";
import { DIRECT_SERVICES } from "./direct-services";
import type { ReqData } from "./fields";
import { bizFor } from "./runtime";
import { consumeCountdown, readSettings } from "./settings";
import { isMultipart, uploadCheckFileRoute } from "./checkfiles/upload";
import { openEnvelope, readForm, signedAnswer } from "./wire";

/**
 * `POST /lanmao/lanmaotech/service` — every direct interface. Idempotency (§1.6): a requestNo
 * that already succeeded on an idempotent interface is answered success again, from the
 * stored answer, without acting twice; on any other interface a used requestNo is refused
 * (200002). UNFREEZE has no requestNo: its key is the freeze it releases.
 */
const OK = { code: CODES.OK, description: "成功" };

function requestKey(service: LanmaoServiceName, req: ReqData): string | null {
  if (LANMAO_SERVICES[service].query) return null;
  if (service === "UNFREEZE") return `${String(req.oriRequestNo ?? "")}#UNFREEZE`;
  return typeof req.requestNo === "string" || typeof req.requestNo === "number" ? String(req.requestNo) : null;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function serviceRoute(config: LanmaoTwinConfig) {
  const upload = uploadCheckFileRoute(config);
  return async (req: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse> => {
    // UPLOAD_CHECKFILE (§4.4) is the one interface sent as multipart (checkfiles/upload.ts).
    if (isMultipart(req)) return upload(req, ctx);
    const form = readForm(req);
    let answer: Record<string, unknown>;
    try {
      const data = openEnvelope(config, form);
      const service = canonicalServiceName(form.serviceName);
      const run = service ? DIRECT_SERVICES[service] : undefined;
      if (!service || !run || LANMAO_SERVICES[service].mode !== "direct") throw new Refusal(CODES.FORMAT, `接口 ${form.serviceName} 不存在或不是直连接口`);
      // §1.6: a passing system error, before anything is done.
      if (consumeCountdown(ctx, "systemErrors")) throw new Refusal(CODES.SYSTEM, "系统错误");
      answer = execute(ctx, config, service, data, run);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      answer = { code: error.code, description: error.description };
    }
    const response = signedAnswer(config, ctx, answer);
    // The custody side acted; its answer arrives after the console stopped waiting.
    if (consumeCountdown(ctx, "lateAnswers")) await wait(readSettings(ctx).lateAnswerMs);
    return response;
  };
}

function execute(ctx: SandboxContext, config: LanmaoTwinConfig, service: LanmaoServiceName, data: ReqData, run: (typeof DIRECT_SERVICES)[string]) {
  const biz = bizFor(ctx, config);
  const key = requestKey(service, data);
  if (key === "" || key === "#UNFREEZE") throw new Refusal(CODES.FORMAT, "缺少参数 requestNo");
  const before = key ? biz.store.tx(key) : undefined;
  if (before) {
    const replay = LANMAO_SERVICES[service].idempotent && before.service === service && before.status === "SUCCESS" && before.answer;
    if (replay) return before.answer!;
    const retryAfterRefusal = LANMAO_SERVICES[service].idempotent && before.service === service && before.status === "FAIL";
    if (!retryAfterRefusal) throw new Refusal(CODES.DUPLICATE, "请求流水号重复");
  }
  try {
    const answer = { ...OK, ...run(biz, data) };
    const recorded = key ? biz.store.tx(key) : undefined;
    if (recorded) recordTx(biz, { ...recorded, service, answer });
    return answer;
  } catch (error) {
    // A refused movement is listed too (status FAIL), so QUERY_TRANSACTION settles an ambiguous one.
    if (error instanceof Refusal && key && LANMAO_SERVICES[service].movesMoney) {
      recordTx(biz, { requestNo: key, service, transactionType: LANMAO_SERVICES[service].queryType ?? "", status: "FAIL", reqData: data, transactionTime: biz.at, answer: { code: error.code, description: error.description } });
    }
    throw error;
  }
}
