/**
 * The two servers under test, both plain `node:http` on 127.0.0.1:
 * - console: hands each request, as a web `Request`, to the real route handler and writes its
 *   `Response` back (what Next.js does around a route handler, minus its routing);
 * - baseline: reads the body, JSON.parse, one INSERT into inbound_events, fixed answer.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type pg from "pg";

export type RouteHandler = (request: Request) => Promise<Response>;
export type RunningServer = { origin: string; close(): Promise<void> };

const ANSWER = JSON.stringify({ code: 0, msg: "success", data: null, ok: true });

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function fail(res: http.ServerResponse, err: unknown) {
  if (res.headersSent) return res.destroy();
  res.writeHead(500, { "content-type": "text/plain" }).end(`bench server error: ${err instanceof Error ? err.message : String(err)}`);
}

async function listen(handler: http.RequestListener): Promise<RunningServer> {
  const server = http.createServer({ keepAliveTimeout: 30_000 }, handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function startConsoleServer(route: RouteHandler): Promise<RunningServer> {
  return listen((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        else if (value !== undefined) headers.set(name, value);
      }
      // Next.js sets this itself when it serves directly; the inbox stores it as remote_ip.
      headers.set("x-forwarded-for", req.socket.remoteAddress ?? "");
      const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        // Copied into a plain Uint8Array: BodyInit does not accept a Buffer over a shared pool.
        body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body),
      });
      const response = await route(request);
      const out = Buffer.from(await response.arrayBuffer());
      const outHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => (outHeaders[name] = value));
      res.writeHead(response.status, { ...outHeaders, "content-length": String(out.length) }).end(out);
    })().catch((err: unknown) => fail(res, err));
  });
}

const INSERT = `INSERT INTO inbound_events
  (source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked, remote_ip)
  VALUES ($1, $2, $3, 'RECEIVED', true, $4, $5, $6, $7, $8, $9)
  ON CONFLICT DO NOTHING`;

/**
 * The floor: the same row written by one plain INSERT, body stored as-is. Replays hit the
 * partial unique index and write nothing (the console writes a DUPLICATE row instead).
 * Its own `source` keeps its keys apart from the console's rows in the same table.
 */
export function startBaselineServer(pool: pg.Pool, source: string): Promise<RunningServer> {
  return listen((req, res) => {
    void (async () => {
      const raw = (await readBody(req)).toString("utf8");
      const body = JSON.parse(raw) as { outsideOrderId: string; type: number };
      const { authorization: _secret, ...headers } = req.headers;
      await pool.query(INSERT, [
        source,
        "signed",
        `${body.outsideOrderId}:signed:${body.type}`,
        req.method,
        req.url,
        JSON.stringify(headers),
        raw,
        raw,
        req.socket.remoteAddress ?? null,
      ]);
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(ANSWER)) }).end(ANSWER);
    })().catch((err: unknown) => fail(res, err));
  });
}
