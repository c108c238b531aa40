import { STATUS_CODES } from "node:http";
import {
  SandboxHttpError,
  type SandboxContext,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRoute,
  type SandboxVendor,
} from "./types";

export type RouteMatch =
  | { kind: "route"; vendor: SandboxVendor; route: SandboxRoute; path: string; params: Record<string, string> }
  | { kind: "method-not-allowed"; vendor: SandboxVendor; allow: string[] }
  | { kind: "not-found"; vendor: SandboxVendor | null };

/**
 * Each vendor is mounted under `/<name>`, so a vendor's base URL in sandbox mode is
 * `http://host:3100/<name>` and vendors can reuse their real paths without colliding.
 */
export function matchRoute(vendors: readonly SandboxVendor[], method: string, fullPath: string): RouteMatch {
  const vendor = vendors.find((v) => fullPath === `/${v.name}` || fullPath.startsWith(`/${v.name}/`));
  if (!vendor) return { kind: "not-found", vendor: null };
  const path = fullPath.slice(vendor.name.length + 1) || "/";
  const allow: string[] = [];
  for (const route of vendor.routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method || (method === "HEAD" && route.method === "GET")) {
      return { kind: "route", vendor, route, path, params };
    }
    allow.push(route.method);
  }
  return allow.length > 0 ? { kind: "method-not-allowed", vendor, allow } : { kind: "not-found", vendor };
}

function matchPath(pattern: string | RegExp, path: string): Record<string, string> | null {
  if (typeof pattern === "string") return pattern === path ? {} : null;
  // A fresh copy so a /g or /y flag's lastIndex never carries over between requests.
  const match = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "")).exec(path);
  if (!match) return null;
  return Object.fromEntries(Object.entries(match.groups ?? {}).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}

export function notFound(path: string): SandboxResponse {
  return { status: 404, body: { error: "not_found", message: `no sandbox route for ${path}` } };
}

export function methodNotAllowed(allow: string[]): SandboxResponse {
  return {
    status: 405,
    headers: { allow: [...new Set(allow)].join(", ") },
    body: { error: "method_not_allowed", allow: [...new Set(allow)] },
  };
}

/**
 * Runs a vendor handler. A SandboxHttpError becomes its status; anything else is a bug in
 * the stand-in, logged and answered 500 so the console sees a server error, not a hang.
 */
export async function runRoute(route: SandboxRoute, req: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse> {
  try {
    return await route.handle(req, ctx);
  } catch (error) {
    if (error instanceof SandboxHttpError) {
      return { status: error.status, body: { error: STATUS_CODES[error.status] ?? "error", message: error.message } };
    }
    console.error(`[sandbox] ${ctx.vendor} ${req.method} ${req.path} handler failed:`, error);
    return { status: 500, body: { error: "internal_error", message: "sandbox handler failed" } };
  }
}
