import http from "node:http";
import type { AddressInfo } from "node:net";
import { safeJson } from "./json";

/**
 * Tests only. A throw-away vendor on port 0 for client tests: real sockets, so timeouts,
 * resets and headers behave as in production. Every vendor's client tests use this one.
 */

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body parsed as a JSON object, `{}` when it is not one. */
  json: Record<string, unknown>;
};
export type Reply = { status?: number; body?: string | object; delayMs?: number; destroy?: boolean };
export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;
/** `"POST /path"` for one method, `"/path"` for any. */
export type RouteKey = `${"GET" | "POST" | "PUT" | "DELETE"} /${string}` | `/${string}`;

export type TestVendor = {
  url: string;
  requests: RecordedRequest[];
  /** Requests to one path, in arrival order. */
  calls(path: string): RecordedRequest[];
  route(key: RouteKey, handler: Handler | Reply): void;
  close(): Promise<void>;
};

export async function startTestVendor(): Promise<TestVendor> {
  const routes = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://vendor.invalid");
    const body = Buffer.concat(chunks).toString("utf8");
    const parsed = safeJson(body);
    const recorded: RecordedRequest = {
      method: req.method ?? "",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      json: parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {},
    };
    requests.push(recorded);
    const handler = routes.get(`${recorded.method} ${recorded.path}`) ?? routes.get(recorded.path);
    const reply: Reply = handler ? await handler(recorded) : { status: 404, body: "not found" };
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    if (res.destroyed) return;
    const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? null);
    res.writeHead(reply.status ?? 200, { "Content-Type": safeJson(text) === undefined ? "text/plain; charset=utf-8" : "application/json; charset=utf-8" });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: (path) => requests.filter((r) => r.path === path),
    route: (key, handler) => void routes.set(key, typeof handler === "function" ? handler : () => handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An OAuth2 client-credentials token endpoint at `POST /oauth/token` handing out `tok-1`, `tok-2`, … */
export function tokenRoute(server: TestVendor, opts: { expiresIn?: number | string; delayMs?: number } = {}): void {
  let n = 0;
  server.route("POST /oauth/token", () => ({
    delayMs: opts.delayMs,
    body: { access_token: `tok-${++n}`, token_type: "bearer", expires_in: opts.expiresIn ?? 3600 },
  }));
}
