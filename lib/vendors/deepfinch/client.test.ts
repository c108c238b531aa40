import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { VendorError } from "@/lib/vendors/core/errors";
import { startTestVendor, type TestVendor } from "@/lib/vendors/core/test-server";
import { DEEPFINCH_PATH, createDeepfinchClient } from "./client";
import { DEEPFINCH_CODES } from "./errors";
import skeleton from "./fixtures/document-skeleton.json";
import { MAX_PDF_BYTES } from "./pdf-check";
import { MINIMAL_PDF, NOT_A_PDF, TRUNCATED_PDF } from "./test-pdf";

let server: TestVendor;
beforeAll(async () => {
  server = await startTestVendor();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = (timeoutMs = 2_000) =>
  createDeepfinchClient({ baseUrl: server.url + "/", apiId: "id-1", apiSecret: "secret-1", timeoutMs }, { fetch: globalThis.fetch });
const recognise = (bytes: Uint8Array = MINIMAL_PDF) => client().recognise({ bytes, filename: "张三-report.pdf" });
const failure = async (bytes?: Uint8Array) => {
  const err = await recognise(bytes).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as VendorError;
};

describe("DeepFinch client: the request", () => {
  it("posts the file part with its filename, auto_classify=1 and both credential headers", async () => {
    server.route(`POST ${DEEPFINCH_PATH}`, { body: { status: "OK", result: skeleton } });
    const r = await recognise();
    expect(r.report.unreadable).toEqual([]);
    expect(r.raw).toEqual(skeleton);
    const [req] = server.calls(DEEPFINCH_PATH);
    expect(req.headers["x-df-api-id"]).toBe("id-1");
    expect(req.headers["x-df-api-secret"]).toBe("secret-1");
    expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(req.body).toMatch(/Content-Disposition: form-data; name="file"; filename="[^"]+\.pdf"\r\nContent-Type: application\/pdf/);
    expect(req.body).toContain("%PDF-1.7");
    expect(req.body).toMatch(/name="auto_classify"\r\n\r\n1\r\n/);
  });

  it.each([
    ["empty", new Uint8Array(0), "pdfEmpty"],
    ["not a PDF", NOT_A_PDF, "pdfNotPdf"],
    ["truncated", TRUNCATED_PDF, "pdfTruncated"],
    ["over 30 MB", Buffer.concat([MINIMAL_PDF, Buffer.alloc(MAX_PDF_BYTES)]), "pdfTooLarge"],
  ])("refuses a file that is %s before sending", async (_label, bytes, key) => {
    const err = await failure(bytes);
    expect(err).not.toBeInstanceOf(VendorError);
    expect(err).toMatchObject({ code: "VALIDATION", i18n: { key } });
    expect(server.requests).toHaveLength(0);
  });
});

describe("DeepFinch client: the error table", () => {
  it.each(DEEPFINCH_CODES.map((c) => [c.status, c] as const))("%s", async (status, row) => {
    server.route(`POST ${DEEPFINCH_PATH}`, { status: row.httpStatus, body: { status, reason: "身份证 110101199003071234 无法识别" } });
    const err = await failure();
    expect(err).toBeInstanceOf(VendorError);
    expect(err).toMatchObject({ vendor: "deepfinch", vendorCode: status, code: row.appErrorCode, kind: row.kind, retryable: row.retryable, httpStatus: row.httpStatus });
    // The vendor's reason may quote personal data: masked before it is logged or shown.
    expect(err.message).not.toContain("110101199003071234");
  });

  it("retries only what can succeed later: rate limit and server errors", () => {
    expect(DEEPFINCH_CODES.filter((c) => c.retryable).map((c) => c.status).sort()).toEqual(["INTERNAL_ERROR", "RATE_LIMIT_EXCEEDED"]);
  });

  it("the document's PARAMETER_MISSING example answer is a refusal", async () => {
    server.route(`POST ${DEEPFINCH_PATH}`, { status: 400, body: { status: "PARAMETER_MISSING", reason: "param is missing or the value is empty: file" } });
    expect(await failure()).toMatchObject({ code: "VENDOR_REJECTED", kind: "refused", vendorCode: "PARAMETER_MISSING", retryable: false });
  });

  it("a non-OK status on HTTP 200 is still the vendor's refusal", async () => {
    server.route(`POST ${DEEPFINCH_PATH}`, { status: 200, body: { status: "DETECTION_FAILED", reason: "not a credit report" } });
    expect(await failure()).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "DETECTION_FAILED", retryable: false });
  });

  it("an unknown code on a 5xx is ambiguous and retryable; on a 4xx a refusal", async () => {
    server.route(`POST ${DEEPFINCH_PATH}`, { status: 503, body: { status: "BUSY" } });
    expect(await failure()).toMatchObject({ kind: "ambiguous", retryable: true, vendorCode: "BUSY" });
    server.route(`POST ${DEEPFINCH_PATH}`, { status: 422, body: { status: "ODD" } });
    expect(await failure()).toMatchObject({ kind: "refused", retryable: false, code: "VENDOR_REJECTED" });
  });

  it("a bare 502 without a body, a timeout and a reset are retryable", async () => {
    server.route(`POST ${DEEPFINCH_PATH}`, { status: 502, body: "Bad Gateway" });
    expect(await failure()).toMatchObject({ kind: "ambiguous", retryable: true });
    server.route(`POST ${DEEPFINCH_PATH}`, { delayMs: 400, body: { status: "OK", result: {} } });
    const slow = await client(100).recognise({ bytes: MINIMAL_PDF, filename: "a.pdf" }).catch((e: unknown) => e);
    expect(slow).toMatchObject({ kind: "ambiguous", retryable: true });
    server.route(`POST ${DEEPFINCH_PATH}`, { destroy: true });
    expect((await failure()).retryable).toBe(true);
  });

  it("a wrong base URL (404 without a status) is a configuration error", async () => {
    server.route(`POST ${DEEPFINCH_PATH}`, { status: 404, body: "no route" });
    expect(await failure()).toMatchObject({ code: "VENDOR_CONFIG", retryable: false });
  });

  it("OK without a result object, or not JSON, is unreadable", async () => {
    server.route(`POST ${DEEPFINCH_PATH}`, { body: { status: "OK" } });
    expect(await failure()).toMatchObject({ kind: "unreadable" });
    server.route(`POST ${DEEPFINCH_PATH}`, { body: "<html>" });
    expect(await failure()).toMatchObject({ kind: "unreadable" });
  });

  it("an answer with a field of the wrong type is kept raw with the section marked unreadable", async () => {
    const result = { ...skeleton, creditHeader: { ...skeleton.creditHeader, reportTime: ["x"] } };
    server.route(`POST ${DEEPFINCH_PATH}`, { body: { status: "OK", result } });
    const r = await recognise();
    expect(r.raw).toEqual(result);
    expect(r.report.unreadable).toEqual([{ section: "creditHeader", path: "creditHeader", issues: "reportTime" }]);
  });
});
