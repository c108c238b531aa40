import "server-only";
import { callVendor } from "@/lib/vendors/core/call";
import { unreadableError } from "@/lib/vendors/core/errors";
import { deepfinchConfig, type DeepfinchConfig } from "@/lib/vendors/config";
import { codeError, httpStatusError } from "./errors";
import { deepfinchManifest } from "./manifest";
import { assertPdf } from "./pdf-check";
import { parseReport, type ParsedReport } from "./report";
import { ZDeepfinchAnswer } from "./schemas";

/**
 * DeepFinch credit-report recognition (vendor-docs/003_…, design.md §3) on `callVendor`:
 * `POST /ocr/v2/pdf_credit_report_org`, multipart `file` (with a filename) and
 * `auto_classify=1`, credentials in `X-DF-API-ID` / `X-DF-API-SECRET`. A file that is not a
 * complete PDF within 30 MB is refused before sending. The answer's `result` comes back raw
 * (the caller stores it encrypted) and parsed section by section.
 */
const VENDOR = deepfinchManifest.name;
export const DEEPFINCH_PATH = "/ocr/v2/pdf_credit_report_org";

export type DeepfinchClientConfig = Pick<DeepfinchConfig, "baseUrl" | "apiId" | "apiSecret" | "timeoutMs">;
export type Recognition = { raw: unknown; report: ParsedReport };

export function createDeepfinchClient(config: DeepfinchClientConfig = deepfinchConfig(), deps: { fetch?: typeof fetch } = {}) {
  async function recognise(file: { bytes: Uint8Array; filename: string }): Promise<Recognition> {
    assertPdf(file.bytes);
    const form = new FormData();
    // The filename matters: without one the part is a plain field, not a file.
    form.append("file", new Blob([new Uint8Array(file.bytes)], { type: "application/pdf" }), file.filename || "report.pdf");
    form.append("auto_classify", "1");
    return callVendor({
      vendor: VENDOR,
      method: "POST",
      baseUrl: config.baseUrl,
      path: DEEPFINCH_PATH,
      headers: { "X-DF-API-ID": config.apiId, "X-DF-API-SECRET": config.apiSecret },
      body: { multipart: form },
      timeoutMs: config.timeoutMs,
      fetch: deps.fetch,
      onStatus: (status, json) => httpStatusError(status, json),
      answer: ZDeepfinchAnswer,
      interpret: (answer, status) => {
        if (answer.status !== "OK") throw codeError(answer.status, answer.reason, status);
        if (answer.result === null || typeof answer.result !== "object" || Array.isArray(answer.result)) {
          throw unreadableError(VENDOR, "status OK without a result object", status);
        }
        return { result: { raw: answer.result, report: parseReport(answer.result) }, vendorCode: answer.status };
      },
    });
  }
  return { recognise };
}

export type DeepfinchClient = ReturnType<typeof createDeepfinchClient>;
