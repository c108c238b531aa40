import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from "../server";
import { SandboxHttpError, type SandboxVendor } from "./types";

/** A tiny vendor exercising every part of the SandboxRoute contract. Tests only. */
export const testVendor: SandboxVendor = {
  name: "risk-score",
  title: "测试供应商 Test vendor",
  routes: [
    { method: "GET", path: "/ping", handle: async () => ({ status: 200, body: { pong: true } }) },
    {
      method: "POST",
      path: "/echo",
      handle: async (req, ctx) => ({
        status: 200,
        body: { received: req.json(), query: Object.fromEntries(req.query), badSignature: ctx.faults.badSignature },
      }),
    },
    {
      method: "POST",
      path: "/form",
      handle: async (req) => ({ status: 200, body: Object.fromEntries(req.form()) }),
    },
    {
      method: "GET",
      path: /^\/orders\/(?<id>[^/]+)$/,
      handle: async (req, ctx) => ({ status: 200, body: { id: req.params.id, base: ctx.vendorBaseUrl } }),
    },
    { method: "GET", path: "/plain", handle: () => ({ status: 200, body: "SUCCESS" }) },
    {
      method: "GET",
      path: "/boom",
      handle: async () => {
        throw new Error("deliberate test failure");
      },
    },
    {
      method: "GET",
      path: "/teapot",
      handle: async () => {
        throw new SandboxHttpError(418, "short and stout");
      },
    },
  ],
};

export function startTestSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    port: 0,
    host: "127.0.0.1",
    vendors: [testVendor],
    stateFile: null,
    consoleBaseUrl: "http://127.0.0.1:9",
    callbackRetryDelaysMs: [20, 20, 20],
    ...options,
  });
}

export interface ReceivedCall {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A local HTTP server standing in for the console's callback endpoints. */
export async function startReceiver(answer: (call: ReceivedCall, index: number) => number = () => 200) {
  const calls: ReceivedCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const call = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() };
      calls.push(call);
      const status = answer(call, calls.length - 1);
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ ok: status < 300 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, calls, close };
}

export async function putFaults(sandbox: RunningSandbox, vendor: string, body: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/_control/faults/${vendor}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
