import { z } from "zod";
import { isCheckFileType } from "@/lib/reconciliation/checkfile/columns";
import type { SandboxContext, SandboxRequest, SandboxResponse, SandboxRoute } from "../../core/types";
import { CODES, Refusal } from "../codes";
import type { LanmaoTwinConfig } from "../config";
import { twinSign } from "../crypto";
import { LanmaoStore } from "../store";
import { openEnvelope, readForm, signedAnswer } from "../wire";
import { type CheckFileUpload, UPLOAD_KEY_PREFIX } from "./upload";
import { type CheckFileInjection, INJECTION_KINDS, writeCheckFiles } from "./write";

/**
 * `POST /lanmao/lanmaotech/download` — DOWNLOAD_CHECKFILE (§4.2): the usual signed form; the
 * answer is the file itself (text/plain, UTF-8, header `sign` over its bytes with the twin's
 * key), or a signed JSON respData when there is no file (not ready yet, or a bad request).
 * `GET|POST /lanmao/_sandbox/checkfiles`: the switches (`notReady`, `readyEarly`, one per
 * discrepancy kind). `readyEarly` hands out today's file before its T+1 time, so a journey can
 * reconcile the transactions it has just made without waiting a day.
 *
 * Mounted by adding `...checkFileRoutes(config)` to the routes in lib/sandbox/lanmao/index.ts.
 */
const SETTINGS_KEY = "lanmao:checkfile-settings";

/** `injectUser`: corrupt only that user's money lines (a journey's own, whatever else the day holds). */
export type CheckFileSettings = { notReady: boolean; readyEarly: boolean; inject: CheckFileInjection; injectUser: string | null };
const DEFAULTS: CheckFileSettings = { notReady: false, readyEarly: false, inject: {}, injectUser: null };

const ZPatch = z.strictObject({
  notReady: z.boolean().optional(),
  readyEarly: z.boolean().optional(),
  injectUser: z.string().min(1).nullable().optional(),
  inject: z.strictObject(Object.fromEntries(INJECTION_KINDS.map((k) => [k, z.boolean().optional()])) as Record<(typeof INJECTION_KINDS)[number], z.ZodOptional<z.ZodBoolean>>).optional(),
});

export function readCheckFileSettings(ctx: Pick<SandboxContext, "state">): CheckFileSettings {
  return { ...DEFAULTS, ...(ctx.state.get<CheckFileSettings>(SETTINGS_KEY) ?? {}) };
}

export function checkFileRoutes(config: LanmaoTwinConfig): SandboxRoute[] {
  return [
    { method: "POST", path: "/lanmaotech/download", handle: downloadRoute(config) },
    // The UPLOAD_CHECKFILE uploads accepted (checkfiles/upload.ts), one per day, latest first.
    { method: "GET", path: "/_sandbox/checkfiles/uploads", handle: (_req, ctx) => ({ status: 200, headers: { "cache-control": "no-store" }, body: listUploads(ctx) }) },
    { method: "GET", path: "/_sandbox/checkfiles", handle: (_req, ctx) => ({ status: 200, headers: { "cache-control": "no-store" }, body: readCheckFileSettings(ctx) }) },
    {
      method: "POST",
      path: "/_sandbox/checkfiles",
      handle: (req, ctx) => {
        const parsed = ZPatch.safeParse(req.json());
        if (!parsed.success) return { status: 400, body: { error: parsed.error.issues.map((i) => i.message).join("; ") } };
        const current = readCheckFileSettings(ctx);
        const next: CheckFileSettings = {
          notReady: parsed.data.notReady ?? current.notReady,
          readyEarly: parsed.data.readyEarly ?? current.readyEarly,
          inject: { ...current.inject, ...(parsed.data.inject ?? {}) },
          injectUser: parsed.data.injectUser === undefined ? current.injectUser : parsed.data.injectUser,
        };
        ctx.state.set(SETTINGS_KEY, next);
        return { status: 200, body: next };
      },
    },
  ];
}

function downloadRoute(config: LanmaoTwinConfig) {
  return (req: SandboxRequest, ctx: SandboxContext): SandboxResponse => {
    try {
      const form = readForm(req);
      const data = openEnvelope(config, form);
      if (form.serviceName !== "DOWNLOAD_CHECKFILE") throw new Refusal(CODES.FORMAT, "此地址仅支持 DOWNLOAD_CHECKFILE");
      const fileDate = String(data.fileDate ?? "");
      const fileType = String(data.fileType ?? "");
      if (!/^\d{8}$/.test(fileDate)) throw new Refusal(CODES.FORMAT, "fileDate 格式错误");
      if (!isCheckFileType(fileType)) throw new Refusal(CODES.FORMAT, "fileType 不存在");
      const settings = readCheckFileSettings(ctx);
      // Files exist from 01:00 Beijing on T+1 (§4.1): before that, and while the switch is on, not yet.
      // `readyEarly` also hands out today's (never a future day's) file, written from the books so far.
      const today = beijingDate(config.now());
      if (settings.notReady || fileDate > today || (fileDate === today && !settings.readyEarly)) throw new Refusal(CODES.SYSTEM, "对账文件尚未生成");
      const files = writeCheckFiles(new LanmaoStore(ctx.state), { platformNo: config.credentials().platformNo, fileDate, inject: settings.inject, injectUser: settings.injectUser });
      const bytes = Buffer.from(files[fileType], "utf8");
      return { status: 200, headers: { "content-type": "text/plain; charset=utf-8", sign: twinSign(files[fileType], config.signingKey()) }, body: bytes };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return signedAnswer(config, ctx, { code: error.code, description: error.description });
    }
  };
}

function listUploads(ctx: Pick<SandboxContext, "state">): CheckFileUpload[] {
  return ctx.state
    .list<CheckFileUpload>(UPLOAD_KEY_PREFIX)
    .map(([, upload]) => upload)
    .reverse();
}

function beijingDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, "");
}
