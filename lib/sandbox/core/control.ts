import { z } from "zod";
import { renderControlPage } from "./control-page";
import { ZFaultSettingsPatch } from "./faults";
import type { SandboxRuntime } from "./runtime";
import { VENDOR_NAMES, type SandboxResponse } from "./types";

export function isControlPath(path: string): boolean {
  return path === "/" || path === "/_control" || path.startsWith("/_control/");
}

const ZRequestsQuery = z.object({
  vendor: z.enum(VENDOR_NAMES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** `/` (the HTML page) and `/_control/*` (JSON for tests, scripts and the page itself). */
export function handleControl(
  rt: SandboxRuntime,
  method: string,
  path: string,
  url: URL,
  rawBody: Buffer,
): SandboxResponse {
  const route = `${method} ${path}`;
  if (route === "GET /") {
    const html = renderControlPage({
      vendors: rt.vendors.map((v) => ({ name: v.name, title: v.title })),
      faults: rt.faults.all(),
      requests: rt.log.list({ limit: 100 }),
    });
    return { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }, body: html };
  }
  if (route === "GET /_control/health") return json(200, { status: "ok" });
  if (route === "GET /_control/vendors") {
    return json(
      200,
      rt.vendors.map((v) => ({
        name: v.name,
        title: v.title,
        routes: v.routes.map((r) => `${r.method} /${v.name}${typeof r.path === "string" ? r.path : r.path.source}`),
      })),
    );
  }
  if (route === "GET /_control/requests") {
    const query = ZRequestsQuery.safeParse({
      vendor: url.searchParams.get("vendor") || undefined,
      limit: url.searchParams.get("limit") || undefined,
    });
    if (!query.success) return badRequest(z.prettifyError(query.error));
    return json(200, rt.log.list({ vendor: query.data.vendor, limit: query.data.limit }));
  }
  if (route === "DELETE /_control/requests") {
    rt.log.clear();
    return json(200, { cleared: true });
  }
  if (route === "GET /_control/faults") return json(200, rt.faults.all());
  if (route === "DELETE /_control/faults") {
    rt.faults.reset();
    return json(200, rt.faults.all());
  }
  const faultPath = /^\/_control\/faults\/([^/]+)$/.exec(path);
  if (faultPath && method === "PUT") return putFaults(rt, faultPath[1], rawBody);
  return json(404, { error: "not_found", message: `no control endpoint ${route}` });
}

function putFaults(rt: SandboxRuntime, vendor: string, rawBody: Buffer): SandboxResponse {
  if (!rt.faults.has(vendor)) {
    return json(404, { error: "unknown_vendor", message: `vendor "${vendor}" is not registered` });
  }
  let input: unknown;
  try {
    input = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return badRequest("body must be a JSON object of fault settings");
  }
  const patch = ZFaultSettingsPatch.safeParse(input);
  if (!patch.success) return badRequest(z.prettifyError(patch.error));
  return json(200, rt.faults.update(vendor, patch.data));
}

function json(status: number, body: unknown): SandboxResponse {
  return { status, headers: { "cache-control": "no-store" }, body: body as object };
}

function badRequest(reason: string): SandboxResponse {
  return json(400, { error: "bad_request", message: reason });
}
