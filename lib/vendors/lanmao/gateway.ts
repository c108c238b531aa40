import crypto from "node:crypto";
import type { LanmaoForm, PreparedLanmaoRequest } from "./client";
import { LANMAO_PATHS } from "./client";
import { LANMAO_SERVICES } from "./services";

/**
 * Gateway mode (§1.1): the customer's browser carries the signed form to
 * …/lanmaotech/gateway. {@link lanmaoGatewayForm} gives the action, the fields and a
 * self-submitting page; a console route can serve that page behind a signed, expiring link
 * ({@link gatewayLinkPath}) that a customer opens on a phone or scans as a QR code.
 */
export type LanmaoGatewayForm = { action: string; fields: LanmaoForm; html: (opts?: { nonce?: string }) => string };

const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function lanmaoGatewayForm(baseUrl: string, prepared: PreparedLanmaoRequest): LanmaoGatewayForm {
  if (LANMAO_SERVICES[prepared.service].mode !== "gateway") throw new Error(`${prepared.service} is not a gateway interface`);
  const action = baseUrl.replace(/\/+$/, "") + LANMAO_PATHS.gateway;
  const fields = prepared.form;
  const inputs = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(String(v))}">`)
    .join("");
  const html = (opts: { nonce?: string } = {}) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><title>正在跳转至联银通…</title></head><body>` +
    `<form id="lanmao" method="post" action="${escapeHtml(action)}" accept-charset="UTF-8">${inputs}` +
    `<p>正在跳转至联银通存管页面… Redirecting to 联银通…</p><noscript><button type="submit">继续 Continue</button></noscript></form>` +
    `<script${opts.nonce ? ` nonce="${escapeHtml(opts.nonce)}"` : ""}>document.getElementById("lanmao").submit()</script></body></html>`;
  return { action, fields, html };
}

/** HMAC over the request number and expiry, for a link that serves the gateway page once shared. */
export function gatewayLinkSignature(secret: string, requestNo: string, exp: number): string {
  return crypto.createHmac("sha256", secret).update(`lanmao-gateway\n${requestNo}\n${exp}`).digest("base64url");
}

/** `<path>/<requestNo>?exp=<unix s>&sig=…`; the route re-renders the stored form. */
export function gatewayLinkPath(basePath: string, secret: string, requestNo: string, exp: number): string {
  return `${basePath.replace(/\/+$/, "")}/${encodeURIComponent(requestNo)}?exp=${exp}&sig=${gatewayLinkSignature(secret, requestNo, exp)}`;
}

export function checkGatewayLink(secret: string, requestNo: string, exp: string | null, sig: string | null, now = new Date()): "ok" | "expired" | "invalid" {
  const expNum = Number(exp);
  if (!exp || !sig || !Number.isInteger(expNum)) return "invalid";
  const expected = Buffer.from(gatewayLinkSignature(secret, requestNo, expNum));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return "invalid";
  return expNum * 1000 < now.getTime() ? "expired" : "ok";
}
