import crypto from "node:crypto";
import { isCheckFileType } from "@/lib/reconciliation/checkfile/columns";
import { canonicalServiceName } from "@/lib/vendors/lanmao/services";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../../core/types";
import { CODES, Refusal } from "../codes";
import type { LanmaoTwinConfig } from "../config";
import { type InboundForm, openEnvelope, signedAnswer } from "../wire";
import { unzip, ZipError } from "./unzip";

/**
 * UPLOAD_CHECKFILE (§4.4, 中信银行 mode) on the twin: the one direct interface sent as
 * multipart/form-data — the §1.2 form fields (serviceName, platformNo, reqData, keySerial, sign)
 * plus the part `file`, a zip of the day's files named `<yyyymmdd>_<platformNo>_<type>.txt`.
 * The service route hands every multipart body here (service-route.ts).
 *
 * Checked in this order, each refusal a signed `{code, description}` with the document's codes:
 * the envelope as for every call (100004 platform, 100003 signature, 100002 reqData); then
 * reqData (requestNo, platformNo = the envelope's else 100004, fileDate a date not after today,
 * fileType `CIBK`) and the part `file` (a readable zip, 100002); then each entry's name: the
 * date = fileDate (100002), the platform = ours (100004), a check-file type, once each (100002).
 * The bank's encryption is not documented (design.md §3) — the twin does not read the contents,
 * it records each entry's size and SHA-256. A used requestNo is refused (200002: §4.4 is not
 * idempotent). Accepted uploads are kept at `lanmao:checkfile-upload:<fileDate>` (the latest
 * of the day) and listed by `GET /lanmao/_sandbox/checkfiles/uploads`.
 */
export type CheckFileUpload = {
  requestNo: string;
  fileDate: string;
  zipName: string;
  zipBytes: number;
  files: { name: string; fileType: string; bytes: number; sha256: string }[];
  at: string;
};

export const UPLOAD_KEY_PREFIX = "lanmao:checkfile-upload:";
const REQUEST_KEY_PREFIX = "lanmao:checkfile-upload-request:";

export function isMultipart(req: SandboxRequest): boolean {
  return /^multipart\/form-data\b/i.test(String(req.headers["content-type"] ?? ""));
}

export function uploadCheckFileRoute(config: LanmaoTwinConfig) {
  return async (req: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse> => {
    try {
      const upload = await readUpload(config, req);
      if (ctx.state.get(REQUEST_KEY_PREFIX + upload.requestNo)) throw new Refusal(CODES.DUPLICATE, "请求流水号重复");
      ctx.state.set(REQUEST_KEY_PREFIX + upload.requestNo, upload.fileDate);
      ctx.state.set(UPLOAD_KEY_PREFIX + upload.fileDate, upload);
      return signedAnswer(config, ctx, { code: CODES.OK, description: "成功" });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return signedAnswer(config, ctx, { code: error.code, description: error.description });
    }
  };
}

async function readUpload(config: LanmaoTwinConfig, req: SandboxRequest): Promise<CheckFileUpload> {
  let parts: FormData;
  try {
    parts = await new Response(new Uint8Array(req.rawBody), { headers: { "content-type": String(req.headers["content-type"]) } }).formData();
  } catch {
    throw new Refusal(CODES.FORMAT, "multipart/form-data 报文格式错误");
  }
  const text = (k: string) => {
    const v = parts.get(k);
    return typeof v === "string" ? v : "";
  };
  const form: InboundForm = { serviceName: text("serviceName").trim(), platformNo: text("platformNo").trim(), userDevice: text("userDevice").trim(), keySerial: text("keySerial").trim(), reqData: text("reqData"), sign: text("sign").trim() };
  const data = openEnvelope(config, form);
  if (canonicalServiceName(form.serviceName) !== "UPLOAD_CHECKFILE") throw new Refusal(CODES.FORMAT, "multipart/form-data 仅用于 UPLOAD_CHECKFILE");

  const { platformNo } = config.credentials();
  const requestNo = String(data.requestNo ?? "");
  const fileDate = String(data.fileDate ?? "");
  if (!requestNo || requestNo.length > 50) throw new Refusal(CODES.FORMAT, "缺少参数 requestNo");
  if (String(data.platformNo ?? "") !== platformNo) throw new Refusal(CODES.PLATFORM, "reqData 中的平台编号不存在");
  if (!isDate(fileDate)) throw new Refusal(CODES.FORMAT, "fileDate 格式错误");
  if (fileDate > beijingDate(config.now())) throw new Refusal(CODES.FORMAT, "fileDate 不能晚于今天");
  if (data.fileType !== "CIBK") throw new Refusal(CODES.FORMAT, "fileType 必须为 CIBK");

  const file = parts.get("file");
  if (!file || typeof file === "string") throw new Refusal(CODES.FORMAT, "缺少上传文件 file");
  const zip = Buffer.from(await file.arrayBuffer());
  let entries;
  try {
    entries = unzip(zip);
  } catch (error) {
    if (error instanceof ZipError) throw new Refusal(CODES.FORMAT, `file 不是合法的 zip 文件:${error.message}`);
    throw error;
  }
  if (entries.length === 0) throw new Refusal(CODES.FORMAT, "zip 中没有对账文件");
  const seen = new Set<string>();
  const files = entries.map(({ name, data: bytes }) => {
    const m = /^(\d{8})_([^_/\\]+)_([A-Z]+)\.txt$/.exec(name);
    if (!m) throw new Refusal(CODES.FORMAT, `文件名 ${name} 不符合 <yyyymmdd>_<平台编号>_<对账文件类型>.txt`);
    const [, date, platform, fileType] = m as unknown as [string, string, string, string];
    if (date !== fileDate) throw new Refusal(CODES.FORMAT, `文件 ${name} 的日期与 fileDate 不符`);
    if (platform !== platformNo) throw new Refusal(CODES.PLATFORM, `文件 ${name} 的平台编号不存在`);
    if (!isCheckFileType(fileType)) throw new Refusal(CODES.FORMAT, `文件 ${name} 的对账文件类型不存在`);
    if (seen.has(fileType)) throw new Refusal(CODES.FORMAT, `对账文件类型 ${fileType} 重复`);
    seen.add(fileType);
    return { name, fileType, bytes: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
  });
  const at = new Date(config.now().getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-T:]/g, "");
  return { requestNo, fileDate, zipName: file.name, zipBytes: zip.length, files, at };
}

function isDate(s: string): boolean {
  if (!/^\d{8}$/.test(s)) return false;
  const d = new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8))));
  return d.toISOString().slice(0, 10).replace(/-/g, "") === s;
}

function beijingDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, "");
}
