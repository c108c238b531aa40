/**
 * A console replica for the scale-out test (lib/inbox/scale-out.test.ts): the real callback
 * route handlers behind a small `node:http` adapter — lighter than a second `next start`, and
 * the same handler code. Listens on 127.0.0.1, an ephemeral port, printed as `listening <port>`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST as errorSync } from "@/app/api/callbacks/wanwang/error-sync/route";
import { POST as pretrialResult } from "@/app/api/callbacks/wanwang/pretrial-result/route";
import { POST as signed } from "@/app/api/callbacks/wanwang/signed/route";
import { POST as wechatShare } from "@/app/api/callbacks/wanwang/wechat-share/route";

const ROUTES: Record<string, (request: Request) => Promise<Response>> = {
  "/api/callbacks/wanwang/signed": signed,
  "/api/callbacks/wanwang/pretrial-result": pretrialResult,
  "/api/callbacks/wanwang/error-sync": errorSync,
  "/api/callbacks/wanwang/wechat-share": wechatShare,
};

const server = http.createServer((req, res) => {
  void (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route = ROUTES[new URL(req.url ?? "/", "http://x").pathname];
    if (!route) return void res.writeHead(404).end();
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const response = await route(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: new Uint8Array(Buffer.concat(chunks)) }));
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain", "content-length": body.length }).end(body);
  })().catch((err: unknown) => {
    if (!res.headersSent) res.writeHead(500).end(String(err));
  });
});
server.listen(0, "127.0.0.1", () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.once("SIGTERM", () => process.exit(0));
