import crypto from "node:crypto";
import { LANMAO_PATHS, type LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { lanmaoSign, lanmaoVerify, privateKeyFrom } from "@/lib/vendors/lanmao/sign";
import type { CheckFileType } from "../checkfile/columns";
import { zipFiles } from "./zip";

/**
 * Closing a day at 联银通 (vendor doc 004 §4.1), chosen by configuration:
 * - CONFIRM_CHECKFILE (§4.3, 厦门银行 mode): per file, `fileSign` = Base64 SHA1withRSA over the
 *   downloaded file's bytes with the platform key; `detail` = JSON text
 *   `{"result":"SUCCESS"|"FAIL","matched":n,"exceptions":n}` (design.md §3).
 * - UPLOAD_CHECKFILE (§4.4, 中信银行 mode): the files renamed `<yyyymmdd>_<platformNo>_<type>.txt`,
 *   each passed through the bank's encryption (not documented: a pluggable step, none by
 *   default), zipped, sent as multipart `file` beside the signed form; `fileType` CIBK.
 * Both are direct calls to …/lanmaotech/service with a signed, verified answer; code 0 = done.
 * These wire calls use lanmao's sign/form helpers and could move to lib/vendors/lanmao later.
 */
export class CheckFileCloseError extends Error {
  constructor(
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = "CheckFileCloseError";
  }
}

/** Base64 SHA1withRSA over a file's bytes as they stream (a check file can be 100 MB). */
export async function signFileBytes(bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, privateKey: LanmaoEndpoint["privateKey"]): Promise<string> {
  const signer = crypto.createSign("SHA1");
  for await (const chunk of bytes) signer.update(chunk);
  return signer.sign(privateKeyFrom(privateKey), "base64");
}

function envelope(endpoint: LanmaoEndpoint, serviceName: string, data: Record<string, unknown>) {
  const reqData = JSON.stringify(data);
  return { serviceName, platformNo: endpoint.platformNo, reqData, keySerial: endpoint.keySerial, sign: lanmaoSign(reqData, endpoint.privateKey) };
}

async function readAnswer(res: Response, endpoint: LanmaoEndpoint, service: string): Promise<void> {
  const raw = await res.text();
  if (res.status !== 200) throw new CheckFileCloseError(String(res.status), `${service}: HTTP ${res.status}`);
  if (!lanmaoVerify(raw, res.headers.get("sign"), endpoint.publicKey)) throw new CheckFileCloseError(null, `${service}: an unverifiable answer`);
  const { code, description } = JSON.parse(raw) as { code?: string; description?: string };
  if (String(code) !== "0") throw new CheckFileCloseError(code ?? null, `${service}: ${code} ${description ?? ""}`.trim());
}

export async function confirmCheckFile(
  endpoint: LanmaoEndpoint,
  input: { requestNo: string; fileDate: string; fileType: CheckFileType; fileSign: string; result: "SUCCESS" | "FAIL"; matched: number; exceptions: number },
  deps: { fetch?: typeof fetch } = {},
): Promise<void> {
  const detail = JSON.stringify({ result: input.result, matched: input.matched, exceptions: input.exceptions });
  const form = envelope(endpoint, "CONFIRM_CHECKFILE", { requestNo: input.requestNo, fileDate: input.fileDate, detail, fileType: input.fileType, fileSign: input.fileSign });
  const res = await (deps.fetch ?? fetch)(`${endpoint.baseUrl}${LANMAO_PATHS.service}`, {
    method: "POST",
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(endpoint.timeoutMs),
  });
  await readAnswer(res, endpoint, "CONFIRM_CHECKFILE");
}

/** The bank's encryption of one renamed file; none by default (design.md §3). */
export type CheckFileEncryption = (name: string, data: Buffer) => Buffer;
export const noEncryption: CheckFileEncryption = (_name, data) => data;

export function uploadFileName(fileDate: string, platformNo: string, fileType: CheckFileType): string {
  return `${fileDate}_${platformNo}_${fileType}.txt`;
}

export async function uploadCheckFiles(
  endpoint: LanmaoEndpoint,
  input: { requestNo: string; fileDate: string; files: readonly { fileType: CheckFileType; data: Buffer }[]; encrypt?: CheckFileEncryption },
  deps: { fetch?: typeof fetch } = {},
): Promise<{ zipName: string; zipBytes: number }> {
  const encrypt = input.encrypt ?? noEncryption;
  const zip = zipFiles(
    input.files.map((f) => {
      const name = uploadFileName(input.fileDate, endpoint.platformNo, f.fileType);
      return { name, data: encrypt(name, f.data) };
    }),
  );
  const form = envelope(endpoint, "UPLOAD_CHECKFILE", { requestNo: input.requestNo, platformNo: endpoint.platformNo, fileDate: input.fileDate, fileType: "CIBK" });
  const body = new FormData();
  for (const [k, v] of Object.entries(form)) body.append(k, v);
  const zipName = `${input.fileDate}_${endpoint.platformNo}.zip`;
  body.append("file", new Blob([new Uint8Array(zip)], { type: "application/zip" }), zipName);
  const res = await (deps.fetch ?? fetch)(`${endpoint.baseUrl}${LANMAO_PATHS.service}`, { method: "POST", body, signal: AbortSignal.timeout(endpoint.timeoutMs) });
  await readAnswer(res, endpoint, "UPLOAD_CHECKFILE");
  return { zipName, zipBytes: zip.length };
}
