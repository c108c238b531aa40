import type { SandboxContext } from "../core/types";
import type { LanmaoTwinConfig } from "./config";
import { readSettings } from "./settings";
import { noticeFields } from "./wire";

/**
 * 联银通's asynchronous NOTIFY (§1.1): POSTed as a form to the console's notify address; the
 * console must answer the plain text `SUCCESS`, else it is retried at most 6 times within an
 * hour, then given up. The waits are the document's unless the settings compress them. Each
 * notice's deliveries are kept (`lanmao:notice:<n>`) for tests and the control page.
 */
export const NOTIFY_PATH = "/api/callbacks/lanmao/notify";

export interface NoticeLog {
  seq: number;
  serviceName: string;
  requestNo: string;
  status: string;
  attempts: number;
  delivered: boolean;
  lastStatus: number | null;
  lastBody: string;
}

export interface NoticeStep {
  serviceName: string;
  resp: Record<string, unknown>;
  /** Wait before this notice, from the previous one (the first: from now). */
  delayMs?: number;
}

const SEQ = "lanmao:notice-seq";
export const noticeKey = (seq: number) => `lanmao:notice:${String(seq).padStart(9, "0")}`;

export function notices(ctx: Pick<SandboxContext, "state">): NoticeLog[] {
  return ctx.state.list<NoticeLog>("lanmao:notice:").map(([, n]) => n);
}

/** Queues notices for one business object, in order (the reorderCallbacks fault reverses them). */
export function sendNotices(ctx: SandboxContext, config: LanmaoTwinConfig, steps: NoticeStep[]): void {
  const settings = readSettings(ctx);
  if (settings.notifyOff || steps.length === 0) return;
  const retryDelaysMs = settings.notifyRetryDelaysMs ?? config.notifyRetryDelaysMs;
  const first = settings.notifyFirstDelayMs ?? config.notifyFirstDelayMs;
  void ctx.callbacks.sequence(
    ctx.vendor,
    steps.map((step, i) => {
      const seq = (ctx.state.get<number>(SEQ) ?? 0) + 1;
      ctx.state.set(SEQ, seq);
      const log: NoticeLog = {
        seq,
        serviceName: step.serviceName,
        requestNo: String(step.resp.requestNo ?? ""),
        status: String(step.resp.status ?? step.resp.code ?? ""),
        attempts: 0,
        delivered: false,
        lastStatus: null,
        lastBody: "",
      };
      ctx.state.set(noticeKey(seq), log);
      return {
        delayMs: i === 0 ? first : (step.delayMs ?? 0),
        send: {
          vendor: ctx.vendor,
          url: ctx.consoleBaseUrl + NOTIFY_PATH,
          body: new URLSearchParams(noticeFields(config, ctx, step.serviceName, "NOTIFY", step.resp)),
          key: `${step.serviceName} ${log.requestNo} ${log.status}`,
          retryDelaysMs,
          // The handshake is the body SUCCESS (§1.1), not the HTTP status alone.
          accepted: (status: number, body: string) => {
            const delivered = status >= 200 && status < 300 && body.trim() === "SUCCESS";
            const current = ctx.state.get<NoticeLog>(noticeKey(seq)) ?? log;
            ctx.state.set(noticeKey(seq), { ...current, attempts: current.attempts + 1, delivered, lastStatus: status, lastBody: body.slice(0, 200) });
            return delivered;
          },
        },
      };
    }),
  );
}
