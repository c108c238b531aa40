import "server-only";
import QRCode from "qrcode";
import type { DbOrTx } from "@/lib/db";
import { env } from "@/lib/env";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { checkGatewayLink, gatewayLinkPath } from "@/lib/vendors/lanmao/gateway";
import { gatewayPageResponse } from "./gateway-page";
import { countLinkOpen } from "./link-limit";

/**
 * A customer's step at 联银通 handed over as a link (and its QR code) that finance gives the
 * customer to open on their own phone: `/api/custody/link/<requestNo>?exp=…&sig=…`, HMAC-signed
 * with FILE_URL_SECRET (the signature is domain-separated, lib/vendors/lanmao/gateway.ts) and
 * valid for {@link CUSTOMER_LINK_TTL_S}. The link serves only the auto-submitting form of a
 * request already logged and still open; it names nothing personal.
 */
export const CUSTOMER_LINK_PATH = "/api/custody/link";
export const CUSTOMER_LINK_TTL_S = 30 * 60;

export type CustomerLink = { url: string; expiresAt: string; qrSvg: string };

export async function customerLink(requestNo: string, now = new Date()): Promise<CustomerLink> {
  const e = env();
  const exp = Math.floor(now.getTime() / 1000) + CUSTOMER_LINK_TTL_S;
  const url = e.appBaseUrl.replace(/\/+$/, "") + gatewayLinkPath(CUSTOMER_LINK_PATH, e.fileUrlSecret, requestNo, exp);
  const qrSvg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { url, expiresAt: new Date(exp * 1000).toISOString(), qrSvg };
}

const page = (status: number, zh: string, en: string) =>
  new Response(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>联银通</title></head>` +
      `<body style="font-family:system-ui,sans-serif;padding:1.5rem;max-width:32rem;margin:auto"><p>${zh}</p><p lang="en">${en}</p></body></html>`,
    { status, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'", "cache-control": "no-store", "referrer-policy": "no-referrer" } },
  );

export type LinkOutcome = "ok" | "tampered" | "expired" | "settled" | "limited";

/**
 * One audit row per opening, naming the outcome, the client address and the requestNo (not
 * personal data); never the reqData. Past the limit only the first opening of the window is
 * written (the rest are counted in custody_link_opens), so a flood cannot fill the audit log.
 */
async function auditOpening(db: DbOrTx, requestNo: string, ip: string, outcome: LinkOutcome, note?: string) {
  await writeAudit(db, {
    actor: null,
    action: "custody.link.open",
    outcome: outcome === "ok" ? "ok" : "denied",
    targetType: "custodyRequest",
    targetId: requestNo.slice(0, 64),
    detail: note ? `${outcome}: ${note}` : outcome,
    ip,
  });
}

/**
 * The public end of the link: limited per client address and per requestNo (lib/custody/link-limit.ts);
 * a bad or expired signature, or a settled request, gets a plain page. Every opening is audited.
 */
export async function customerLinkResponse(
  db: DbOrTx,
  requestNo: string,
  search: URLSearchParams,
  now = new Date(),
  opts: { secret?: string; config?: Parameters<typeof gatewayPageResponse>[2]; ip?: string } = {},
): Promise<Response> {
  const ip = opts.ip ?? "unknown";
  const limit = await countLinkOpen(db, ip, requestNo, now);
  if (limit.limited) {
    if (limit.firstOver) await auditOpening(db, requestNo, ip, "limited", `per ${limit.scope}; further openings this window are only counted`);
    const res = page(429, "打开次数过多,请稍后再试。", "Too many attempts. Please try again later.");
    res.headers.set("retry-after", String(limit.retryAfterSeconds));
    return res;
  }
  const verdict = checkGatewayLink(opts.secret ?? env().fileUrlSecret, requestNo, search.get("exp"), search.get("sig"), now);
  if (verdict === "invalid") {
    await auditOpening(db, requestNo, ip, "tampered");
    return page(403, "此链接无效。请向平台工作人员索取新的链接。", "This link is not valid. Ask the platform's staff for a new one.");
  }
  if (verdict === "expired") {
    await auditOpening(db, requestNo, ip, "expired");
    return page(410, "此链接已过期。请向平台工作人员索取新的链接。", "This link has expired. Ask the platform's staff for a new one.");
  }
  try {
    const res = await gatewayPageResponse(db, requestNo, opts.config);
    await auditOpening(db, requestNo, ip, "ok");
    return res;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      await auditOpening(db, requestNo, ip, "settled");
      return page(410, "此操作已完成或已关闭。", "This step is already done or closed.");
    }
    throw error;
  }
}
