import type { IncomingMessage, ServerResponse } from "node:http";
import { handleControl, isControlPath } from "./control";
import { delay } from "./delay";
import type { FaultDecision } from "./faults";
import { buildRequest, decodePath, readBody, serializeResponse, truncateBody, writeResponse } from "./http";
import { matchRoute, methodNotAllowed, notFound, runRoute } from "./router";
import type { SandboxRuntime } from "./runtime";
import { SandboxHttpError, type SandboxContext, type SandboxResponse } from "./types";

/**
 * One inbound request: control page / endpoints, or a vendor route wrapped in the
 * generic faults (latency → hang | 500 | handler → malformed) and the request log.
 */
export async function handleRequest(rt: SandboxRuntime, incoming: IncomingMessage, res: ServerResponse) {
  const started = Date.now();
  const method = incoming.method ?? "GET";
  const url = new URL(incoming.url ?? "/", "http://sandbox.invalid");
  const fullPath = decodePath(url.pathname);

  let rawBody: Buffer;
  try {
    rawBody = await readBody(incoming);
  } catch (error) {
    const status = error instanceof SandboxHttpError ? error.status : 400;
    const { body, headers } = serializeResponse({ status, body: { error: "bad_body", message: String(error) } });
    writeResponse(res, status, headers, body);
    return;
  }

  // Control traffic is not logged: the page polls every 3 s and would drown the vendors' calls.
  if (isControlPath(fullPath)) {
    const response = handleControl(rt, method, fullPath, url, rawBody);
    const { body, headers } = serializeResponse(response);
    writeResponse(res, response.status, headers, body);
    return;
  }

  const id = rt.log.reserveId();
  const match = matchRoute(rt.vendors, method, fullPath);
  const vendor = match.vendor?.name ?? null;
  const decision: FaultDecision | null = vendor ? rt.faults.consume(vendor) : null;
  const logBase = {
    time: new Date(started).toISOString(),
    direction: "in" as const,
    vendor,
    method,
    path: fullPath + url.search,
    fault: decision && decision.applied.length > 0 ? decision.applied.join(",") : null,
    requestBody: rawBody,
  };

  if (decision && decision.latencyMs > 0 && !(await delay(decision.latencyMs, rt.closing))) return;

  if (decision?.hang) {
    rt.hanging.add(res);
    // 'close' fires when the client gives up or stop() destroys the socket.
    res.on("close", () => {
      rt.hanging.delete(res);
      rt.log.add({ ...logBase, status: null, durationMs: Date.now() - started, responseBody: null }, id);
    });
    return;
  }

  let response: SandboxResponse;
  if (decision?.http500) {
    response = { status: 500, body: { error: "sandbox_fault", message: "injected HTTP 500" } };
  } else if (match.kind === "route") {
    const req = buildRequest(incoming, url, rawBody, { path: match.path, params: match.params });
    const ctx: SandboxContext = {
      vendor: match.vendor.name,
      requestId: id,
      faults: decision?.settings ?? rt.faults.get(match.vendor.name),
      state: rt.state,
      callbacks: rt.callbacks,
      baseUrl: rt.baseUrl,
      vendorBaseUrl: `${rt.baseUrl}/${match.vendor.name}`,
      consoleBaseUrl: rt.consoleBaseUrl,
    };
    response = await runRoute(match.route, req, ctx);
  } else if (match.kind === "method-not-allowed") {
    response = methodNotAllowed(match.allow);
  } else {
    response = notFound(fullPath);
  }

  const serialized = serializeResponse(response);
  let { body } = serialized;
  let status = response.status;
  if (decision?.malformed) {
    body = truncateBody(body);
    status = 200;
  }
  writeResponse(res, status, { ...serialized.headers, "x-sandbox-request-id": String(id) }, body);
  rt.log.add({ ...logBase, status, durationMs: Date.now() - started, responseBody: body }, id);
}
