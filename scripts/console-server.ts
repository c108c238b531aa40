/**
 * The console's server entry, in place of `next start` / `next dev` (started by scripts/start.ts).
 * Next's own server keeps a client-sent `X-Forwarded-For`, and proxy.ts cannot see the socket,
 * so the one place that knows who is calling is here: the client address is computed from the
 * socket and `TRUSTED_PROXY_HOPS` (design.md §2) and written into CLIENT_IP_HEADER, replacing
 * any copy the client sent; `X-Forwarded-For` is rewritten to that one address so no library
 * further in can be fooled by the client's own list. (issue 8, security 3)
 *
 * Vendor callbacks are answered here, ahead of Next (scripts/lib/serve-callbacks.ts).
 *
 *   tsx --import ./scripts/lib/register-server-only.mjs scripts/console-server.ts [--dev]     (PORT, TRUSTED_PROXY_HOPS from the environment)
 */
import http from "node:http";
import nextModule from "next";
import { CLIENT_IP_HEADER, clientAddressFrom } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { serveCallback } from "./lib/serve-callbacks";

// `next` is CommonJS; depending on the loader its default export arrives wrapped once more.
const createNext = ((nextModule as unknown as { default?: typeof nextModule }).default ?? nextModule) as typeof nextModule;

const dev = process.argv.includes("--dev");
const config = env();
const port = config.port;
const hops = config.trustedProxyHops;

const app = createNext({ dev, dir: process.cwd(), port, hostname: "0.0.0.0" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const address = clientAddressFrom(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  req.headers[CLIENT_IP_HEADER] = address;
  req.headers["x-forwarded-for"] = address;
  if (serveCallback(req, res)) return;
  void handle(req, res);
});
server.listen(port, () => {
  console.log(`console listening on :${port} (${dev ? "dev" : "production"}, trusted proxy hops ${hops})`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
