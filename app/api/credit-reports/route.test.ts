import fs, { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readFile } from "@/lib/files/store";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { POST } from "./route";

// Uploads land in a throwaway data folder, so "nothing half-stored" can be checked on disk too.
let folder: string;
beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "creditops-upload-test-"));
  vi.stubEnv("CREDITOPS_DATA_DIR", folder);
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(folder, { recursive: true, force: true });
});
const filesOnDisk = () => (fs.existsSync(path.join(folder, "files")) ? fs.readdirSync(path.join(folder, "files"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

/** A body that arrives in pieces without a declared length, as a browser's chunked upload would. */
function streamedRequest(bytes: Buffer, contentType: string) {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(new Uint8Array(bytes.subarray(at, at + 65536)));
      at += 65536;
    },
  });
  return new Request(URL_, { method: "POST", body, headers: { origin: "http://localhost:3000", "content-type": contentType }, duplex: "half" } as RequestInit);
}

const URL_ = "http://localhost:3000/api/credit-reports";
const SAMPLE = readFileSync(path.resolve(import.meta.dirname, "../../../lib/sandbox/deepfinch/fixtures/credit-report-sample-2.pdf"));

function upload(bytes: Uint8Array) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "report.pdf");
  return POST(new Request(URL_, { method: "POST", body: form, headers: { origin: "http://localhost:3000" } }));
}

function formRequest(bytes: Uint8Array, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), bytes.length ? "report.pdf" : "");
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return new Request(URL_, { method: "POST", body: form, headers: { origin: "http://localhost:3000" } });
}

describe("POST /api/credit-reports", () => {
  it("an analyst uploads (201), the same file again opens the same report (200)", async () => {
    signInAs(await createTestUser("RISK_ANALYST"));
    const bytes = Buffer.concat([SAMPLE, Buffer.from("\n% route\n%%EOF\n")]);
    const first = await upload(bytes);
    expect(first.status).toBe(201);
    const a = (await first.json()) as { reportId: string; created: boolean };
    const again = await upload(bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ reportId: a.reportId, created: false });
  });

  it("a loan officer is refused and nothing is stored", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    signInAs(officer);
    expect((await upload(SAMPLE)).status).toBe(403);
    expect(await testDb().storedFile.count({ where: { createdById: officer.id } })).toBe(0);
  });

  it("not a PDF: 400 with a translated message", async () => {
    signInAs(await createTestUser("RISK_ANALYST"));
    const res = await upload(Buffer.from("GIF89a"));
    expect(res.status).toBe(400);
    // The message is errors.pdfNotPdf in the user's language (the test setup answers keys).
    expect(await res.json()).toMatchObject({ error: "VALIDATION", message: expect.stringMatching(/PDF|pdfNotPdf/) });
  });

  it("stores the streamed file encrypted: it reads back byte for byte, nothing else left on disk", async () => {
    const analyst = await createTestUser("RISK_ANALYST");
    signInAs(analyst);
    const bytes = Buffer.concat([SAMPLE, Buffer.from(`\n% stream ${Math.random()}\n%%EOF\n`)]);
    const before = filesOnDisk();
    const res = await upload(bytes);
    expect(res.status).toBe(201);
    const { reportId } = (await res.json()) as { reportId: string };
    const report = await testDb().creditReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(report.fileSizeBytes).toBe(bytes.length);
    const stored = await readFile(testDb(), report.fileId);
    expect(stored?.bytes.equals(bytes)).toBe(true);
    expect(filesOnDisk()).toBe(before + 1);
    // On disk it is ciphertext, not the PDF.
    const blob = fs.readFileSync(path.join(folder, stored!.row.storagePath));
    expect(blob.includes(Buffer.from("%PDF-"))).toBe(false);
  });

  const refusals: [string, () => Request, number, string | RegExp][] = [
    ["not a PDF", () => formRequest(Buffer.from("GIF89a %%EOF")), 400, "pdfNotPdf"],
    ["empty", () => formRequest(Buffer.alloc(0)), 400, "pdfEmpty"],
    ["truncated (no %%EOF at the end)", () => formRequest(SAMPLE.subarray(0, 5000)), 400, "pdfTruncated"],
    ["without a file part", () => { const f = new FormData(); f.set("pretrialOrderId", "x"); return new Request(URL_, { method: "POST", body: f, headers: { origin: "http://localhost:3000" } }); }, 400, "pdfEmpty"],
    ["a file over 30 MB inside the body limit", () => formRequest(Buffer.concat([SAMPLE, Buffer.alloc(30 * 1024 * 1024 + 1 - SAMPLE.length)])), 400, "pdfTooLarge"],
    ["a chunked body over the limit (a file beyond 30 MB is refused by its own limit first)", () => streamedRequest(Buffer.concat([Buffer.from("--b\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n"), SAMPLE, Buffer.from("\r\n--b\r\ncontent-disposition: form-data; name=\"extra\"; filename=\"x.bin\"\r\n\r\n"), Buffer.alloc(31 * 1024 * 1024)]), "multipart/form-data; boundary=b"), 413, /./],
    ["a body cut off mid-file", () => streamedRequest(Buffer.concat([Buffer.from("--b\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n"), SAMPLE]), "multipart/form-data; boundary=b"), 400, "unsupportedBody"],
    ["a link to an unknown order", () => formRequest(Buffer.concat([SAMPLE, Buffer.from(`\n% ${Math.random()}\n%%EOF\n`)]), { pretrialOrderId: "nope" }), 404, /./],
    ["a NUL in the order field", () => formRequest(Buffer.concat([SAMPLE, Buffer.from(`\n% ${Math.random()}\n%%EOF\n`)]), { pretrialOrderId: "a\u0000b" }), 400, "nulCharacter"],
    ["not multipart", () => new Request(URL_, { method: "POST", body: SAMPLE, headers: { origin: "http://localhost:3000", "content-type": "application/pdf" } }), 400, "unsupportedBody"],
  ];
  it.each(refusals)("refuses %s, with nothing stored (rows or bytes)", async (_label, request, status, message) => {
    const analyst = await createTestUser("RISK_ANALYST");
    signInAs(analyst);
    const before = filesOnDisk();
    const res = await POST(request());
    expect(res.status).toBe(status);
    expect(((await res.json()) as { message: string }).message).toMatch(message);
    expect(await testDb().storedFile.count({ where: { createdById: analyst.id } })).toBe(0);
    expect(await testDb().creditReport.count({ where: { uploadedById: analyst.id } })).toBe(0);
    expect(filesOnDisk()).toBe(before);
  });

  it("over 30 MB: 413 while streaming", async () => {
    signInAs(await createTestUser("RISK_ANALYST"));
    const res = await upload(Buffer.concat([SAMPLE, Buffer.alloc(31 * 1024 * 1024)]));
    expect(res.status).toBe(413);
  });
});
