import "server-only";
import QRCode from "qrcode";
import type { DbOrTx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkGatewayLink, gatewayLinkPath } from "@/lib/vendors/lanmao/gateway";
import { gatewayPageResponse } from "./gateway-page";

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

/** The public end of the link: a bad or expired signature, or a settled request, gets a plain page. */
export async function customerLinkResponse(db: DbOrTx, requestNo: string, search: URLSearchParams, now = new Date(), opts: { secret?: string; config?: Parameters<typeof gatewayPageResponse>[2] } = {}): Promise<Response> {
  const verdict = checkGatewayLink(opts.secret ?? env().fileUrlSecret, requestNo, search.get("exp"), search.get("sig"), now);
  if (verdict === "invalid") return page(403, "此链接无效。请向平台工作人员索取新的链接。", "This link is not valid. Ask the platform's staff for a new one.");
  if (verdict === "expired") return page(410, "此链接已过期。请向平台工作人员索取新的链接。", "This link has expired. Ask the platform's staff for a new one.");
  try {
    return await gatewayPageResponse(db, requestNo, opts.config);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return page(410, "此操作已完成或已关闭。", "This step is already done or closed.");
    throw error;
  }
}
