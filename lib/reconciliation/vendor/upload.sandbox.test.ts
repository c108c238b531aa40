import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckFileUpload } from "@/lib/sandbox/lanmao/checkfiles/upload";
import type { LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { lanmaoSign, lanmaoVerify } from "@/lib/vendors/lanmao/sign";
import { startLanmaoHarness } from "@/lib/vendors/lanmao/test-harness";
import { TEST_CUSTODY_PRIVATE_KEY, TEST_CUSTODY_PUBLIC_KEY } from "@/lib/vendors/lanmao/test-keys";
import { CheckFileCloseError, uploadCheckFiles } from "./close-calls";
import { zipFiles } from "./zip";

/**
 * The console's UPLOAD_CHECKFILE (close-calls.ts) against the 联银通 twin over real HTTP
 * (lib/sandbox/lanmao/checkfiles/upload.ts): accepted and recorded; refused with the §5.1
 * codes for another platform, a bad zip, a bad signature, wrong names, a used requestNo.
 */
let h: Awaited<ReturnType<typeof startLanmaoHarness>>;
let ep: LanmaoEndpoint;
const DAY = "20261129";
const RECHARGE = Buffer.from("platformNo|requestNo|platformUserNo|amount|fee|status|transactionTime\n");
const USER = Buffer.from("platformNo|requestNo|platformUserNo|transactionTime\n");

beforeAll(async () => {
  h = await startLanmaoHarness();
  ep = h.endpoint;
});
afterAll(() => h.close());

const uploads = async (): Promise<CheckFileUpload[]> => (await fetch(`${h.sandbox.url}/lanmao/_sandbox/checkfiles/uploads`)).json();

/** A hand-made multipart UPLOAD_CHECKFILE, for what the console's own call never sends; answers the signed code. */
async function rawUpload(opts: { reqData?: Record<string, unknown>; zip?: Buffer | null; names?: string[]; sign?: string; serviceName?: string }) {
  const reqData = JSON.stringify(opts.reqData ?? { requestNo: `RAW${crypto.randomUUID().slice(0, 8)}`, platformNo: ep.platformNo, fileDate: DAY, fileType: "CIBK" });
  const body = new FormData();
  body.append("serviceName", opts.serviceName ?? "UPLOAD_CHECKFILE");
  body.append("platformNo", ep.platformNo);
  body.append("reqData", reqData);
  body.append("keySerial", ep.keySerial);
  body.append("sign", opts.sign ?? lanmaoSign(reqData, ep.privateKey));
  const zip = opts.zip === undefined ? zipFiles((opts.names ?? [`${DAY}_${ep.platformNo}_USER.txt`]).map((name) => ({ name, data: USER }))) : opts.zip;
  if (zip) body.append("file", new Blob([new Uint8Array(zip)]), "x.zip");
  const res = await fetch(`${ep.baseUrl}/lanmaotech/service`, { method: "POST", body });
  const raw = await res.text();
  expect(lanmaoVerify(raw, res.headers.get("sign"), TEST_CUSTODY_PUBLIC_KEY)).toBe(true);
  return JSON.parse(raw) as { code: string; description: string };
}

describe("UPLOAD_CHECKFILE against the twin", () => {
  it("accepts the console's upload, records each renamed file, and refuses the same requestNo again", async () => {
    const files = [
      { fileType: "RECHARGE" as const, data: RECHARGE },
      { fileType: "USER" as const, data: USER },
    ];
    const out = await uploadCheckFiles(ep, { requestNo: "UPOK1", fileDate: DAY, files });
    expect(out.zipName).toBe(`${DAY}_${ep.platformNo}.zip`);
    const [latest] = await uploads();
    expect(latest).toMatchObject({ requestNo: "UPOK1", fileDate: DAY, zipName: out.zipName, zipBytes: out.zipBytes });
    expect(latest!.files).toEqual([
      { name: `${DAY}_${ep.platformNo}_RECHARGE.txt`, fileType: "RECHARGE", bytes: RECHARGE.length, sha256: crypto.createHash("sha256").update(RECHARGE).digest("hex") },
      { name: `${DAY}_${ep.platformNo}_USER.txt`, fileType: "USER", bytes: USER.length, sha256: crypto.createHash("sha256").update(USER).digest("hex") },
    ]);
    // §4.4: not idempotent.
    await expect(uploadCheckFiles(ep, { requestNo: "UPOK1", fileDate: DAY, files })).rejects.toMatchObject({ code: "200002" });
  });

  it("passes the files through the pluggable encryption: the twin records what was sent", async () => {
    const reverse = (_n: string, d: Buffer) => Buffer.from(d).reverse();
    await uploadCheckFiles(ep, { requestNo: "UPENC", fileDate: "20261128", files: [{ fileType: "USER", data: USER }], encrypt: reverse });
    const up = (await uploads()).find((u) => u.requestNo === "UPENC")!;
    expect(up.files[0]!.sha256).toBe(crypto.createHash("sha256").update(Buffer.from(USER).reverse()).digest("hex"));
  });

  it("refuses another platform: in the envelope, in reqData, in a file's name (100004)", async () => {
    await expect(uploadCheckFiles({ ...ep, platformNo: "OTHER01" }, { requestNo: "UPPL1", fileDate: DAY, files: [{ fileType: "USER", data: USER }] })).rejects.toMatchObject({ code: "100004" });
    expect(await rawUpload({ reqData: { requestNo: "UPPL2", platformNo: "OTHER01", fileDate: DAY, fileType: "CIBK" } })).toMatchObject({ code: "100004" });
    expect(await rawUpload({ names: [`${DAY}_OTHER01_USER.txt`] })).toMatchObject({ code: "100004" });
  });

  it("refuses a bad signature (100003) before reading anything", async () => {
    const forged = { ...ep, privateKey: TEST_CUSTODY_PRIVATE_KEY };
    const err = await uploadCheckFiles(forged, { requestNo: "UPSIG", fileDate: DAY, files: [{ fileType: "USER", data: USER }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckFileCloseError);
    expect(err).toMatchObject({ code: "100003" });
    expect(await rawUpload({ sign: "AAAA" })).toMatchObject({ code: "100003" });
  });

  it("refuses a bad zip: not a zip, truncated, a damaged CRC, no file part, an empty archive (100002)", async () => {
    const good = zipFiles([{ name: `${DAY}_${ep.platformNo}_USER.txt`, data: USER }]);
    const crc = Buffer.from(good);
    crc[14] ^= 0xff; // the local header's CRC is not read; damage the data instead
    crc[30 + `${DAY}_${ep.platformNo}_USER.txt`.length] ^= 0x01;
    for (const zip of [Buffer.from("this is not a zip"), good.subarray(0, good.length - 10), crc, zipFiles([])]) {
      const answer = await rawUpload({ zip });
      expect(answer.code).toBe("100002");
    }
    expect(await rawUpload({ zip: null })).toMatchObject({ code: "100002", description: "缺少上传文件 file" });
    expect((await rawUpload({ zip: good })).code).toBe("0");
  });

  it("refuses wrong names, dates and fields (100002)", async () => {
    const p = ep.platformNo;
    const refusals = [
      await rawUpload({ names: [`20261127_${p}_USER.txt`] }), // another day
      await rawUpload({ names: [`${DAY}_${p}_LOANS.txt`] }), // no such type
      await rawUpload({ names: [`${DAY}_${p}_USER.csv`] }),
      await rawUpload({ names: [`${DAY}_${p}_USER.txt`, `${DAY}_${p}_USER.txt`] }),
      await rawUpload({ reqData: { requestNo: "UPF1", platformNo: p, fileDate: DAY, fileType: "USER" } }),
      await rawUpload({ reqData: { requestNo: "UPF2", platformNo: p, fileDate: "20261131", fileType: "CIBK" } }),
      await rawUpload({ reqData: { requestNo: "UPF3", platformNo: p, fileDate: "29991231", fileType: "CIBK" } }),
      await rawUpload({ reqData: { platformNo: p, fileDate: DAY, fileType: "CIBK" } }),
      await rawUpload({ serviceName: "CONFIRM_CHECKFILE" }),
    ];
    expect(refusals.map((r) => r.code)).toEqual(Array(refusals.length).fill("100002"));
    expect(refusals[0]!.description).toContain("日期");
  });
});
