import { randomBytes } from "node:crypto";
import { canonicalServiceName, LANMAO_SERVICES } from "@/lib/vendors/lanmao/services";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/types";
import { type Biz, recordTx } from "./biz";
import { CODES, Refusal } from "./codes";
import type { LanmaoTwinConfig } from "./config";
import { beijingT, fen, type ReqData, str } from "./fields";
import { GATEWAY_SERVICES } from "./gateway-services";
import { type NoticeStep, sendNotices } from "./notify";
import { confirmPage, errorPage, returnPage } from "./pages";
import { bizFor } from "./runtime";
import { noticeFields } from "./wire";
import { openEnvelope, readForm } from "./wire";

/**
 * `POST /lanmao/lanmaotech/gateway` — the customer's browser arrives with the signed form; the
 * twin shows the step's page. `POST …/gateway/confirm` — the customer confirms or cancels; the
 * twin acts, sends the browser back to `callbackUrl` with the signed outcome (responseType
 * CALLBACK) and queues the NOTIFY. Envelope or rule failures before the page are shown on
 * the page only: no return, no notice (a notice for a duplicate requestNo could undo the
 * original's outcome at the console).
 */
interface Session {
  token: string;
  serviceName: string;
  requestNo: string;
  reqData: ReqData;
  callbackUrl: string;
  done: boolean;
}
const sessionKey = (token: string) => `lanmao:session:${token}`;

function refusalPage(error: unknown): SandboxResponse {
  if (error instanceof Refusal) return errorPage(error.code, error.description);
  throw error;
}

export function gatewayRoute(config: LanmaoTwinConfig) {
  return (req: SandboxRequest, ctx: SandboxContext): SandboxResponse => {
    try {
      const form = readForm(req);
      const data = openEnvelope(config, form);
      const serviceName = canonicalServiceName(form.serviceName);
      const service = serviceName ? GATEWAY_SERVICES[serviceName] : undefined;
      if (!serviceName || !service) throw new Refusal(CODES.FORMAT, `接口 ${form.serviceName} 不存在或不是网关接口`);
      const biz = bizFor(ctx, config);
      const requestNo = str(data, "requestNo");
      const callbackUrl = str(data, "callbackUrl");
      if (!/^https?:\/\//.test(callbackUrl)) throw new Refusal(CODES.FORMAT, "参数 callbackUrl 格式错误");
      const before = biz.store.tx(requestNo);
      if (before) {
        // §1.6: an idempotent request that succeeded is answered success again, without acting.
        if (LANMAO_SERVICES[serviceName].idempotent && before.service === serviceName && before.status === "SUCCESS" && before.answer) {
          return returnPage({ ok: true, message: "该请求已处理成功", callbackUrl, fields: noticeFields(config, ctx, serviceName, "CALLBACK", before.answer) });
        }
        const reopen = before.status === "INIT" && (before.service === serviceName || (serviceName === "POS_BUILD_BARCODE" && before.service === "POS_RECHARGE"));
        if (!reopen) throw new Refusal(CODES.DUPLICATE, "请求流水号重复");
      }
      const rows = service.open(biz, data);
      if (!before) {
        const amount = data.amount === undefined ? undefined : fen(data, "amount", { positive: true });
        recordTx(biz, { requestNo, service: serviceName, transactionType: service.txType, status: "INIT", reqData: data, platformUserNo: String(data.platformUserNo ?? "") || undefined, amount });
      }
      const token = randomBytes(16).toString("hex");
      ctx.state.set(sessionKey(token), { token, serviceName, requestNo, reqData: data, callbackUrl, done: false } satisfies Session);
      return confirmPage({ title: service.title, token, rows, asksAmount: service.asksAmount?.(biz, data) ?? false, confirmAction: `/${ctx.vendor}/lanmaotech/gateway/confirm` });
    } catch (error) {
      return refusalPage(error);
    }
  };
}

export function gatewayConfirmRoute(config: LanmaoTwinConfig) {
  return (req: SandboxRequest, ctx: SandboxContext): SandboxResponse => {
    const f = req.form();
    const session = ctx.state.get<Session>(sessionKey(f.get("token") ?? ""));
    if (!session) return errorPage(CODES.NOT_FOUND, "页面已失效,请返回平台重新发起", 404);
    if (session.done) return errorPage(CODES.DUPLICATE, "该请求已提交,请勿重复提交", 409);
    ctx.state.set(sessionKey(session.token), { ...session, done: true });
    const biz = bizFor(ctx, config);
    const service = GATEWAY_SERVICES[session.serviceName];
    let resp: Record<string, unknown>;
    let ok = false;
    try {
      if (f.get("decision") !== "confirm") throw new Refusal(CODES.CANCELLED, "用户取消");
      const amountText = f.get("amount");
      const amount = amountText ? fen({ amount: amountText }, "amount", { positive: true }) : undefined;
      resp = { requestNo: session.requestNo, code: CODES.OK, description: "成功", ...service.confirm(biz, session.reqData, { amount }) };
      ok = true;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const extra = session.serviceName === "USER_PRE_TRANSACTION" ? { bizType: session.reqData.bizType } : {};
      resp = { requestNo: session.requestNo, code: error.code, description: error.description, ...extra };
    }
    recordTx(biz, { requestNo: session.requestNo, service: biz.store.tx(session.requestNo)?.service ?? session.serviceName, transactionType: service.txType, status: ok ? "SUCCESS" : "FAIL", reqData: session.reqData, answer: resp, transactionTime: biz.at });
    sendNotices(ctx, config, [{ serviceName: session.serviceName, resp }, ...auditFollowUp(biz, config, session, resp, ok)]);
    return returnPage({
      ok,
      message: `${ok ? (resp.status === "AUDIT" ? "提交成功,等待联银通审核" : "操作成功") : String(resp.description)},正在返回平台…`,
      callbackUrl: session.callbackUrl,
      fields: noticeFields(config, ctx, session.serviceName, "CALLBACK", resp),
    });
  };
}

/** §2.2 R2–R5: after AUDIT, the operators' decision, noticed again with its status. */
function auditFollowUp(biz: Biz, config: LanmaoTwinConfig, session: Session, resp: Record<string, unknown>, ok: boolean): NoticeStep[] {
  if (!ok || session.serviceName !== "ENTERPRISE_REGISTER" || biz.settings.enterpriseAudit === "AUDIT") return [];
  const status = biz.settings.enterpriseAudit;
  const no = String(resp.platformUserNo);
  const account = biz.store.account(no);
  if (account) biz.store.putAccount({ ...account, auditPending: { status, dueAt: beijingT(new Date(biz.now.getTime() + config.auditDelayMs)) } });
  const description = { PASSED: "审核通过", BACK: "审核回退", REFUSED: "审核拒绝" }[status];
  return [{ serviceName: session.serviceName, delayMs: config.auditDelayMs, resp: { ...resp, status, description } }];
}
