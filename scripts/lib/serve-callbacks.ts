/**
 * Vendor callbacks served by the console's server entry ahead of Next's router: the same
 * handler as the route file (`lib/inbox/route.ts` → `receiveCallback`), reached without the
 * framework's per-request work, which on this path cost several times the database's (issue 7
 * item 6: one statement does the intake; the rest of a request should be as thin). Callbacks
 * need none of what Next adds here: no page, no session, no proxy.ts (they are verified by the
 * vendor's token or signature). The body streams into the handler, so its 1 MB limit still
 * holds while reading.
 */
import type http from "node:http";
import { Readable } from "node:stream";
import { inboundRouteForPath } from "@/lib/inbox/route";
import { logger } from "@/lib/logger";

/** Serves `req` when it is a vendor callback; false when Next should. */
export function serveCallback(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (req.method !== "POST" || !req.url?.startsWith("/api/callbacks/")) return false;
  const url = new URL(req.url, "http://console.local");
  const handler = inboundRouteForPath(url.pathname);
  if (!handler) return false;
  void answer(handler, req, res, url);
  return true;
}

async function answer(handler: (request: Request) => Promise<Response>, req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const request = new Request(url, {
      method: "POST",
      headers,
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request);
    const body = Buffer.from(await response.arrayBuffer());
    const out: Record<string, string> = { "content-length": String(body.length), "x-content-type-options": "nosniff", "cache-control": "no-store" };
    response.headers.forEach((value, name) => (out[name] = value));
    res.writeHead(response.status, out).end(body);
  } catch (err) {
    logger.error({ err, path: url.pathname }, "callback failed before an answer");
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end('{"code":500,"msg":"internal error","data":null,"ok":false}');
    else res.destroy();
  }
}
