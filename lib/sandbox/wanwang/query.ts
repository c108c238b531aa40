import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/types";
import { callbackSpec, licenceCopyUrls, pretrialResultBody } from "./callbacks";
import type { WanwangConfig } from "./config";
import { ok, refuse, WANWANG_CODES } from "./envelope";
import { getOrder, hasHappened, type WanwangOrder } from "./orders";
import { outcomeFor } from "./outcome";

/** `GET …/resultQuery?querySn=`: the order as the vendor knows it now (document example shape). */
export function queryResult(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const found = lookUp(req, ctx);
  if ("refusal" in found) return found.refusal;
  return ok(resultQueryData(found.order));
}

/**
 * `GET …/pushOutside?querySn=`: asks the vendor to push the pretrial result again. Answers
 * `data: true` and resends pretrialResult once the result exists; before that (not signed,
 * declined, failed, still running) `code 409`, `data: false`, nothing sent.
 */
export function pushResultAgain(req: SandboxRequest, ctx: SandboxContext, config: WanwangConfig): SandboxResponse {
  const found = lookUp(req, ctx);
  if ("refusal" in found) return found.refusal;
  const { order } = found;
  if (!hasHappened(order.resultReadyAt)) return refuse(WANWANG_CODES.notReady, "征信结果尚未生成", false);
  void ctx.callbacks.send(callbackSpec(config, ctx, "pretrialResult", pretrialResultBody(order), order.querySn));
  return ok(true);
}

function lookUp(req: SandboxRequest, ctx: SandboxContext): { order: WanwangOrder } | { refusal: SandboxResponse } {
  const querySn = req.query.get("querySn")?.trim();
  if (!querySn) return { refusal: refuse(WANWANG_CODES.invalid, "querySn 不能为空") };
  const order = getOrder(ctx.state, querySn);
  return order ? { order } : { refusal: refuse(WANWANG_CODES.notFound, "查询编号不存在") };
}

/** Result fields stay null until the result exists; errReason appears once the errorSync happened. */
export function resultQueryData(order: WanwangOrder) {
  const ready = hasHappened(order.resultReadyAt);
  const outcome = ready ? outcomeFor(order.person.idCard) : null;
  const copies = ready ? licenceCopyUrls(order) : null;
  return {
    outsideOrderId: order.outsideOrderId,
    querySn: order.querySn,
    idCard: order.person.idCard,
    phone: order.person.phone,
    name: order.person.name,
    licenceFrontUrl: copies?.licenceFrontUrl ?? null,
    licenceBackUrl: copies?.licenceBackUrl ?? null,
    customerLevel: outcome?.customerLevel ?? null,
    pretrialStatus: outcome?.pretrialStatus ?? null,
    personReport: outcome?.personReport ?? null,
    platformData: outcome?.platformData ?? null,
    errReason: hasHappened(order.errorAt) ? order.errorMessage : null,
    contractUrl: order.contractUrl,
  };
}
