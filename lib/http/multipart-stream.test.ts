import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { streamMultipart, type PartSink } from "./multipart-stream";
import { BodyTooLargeError } from "./read-body";

const BOUNDARY = "----bound4ry";
const CT = `multipart/form-data; boundary=${BOUNDARY}`;

function body(parts: { name: string; filename?: string; data: Buffer | string }[], epilogue = "") {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disp}\r\n${p.filename !== undefined ? "Content-Type: application/pdf\r\n" : ""}\r\n`));
    chunks.push(Buffer.from(p.data));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n${epilogue}`));
  return Buffer.concat(chunks);
}

/** A request whose body arrives in chunks of the given sizes (cycled), without a declared length. */
function chunked(bytes: Buffer, sizes: number[] = [bytes.length || 1], contentType = CT, headers: Record<string, string> = {}) {
  let at = 0;
  let i = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const n = Math.max(1, sizes[i++ % sizes.length]!);
      controller.enqueue(new Uint8Array(bytes.subarray(at, at + n)));
      at += n;
    },
    cancel() {
      cancelled = true;
    },
  });
  const request = new Request("http://localhost/u", { method: "POST", body: stream, headers: { "content-type": contentType, ...headers }, duplex: "half" } as RequestInit);
  return { request, wasCancelled: () => cancelled };
}

function collector() {
  const got: Buffer[] = [];
  const sink: PartSink = { write: async (c) => void got.push(Buffer.from(c)) };
  return { got: () => Buffer.concat(got), openFile: async () => sink };
}

// Bytes that look like delimiters and CRLFs inside the file must come through untouched.
const TRICKY = Buffer.from(`%PDF-1.4\r\n--${BOUNDARY.slice(0, 6)}\r\n\r\n--\r\n${"x".repeat(300)}\r\n-${BOUNDARY}%%EOF`);

describe("streamMultipart", () => {
  it("streams the file part to the sink and collects text fields, at any chunking", async () => {
    const bytes = body([{ name: "pretrialOrderId", data: "订单-1" }, { name: "file", filename: "a.pdf", data: TRICKY }, { name: "other", filename: "b.bin", data: "ignored" }]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 6 }), async (sizes) => {
        const c = collector();
        const out = await streamMultipart(chunked(bytes, sizes).request, { bodyLimit: 1e6, fileField: "file", openFile: c.openFile });
        expect(c.got().equals(TRICKY)).toBe(true);
        expect(out.fileSeen).toBe(true);
        expect(Object.fromEntries(out.fields)).toEqual({ pretrialOrderId: "订单-1" });
      }),
      { numRuns: 60 },
    );
  });

  it("reads what the platform's FormData serialisation sends", async () => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(TRICKY)]), "征信.pdf");
    form.set("note", "hi");
    const c = collector();
    const out = await streamMultipart(new Request("http://localhost/u", { method: "POST", body: form }), { bodyLimit: 1e6, fileField: "file", openFile: c.openFile });
    expect(c.got().equals(TRICKY)).toBe(true);
    expect(out.fields.get("note")).toBe("hi");
  });

  it("no file part: fileSeen false, the sink never opened", async () => {
    let opened = false;
    const out = await streamMultipart(chunked(body([{ name: "a", data: "1" }])).request, { bodyLimit: 1e6, fileField: "file", openFile: async () => ((opened = true), collector().openFile()) });
    expect(out.fileSeen).toBe(false);
    expect(opened).toBe(false);
  });

  it("refuses a body that is not multipart, or has no boundary", async () => {
    const opts = { bodyLimit: 1e6, fileField: "file", openFile: collector().openFile };
    await expect(streamMultipart(chunked(Buffer.from("{}"), undefined, "application/json").request, opts)).rejects.toMatchObject({ code: "VALIDATION", i18n: { key: "unsupportedBody" } });
    await expect(streamMultipart(chunked(Buffer.from("x"), undefined, "multipart/form-data; charset=utf-8").request, opts)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("refuses a body cut off before its closing delimiter (the sink's writes are the caller's to remove)", async () => {
    const bytes = body([{ name: "file", filename: "a.pdf", data: TRICKY }]);
    const c = collector();
    await expect(streamMultipart(chunked(bytes.subarray(0, bytes.length - 20), [7]).request, { bodyLimit: 1e6, fileField: "file", openFile: c.openFile })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/closing delimiter/),
    });
  });

  it("cuts a body off as soon as it crosses the limit, declared or not", async () => {
    const bytes = body([{ name: "file", filename: "a.pdf", data: Buffer.alloc(5000, 1) }]);
    const streamed = chunked(bytes, [512]);
    await expect(streamMultipart(streamed.request, { bodyLimit: 2000, fileField: "file", openFile: collector().openFile })).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(streamed.wasCancelled()).toBe(true);
    let opened = false;
    const declared = chunked(bytes, undefined, CT, { "content-length": String(bytes.length) });
    await expect(streamMultipart(declared.request, { bodyLimit: 2000, fileField: "file", openFile: async () => ((opened = true), collector().openFile()) })).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(opened).toBe(false);
  });

  it("an epilogue after the closing delimiter still counts against the limit", async () => {
    const bytes = body([{ name: "a", data: "1" }], "z".repeat(3000));
    await expect(streamMultipart(chunked(bytes, [100]).request, { bodyLimit: 1000, fileField: "file", openFile: collector().openFile })).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("refuses a second file part, a NUL in a text field, an over-long field, a part without a name", async () => {
    const opts = { bodyLimit: 1e6, fileField: "file", openFile: collector().openFile, maxFieldBytes: 100 };
    const two = body([{ name: "file", filename: "a.pdf", data: "1" }, { name: "file", filename: "b.pdf", data: "2" }]);
    await expect(streamMultipart(chunked(two).request, opts)).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/more than one/) });
    await expect(streamMultipart(chunked(body([{ name: "a", data: "x\u0000y" }])).request, opts)).rejects.toMatchObject({ i18n: { key: "nulCharacter" }, fieldErrors: { a: ["nul"] } });
    await expect(streamMultipart(chunked(body([{ name: "a", data: "x".repeat(101) }])).request, opts)).rejects.toMatchObject({ code: "VALIDATION" });
    const nameless = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${BOUNDARY}--\r\n`);
    await expect(streamMultipart(chunked(nameless).request, opts)).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/without a name/) });
  });

  it("a sink's refusal stops the read and cancels the body", async () => {
    const bytes = body([{ name: "file", filename: "a.pdf", data: Buffer.alloc(4000, 2) }]);
    const streamed = chunked(bytes, [256]);
    const refusal = new Error("too big for the sink");
    let written = 0;
    const openFile = async (): Promise<PartSink> => ({
      write: async (c) => {
        written += c.byteLength;
        if (written > 1000) throw refusal;
      },
    });
    await expect(streamMultipart(streamed.request, { bodyLimit: 1e6, fileField: "file", openFile })).rejects.toBe(refusal);
    expect(streamed.wasCancelled()).toBe(true);
    expect(written).toBeLessThan(2000);
  });
});
