/**
 * Vendor callbacks served by the console's server entry ahead of Next's router: the same
 * event and core as the route file (`lib/inbox/route.ts` → `receiveDelivery`), reached without
 * the framework's per-request work, which on this path cost several times the database's (issue
 * 7 item 6: one statement does the intake; the rest of a request should be as thin). Callbacks
 * need none of what Next adds here: no page, no session, no proxy.ts (they are verified by the
 * vendor's token or signature). The body is read from the `IncomingMessage` itself (no Web
 * streams, `Request` or `Response`), and its 1 MB limit still holds while reading.
 */
import type http from "node:http";
import { inboundEventForPath } from "@/lib/inbox/route";
import { receiveIncoming } from "@/lib/inbox/receive";
import { logger } from "@/lib/logger";

const PREFIX = "/api/callbacks/";

/** Serves `req` when it is a vendor callback; false when Next should. */
export function serveCallback(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const url = req.url;
  if (req.method !== "POST" || !url?.startsWith(PREFIX)) return false;
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  const event = inboundEventForPath(pathname);
  if (!event) return false;
  void answer(event, req, res, pathname);
  return true;
}

type Event = NonNullable<ReturnType<typeof inboundEventForPath>>;

async function answer(event: Event, req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
  try {
    const { answer, complete } = await receiveIncoming(req, pathname, event);
    let status: number;
    let body: Buffer | string;
    const out: Record<string, string> = { "x-content-type-options": "nosniff", "cache-control": "no-store" };
    if (answer instanceof Response) {
      status = answer.status;
      answer.headers.forEach((value, name) => (out[name] = value));
      body = Buffer.from(await answer.arrayBuffer());
    } else {
      status = answer.status;
      out["content-type"] = answer.contentType;
      body = answer.body;
    }
    out["content-length"] = String(Buffer.byteLength(body));
    // A body refused unread is not drained: the connection closes after the answer.
    if (!complete) out.connection = "close";
    res.writeHead(status, out).end(body);
  } catch (err) {
    logger.error({ err, path: pathname }, "callback failed before an answer");
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json", connection: "close" }).end('{"code":500,"msg":"internal error","data":null,"ok":false}');
    else res.destroy();
  }
}
