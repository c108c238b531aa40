import type { IncomingMessage } from "node:http";

/**
 * Reads a request body up to a byte limit, refusing as soon as the limit is crossed: a
 * declared `Content-Length` over the limit is refused before a byte is read, and a chunked
 * or lying body is cut off mid-stream. Nothing past the limit is ever held in memory, so a
 * 50 MB POST costs at most `limit` bytes (design.md §2: 413 while streaming, before storing).
 */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

export const ONE_MB = 1024 * 1024;

export async function readBodyLimited(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limit);
  }
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * {@link readBodyLimited} for a `node:http` request, without Web streams: the console's server
 * entry reads callback bodies this way (scripts/lib/serve-callbacks.ts). Same rules: a declared
 * `Content-Length` over the limit is refused before a byte is read, a longer body is cut off
 * as soon as it crosses the limit (the stream is paused and no further chunk is kept), and a
 * request aborted before its end is an error. After a refusal the body is left unread, so the
 * caller answers with `Connection: close`.
 */
export function readIncomingBodyLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise<Buffer>((resolve, reject) => new IncomingBodyReader(req, limit, resolve, reject).start());
}

/**
 * The listeners of one {@link readIncomingBodyLimited} read, as methods bound once (a class
 * rather than closures: this runs on every callback, and under tsx each closure would also be
 * renamed at creation).
 */
class IncomingBodyReader {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly onData = this.data.bind(this);
  private readonly onEnd = this.end.bind(this);
  private readonly onError = this.error.bind(this);
  private readonly onClose = this.close.bind(this);

  constructor(
    private readonly req: IncomingMessage,
    private readonly limit: number,
    private readonly resolve: (body: Buffer) => void,
    private readonly reject: (err: Error) => void,
  ) {}

  start() {
    this.req.on("data", this.onData).on("end", this.onEnd).on("error", this.onError).on("close", this.onClose);
  }

  private stop() {
    this.req.removeListener("data", this.onData).removeListener("end", this.onEnd).removeListener("error", this.onError).removeListener("close", this.onClose);
  }

  private data(chunk: Buffer | string) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    this.size += bytes.length;
    if (this.size > this.limit) {
      this.stop();
      this.req.pause();
      this.chunks.length = 0;
      this.reject(new BodyTooLargeError(this.limit));
      return;
    }
    this.chunks.push(bytes);
  }

  private end() {
    this.stop();
    this.resolve(this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size));
  }

  private error(err: Error) {
    this.stop();
    this.reject(err);
  }

  private close() {
    this.stop();
    if (!this.req.complete) this.reject(new Error("request aborted before its body was complete"));
  }
}
