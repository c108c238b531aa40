import type { IncomingMessage, ServerResponse } from "node:http";
import { SandboxHttpError, type SandboxRequest, type SandboxResponse } from "./types";

/** Large enough for a 30 MB credit-report PDF in a multipart body (DeepFinch's own limit). */
export const MAX_BODY_BYTES = 40 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new SandboxHttpError(413, `body larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Decoded path for routing and display; a malformed escape leaves the raw path. */
export function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

export function buildRequest(
  incoming: IncomingMessage,
  url: URL,
  rawBody: Buffer,
  relative: { path: string; params: Record<string, string> },
): SandboxRequest {
  const text = () => rawBody.toString("utf8");
  return {
    method: incoming.method ?? "GET",
    path: relative.path,
    fullPath: decodePath(url.pathname),
    query: url.searchParams,
    headers: incoming.headers,
    rawBody,
    params: relative.params,
    text,
    json<T>() {
      try {
        return JSON.parse(text()) as T;
      } catch {
        throw new SandboxHttpError(400, "request body is not valid JSON");
      }
    },
    form: () => new URLSearchParams(text()),
  };
}

export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): SandboxResponse {
  return { status, headers, body: body as object };
}

/** Serialises a handler's answer once, so the log and the malformed fault see the same bytes. */
export function serializeResponse(response: SandboxResponse): { body: Buffer; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = value;
  let body: Buffer;
  if (Buffer.isBuffer(response.body)) {
    body = response.body;
    headers["content-type"] ??= "application/octet-stream";
  } else if (typeof response.body === "string") {
    body = Buffer.from(response.body, "utf8");
    headers["content-type"] ??= "text/plain; charset=utf-8";
  } else {
    body = Buffer.from(JSON.stringify(response.body), "utf8");
    headers["content-type"] ??= "application/json; charset=utf-8";
  }
  return { body, headers };
}

/**
 * The malformed fault: the first half of the real answer, which a client then fails to
 * parse — what a proxy cutting the connection short looks like. Falls back to a plainly
 * non-JSON body if the half happens to parse (e.g. `12` out of `1234`).
 */
export function truncateBody(body: Buffer): Buffer {
  const half = body.subarray(0, Math.floor(body.length / 2));
  try {
    JSON.parse(half.toString("utf8"));
  } catch {
    return half;
  }
  return Buffer.concat([half, Buffer.from('{"truncat')]);
}

export function writeResponse(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, "content-length": String(body.length) });
  res.end(body);
}
