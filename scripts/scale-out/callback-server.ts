/**
 * A console replica for the scale-out test (lib/inbox/scale-out.test.ts): the console server
 * entry's callback path (scripts/lib/serve-callbacks.ts, the same handlers as the route files)
 * on a plain `node:http` server — lighter than a second Next server. Listens on 127.0.0.1, an
 * ephemeral port, printed as `listening <port>`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serveCallback } from "../lib/serve-callbacks";

const server = http.createServer((req, res) => {
  if (!serveCallback(req, res)) res.writeHead(404).end();
});
server.listen(0, "127.0.0.1", () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.once("SIGTERM", () => process.exit(0));
