import { AppError } from "@/lib/errors";
import { BodyTooLargeError } from "./read-body";

/**
 * A multipart/form-data body parsed while it streams in, for uploads too large to hold in
 * memory (readMultipartLimited reads the whole body first). The one file part named
 * `fileField` is handed chunk by chunk to the sink `openFile` returns, as it arrives; text
 * fields are collected (each within `maxFieldBytes`, NUL refused as in multipart.ts). The whole
 * body is cut off as soon as it crosses `bodyLimit`. Any error (a sink's refusal, a malformed
 * or truncated body, an aborted request) rejects, and the request body is cancelled: the
 * caller removes whatever its sink wrote.
 */
export type PartSink = { write(chunk: Uint8Array): Promise<void> };

export type StreamMultipartOptions = {
  bodyLimit: number;
  fileField: string;
  openFile: (info: { filename: string }) => Promise<PartSink>;
  maxFieldBytes?: number;
};

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");
const MAX_HEADER_BYTES = 16 * 1024;

const malformed = (why: string) => new AppError("VALIDATION", `unreadable multipart body: ${why}`, { i18n: { key: "unsupportedBody" } });

export function boundaryOf(contentType: string): string {
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new AppError("VALIDATION", `expected multipart/form-data, got ${contentType || "nothing"}`, { i18n: { key: "unsupportedBody" } });
  }
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  if (!m) throw malformed("no boundary");
  return m[1] ?? m[2]!;
}

type Part = { kind: "file"; sink: PartSink } | { kind: "field"; name: string; chunks: Buffer[]; size: number } | { kind: "skip" };

export async function streamMultipart(request: Request, opts: StreamMultipartOptions): Promise<{ fields: Map<string, string>; fileSeen: boolean }> {
  const boundary = boundaryOf(request.headers.get("content-type") ?? "");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > opts.bodyLimit) {
    await request.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(opts.bodyLimit);
  }
  if (!request.body) throw malformed("no body");
  const maxFieldBytes = opts.maxFieldBytes ?? 4096;
  // The first delimiter follows the (empty) preamble without a CRLF: prepend one so every
  // delimiter reads the same, "\r\n--boundary".
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields = new Map<string, string>();
  let fileSeen = false;
  // Mutated inside drain(): declared wide so the checks after it are not narrowed away.
  let state = "preamble" as "preamble" | "afterDelimiter" | "headers" | "body" | "end";
  let part: Part = { kind: "skip" };
  let buf: Buffer = Buffer.from(CRLF);

  const emit = async (bytes: Buffer) => {
    if (bytes.length === 0) return;
    if (part.kind === "file") await part.sink.write(bytes);
    else if (part.kind === "field") {
      part.size += bytes.length;
      if (part.size > maxFieldBytes) throw new AppError("VALIDATION", `field ${part.name} over ${maxFieldBytes} bytes`, { i18n: { key: "unsupportedBody" } });
      part.chunks.push(Buffer.from(bytes));
    }
  };

  const endPart = () => {
    if (part.kind !== "field") return;
    const value = Buffer.concat(part.chunks).toString("utf8");
    if (value.includes("\u0000")) {
      throw new AppError("VALIDATION", `NUL character in ${part.name}`, { i18n: { key: "nulCharacter" }, fieldErrors: { [part.name]: ["nul"] } });
    }
    fields.set(part.name, value);
  };

  const startPart = async (headerText: string) => {
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headerText)?.[1];
    if (disposition === undefined) throw malformed("part without form-data disposition");
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw malformed("part without a name");
    if (filename === undefined) part = { kind: "field", name, chunks: [], size: 0 };
    else if (name !== opts.fileField) part = { kind: "skip" };
    else {
      if (fileSeen) throw new AppError("VALIDATION", `more than one ${name} part`, { i18n: { key: "unsupportedBody" } });
      fileSeen = true;
      part = { kind: "file", sink: await opts.openFile({ filename }) };
    }
  };

  /** Consumes what `buf` holds, keeping only bytes that may be the start of a delimiter or of headers. */
  const drain = async () => {
    for (;;) {
      if (state === "end") return;
      if (state === "preamble" || state === "body") {
        const at = buf.indexOf(delimiter);
        if (at < 0) {
          // Keep what could be the start of a delimiter split across chunks.
          const safe = buf.length - (delimiter.length - 1);
          if (safe > 0) {
            if (state === "body") await emit(buf.subarray(0, safe));
            buf = buf.subarray(safe);
          }
          return;
        }
        if (state === "body") {
          await emit(buf.subarray(0, at));
          endPart();
          part = { kind: "skip" };
        }
        buf = buf.subarray(at + delimiter.length);
        state = "afterDelimiter";
      } else if (state === "afterDelimiter") {
        if (buf.length < 2) return;
        if (buf[0] === 0x2d && buf[1] === 0x2d) {
          state = "end";
          return;
        }
        // Transport padding (spaces, tabs) may precede the CRLF after a delimiter.
        const eol = buf.indexOf(CRLF);
        if (eol < 0) {
          if (buf.length > 256) throw malformed("no line end after a delimiter");
          return;
        }
        if (!/^[ \t]*$/.test(buf.subarray(0, eol).toString("latin1"))) throw malformed("text after a delimiter");
        buf = buf.subarray(eol + 2);
        state = "headers";
      } else {
        const at = buf.indexOf(HEADER_END);
        if (at < 0) {
          if (buf.length > MAX_HEADER_BYTES) throw malformed("part headers too long");
          return;
        }
        await startPart(buf.subarray(0, at).toString("utf8"));
        buf = buf.subarray(at + HEADER_END.length);
        state = "body";
      }
    }
  };

  const reader = request.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > opts.bodyLimit) throw new BodyTooLargeError(opts.bodyLimit);
      buf = buf.length ? Buffer.concat([buf, value]) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      await drain();
      if (state === "end") break;
    }
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err;
  }
  if (state !== "end") {
    await reader.cancel().catch(() => undefined);
    throw malformed("body ends before its closing delimiter");
  }
  // The epilogue after the closing delimiter is ignored, but still counted against the limit.
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > opts.bodyLimit) throw new BodyTooLargeError(opts.bodyLimit);
    }
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err;
  }
  return { fields, fileSeen };
}
