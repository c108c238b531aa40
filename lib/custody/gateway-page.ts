import "server-only";
import crypto from "node:crypto";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";
import { lanmaoGatewayForm } from "@/lib/vendors/lanmao/gateway";
import type { LanmaoGatewayInterface } from "@/lib/vendors/lanmao/interfaces";
import { lanmaoSign } from "@/lib/vendors/lanmao/sign";
import { loadRequest, markHandedToBrowser } from "./requests/log";

/**
 * The auto-submitting page that carries a logged gateway request to 联银通 (§1.1): the reqData
 * exactly as written down, signed afresh (deterministic), posted by the browser to
 * …/lanmaotech/gateway. Its own CSP allows that one script and that one form target.
 * A request already settled is not offered again.
 */
export async function gatewayPageResponse(db: DbOrTx, requestNo: string, config: Pick<LanmaoEndpoint, "baseUrl" | "platformNo" | "keySerial" | "privateKey"> = lanmaoConfig()): Promise<Response> {
  const req = await loadRequest(db, requestNo);
  if (!req || (req.status !== "PREPARED" && req.status !== "SENT")) throw new AppError("NOT_FOUND", `no open gateway request ${requestNo}`);
  const service = req.serviceName as LanmaoGatewayInterface;
  const form = { serviceName: service, platformNo: config.platformNo, reqData: req.reqData, keySerial: config.keySerial, sign: lanmaoSign(req.reqData, config.privateKey) };
  const page = lanmaoGatewayForm(config.baseUrl, { service, requestNo, request: JSON.parse(req.reqData) as never, form });
  await markHandedToBrowser(db, requestNo);
  const nonce = crypto.randomBytes(16).toString("base64");
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; form-action ${new URL(page.action).origin}; base-uri 'none'; frame-ancestors 'none'`;
  return new Response(page.html({ nonce }), {
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": csp, "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });
}
