import type { SandboxContext, SandboxRequest, SandboxResponse, SandboxRoute } from "../core/types";
import { getOrder } from "./orders";
import { licencePlaceholderPng, shareCodePng } from "./png";
import { getSettings, resetSettings, updateSettings, ZWanwangSettingsPatch } from "./settings";
import { readSettingsPatch } from "../core/settings-patch";

/**
 * Routes that are not part of the vendor's API: the images the vendor hosts (share code,
 * licence copies) and the `/_sandbox/*` knobs tests and demos use.
 */
export const sandboxRoutes: SandboxRoute[] = [
  { method: "GET", path: "/_sandbox/settings", handle: (_req, ctx) => json(200, getSettings(ctx.state)) },
  { method: "PUT", path: "/_sandbox/settings", handle: putSettings },
  { method: "DELETE", path: "/_sandbox/settings", handle: (_req, ctx) => json(200, resetSettings(ctx.state)) },
  {
    // The whole stored order, licence checks included: a debugging view of a local sandbox.
    method: "GET",
    path: /^\/_sandbox\/orders\/(?<querySn>[A-Z0-9]+)$/,
    handle: (req, ctx) => {
      const order = getOrder(ctx.state, req.params.querySn);
      return order ? json(200, order) : json(404, { error: "not_found", message: "no such querySn" });
    },
  },
  {
    method: "GET",
    path: /^\/share\/(?<querySn>ZX\d{13})\.png$/,
    handle: (req, ctx) => (getOrder(ctx.state, req.params.querySn) ? png(shareCodePng(req.params.querySn)) : imageNotFound()),
  },
  {
    method: "GET",
    path: /^\/obs\/(?<querySn>ZX\d{13})\/(?<side>front|back)\.png$/,
    handle: (req, ctx) =>
      getOrder(ctx.state, req.params.querySn) ? png(licencePlaceholderPng(req.params.side as "front" | "back")) : imageNotFound(),
  },
];

function putSettings(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const patch = readSettingsPatch(req, ZWanwangSettingsPatch);
  if (!patch.ok) return patch.response;
  return json(200, updateSettings(ctx.state, patch.patch));
}

function json(status: number, body: object): SandboxResponse {
  return { status, headers: { "cache-control": "no-store" }, body };
}

function png(body: Buffer): SandboxResponse {
  return { status: 200, headers: { "content-type": "image/png", "cache-control": "public, max-age=3600" }, body };
}

function imageNotFound(): SandboxResponse {
  return { status: 404, body: { error: "not_found", message: "no such image" } };
}
