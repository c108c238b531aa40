import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A throw-away HTTP server on port 0 for the client and token tests: real sockets, so
 * timeouts, resets and headers behave as in production. Test support only.
 */

export type RecordedRequest = { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: string };
export type Reply = { status?: number; body?: string | object; delayMs?: number; destroy?: boolean };
export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

export type TestServer = {
  url: string;
  requests: RecordedRequest[];
  /** Requests to one path, in arrival order. */
  calls(path: string): RecordedRequest[];
  route(key: `${"GET" | "POST"} ${string}`, handler: Handler): void;
  close(): Promise<void>;
};

export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://test");
    const recorded: RecordedRequest = {
      method: req.method ?? "",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(recorded);
    const handler = routes.get(`${recorded.method} ${recorded.path}`);
    const reply: Reply = handler ? await handler(recorded) : { status: 404, body: "not found" };
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    if (res.destroyed) return;
    const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? null);
    res.writeHead(reply.status ?? 200, { "Content-Type": isJson(body) ? "application/json" : "text/plain; charset=utf-8" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: (path) => requests.filter((r) => r.path === path),
    route: (key, handler) => void routes.set(key, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A token endpoint that hands out `tok-1`, `tok-2`, … */
export function tokenRoute(server: TestServer, opts: { expiresIn?: number | string; delayMs?: number } = {}): void {
  let n = 0;
  server.route("POST /oauth/token", () => ({
    delayMs: opts.delayMs,
    body: { access_token: `tok-${++n}`, token_type: "bearer", expires_in: opts.expiresIn ?? 3600 },
  }));
}
