import crypto from "node:crypto";
import { LANMAO_PATHS, type LanmaoEndpoint, formBody } from "@/lib/vendors/lanmao/client";
import { lanmaoSign, lanmaoVerify, publicKeyFrom } from "@/lib/vendors/lanmao/sign";
import type { CheckFileType } from "../checkfile/columns";

/**
 * DOWNLOAD_CHECKFILE (vendor doc 004 §4.2, design.md §3): the usual signed form POSTed to
 * …/lanmaotech/download; the answer is the file itself. A JSON `respData` answer is an error
 * (e.g. not ready yet: the files exist from 01:00 Beijing on T+1), verified like any answer.
 * When the file comes with a `sign` header it is verified over the bytes as they stream; a
 * bad one fails the download at its end, before the stored file commits (files.ts).
 *
 * These wire calls use lanmao's sign/form helpers and could move to lib/vendors/lanmao later.
 */
export class CheckFileDownloadError extends Error {
  constructor(
    readonly reason: "not_ready" | "refused" | "unverified" | "http" | "network",
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = "CheckFileDownloadError";
  }
}

export type DownloadedCheckFile = { body: AsyncIterable<Uint8Array>; signed: boolean };

export async function downloadCheckFile(
  endpoint: LanmaoEndpoint,
  input: { fileDate: string; fileType: CheckFileType },
  deps: { fetch?: typeof fetch } = {},
): Promise<DownloadedCheckFile> {
  const reqData = JSON.stringify({ platformNo: endpoint.platformNo, fileDate: input.fileDate, fileType: input.fileType });
  const form = { serviceName: "DOWNLOAD_CHECKFILE", platformNo: endpoint.platformNo, reqData, keySerial: endpoint.keySerial, sign: lanmaoSign(reqData, endpoint.privateKey) };
  let res: Response;
  try {
    res = await (deps.fetch ?? fetch)(`${endpoint.baseUrl}${LANMAO_PATHS.download}`, {
      method: "POST",
      body: formBody(form),
      signal: AbortSignal.timeout(Math.max(endpoint.timeoutMs, 60_000)),
    });
  } catch (err) {
    throw new CheckFileDownloadError("network", null, `DOWNLOAD_CHECKFILE ${input.fileType} ${input.fileDate}: ${(err as Error).name}`);
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new CheckFileDownloadError("http", String(res.status), `DOWNLOAD_CHECKFILE ${input.fileType} ${input.fileDate}: HTTP ${res.status}`);
  }
  const sign = res.headers.get("sign");
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    const raw = await res.text();
    if (!sign || !lanmaoVerify(raw, sign, endpoint.publicKey)) throw new CheckFileDownloadError("unverified", null, "DOWNLOAD_CHECKFILE: an unverifiable JSON answer");
    const { code, description } = JSON.parse(raw) as { code?: string; description?: string };
    // 100001 (系统错误) is what a custody side answers while the day's files are not generated.
    const reason = code === "100001" ? "not_ready" : "refused";
    throw new CheckFileDownloadError(reason, code ?? null, `DOWNLOAD_CHECKFILE ${input.fileType} ${input.fileDate}: ${code} ${description ?? ""}`.trim());
  }
  if (!res.body) throw new CheckFileDownloadError("http", "200", "DOWNLOAD_CHECKFILE: an empty answer");
  const key = publicKeyFrom(endpoint.publicKey);
  const body = res.body;
  async function* verified(): AsyncGenerator<Uint8Array> {
    const verifier = sign ? crypto.createVerify("SHA1") : null;
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      verifier?.update(chunk);
      yield chunk;
    }
    if (verifier && !verifier.verify(key, Buffer.from(sign!, "base64"))) {
      throw new CheckFileDownloadError("unverified", null, `DOWNLOAD_CHECKFILE ${input.fileType} ${input.fileDate}: the file's signature does not verify`);
    }
  }
  return { body: verified(), signed: sign !== null };
}
