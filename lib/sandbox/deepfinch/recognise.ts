import { timingSafeEqual } from "node:crypto";
import { deepfinchManifest } from "@/lib/vendors/deepfinch/manifest";
import { twinCredentials } from "../env";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/types";
import { generateReport } from "./generate";
import { rngFromBytes } from "./rng";
import { ERROR_STATUSES, readSettings } from "./settings";
import { hasTextLayer } from "./text-layer";

/** 小于等于 30 MB, the twin's own constant (not the client's). */
const LIMIT = 30 * 1024 * 1024;

function fail(status: keyof typeof ERROR_STATUSES, reason: string): SandboxResponse {
  return { status: ERROR_STATUSES[status], body: { status, reason } };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * `POST /ocr/v2/pdf_credit_report_org`. Checks in a fixed order, each reachable one way
 * (docs/sandbox-deepfinch.md): credentials (401 UNAUTHORIZED) → forced status (settings) →
 * the `file` part (400 PARAMETER_MISSING: the document shows this code but not its HTTP
 * status; 400 is our pick, as for the other parameter errors) → `auto_classify` 0/1, size and
 * `%PDF-` (400 INVALID_ARGUMENT) → text layer (400 DETECTION_FAILED) → a report from the hash.
 */
export async function recognise(req: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse> {
  const creds = twinCredentials(deepfinchManifest);
  const id = String(req.headers["x-df-api-id"] ?? "");
  const secret = String(req.headers["x-df-api-secret"] ?? "");
  if (!same(id, creds.DEEPFINCH_API_ID) || !same(secret, creds.DEEPFINCH_API_SECRET)) return fail("UNAUTHORIZED", "invalid X-DF-API-ID or X-DF-API-SECRET");

  const settings = readSettings(ctx);
  if (settings.forceStatus) return fail(settings.forceStatus, `forced by sandbox settings`);

  let form: FormData;
  try {
    form = await new Request("http://twin.invalid/", { method: "POST", headers: { "content-type": String(req.headers["content-type"] ?? "") }, body: new Uint8Array(req.rawBody) }).formData();
  } catch {
    return fail("PARAMETER_MISSING", "param is missing or the value is empty: file");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fail("PARAMETER_MISSING", "param is missing or the value is empty: file");
  const classify = form.get("auto_classify");
  if (classify !== null && classify !== "0" && classify !== "1") return fail("INVALID_ARGUMENT", "auto_classify must be 0 or 1");
  if (file.size > LIMIT) return fail("INVALID_ARGUMENT", "file larger than 30 MB");
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") return fail("INVALID_ARGUMENT", "file is not a PDF");
  if (!hasTextLayer(bytes)) return fail("DETECTION_FAILED", "no text layer: the PDF is an image");

  if (settings.recogniseMs > 0) await new Promise((r) => setTimeout(r, settings.recogniseMs));
  return { status: 200, body: { status: "OK", result: generateReport(rngFromBytes(bytes), { accountCount: settings.accountCount }) } };
}
