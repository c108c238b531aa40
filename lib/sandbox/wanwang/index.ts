import { wanwangManifest } from "@/lib/vendors/wanwang/manifest";
import type { SandboxContext, SandboxRequest, SandboxResponse, SandboxRoute, SandboxVendor } from "../core/types";
import { createWanwangConfig, type WanwangOptions } from "./config";
import { unauthorized } from "./envelope";
import { submitNetCredit } from "./net-credit";
import { pushResultAgain, queryResult } from "./query";
import { sandboxRoutes } from "./sandbox-routes";
import { showSigningPage, submitSigning } from "./signing";
import { hasValidBearer, issueToken } from "./tokens";

/**
 * 万网中台's stand-in, mounted at `/wanwang`: the token endpoint, the three pretrial API
 * calls of the document, the customer's signing page and the callbacks that follow.
 * Flow and knobs: docs/sandbox-wanwang.md.
 */
const API = "/integration/credit/sugar/webApi/bigDataService";

type Handler = (req: SandboxRequest, ctx: SandboxContext) => SandboxResponse;

/** Every business call needs a live token; a 401 is what makes the console refresh once. */
function withBearer(handle: Handler): Handler {
  return (req, ctx) => (hasValidBearer(req, ctx.state) ? handle(req, ctx) : unauthorized());
}

export function createWanwangVendor(options: WanwangOptions = {}): SandboxVendor {
  const config = createWanwangConfig(options);
  const routes: SandboxRoute[] = [
    { method: "POST", path: "/oauth/token", handle: (req, ctx) => issueToken(req, ctx.state) },
    { method: "POST", path: `${API}/netCredit`, handle: withBearer((req, ctx) => submitNetCredit(req, ctx, config)) },
    { method: "GET", path: `${API}/resultQuery`, handle: withBearer(queryResult) },
    { method: "GET", path: `${API}/pushOutside`, handle: withBearer((req, ctx) => pushResultAgain(req, ctx, config)) },
    { method: "GET", path: "/sign", handle: showSigningPage },
    { method: "POST", path: "/sign", handle: (req, ctx) => submitSigning(req, ctx, config) },
    ...sandboxRoutes,
  ];
  return { name: wanwangManifest.name, title: wanwangManifest.title, routes };
}

/** The registered instance: callback token and public URL from the environment. */
export const wanwangVendor = createWanwangVendor();
