import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { lanmaoSign, lanmaoVerify } from "@/lib/vendors/lanmao/sign";
import { TEST_CUSTODY_PRIVATE_KEY, TEST_CUSTODY_PUBLIC_KEY, TEST_PLATFORM_PRIVATE_KEY, TEST_PLATFORM_PUBLIC_KEY } from "@/lib/vendors/lanmao/test-keys";
import { CheckFileCloseError, confirmCheckFile, signFileBytes, uploadCheckFiles } from "./close-calls";

/** A stand-in custody endpoint that checks what §4.3/§4.4 and design.md §3 say arrives. */
type Seen = { form: FormData; contentType: string };
let seen: Seen[] = [];
let answerCode = "0";
let server: http.Server;
let endpoint: LanmaoEndpoint;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const contentType = req.headers["content-type"] ?? "";
        const form = await new Response(Buffer.concat(chunks), { headers: { "content-type": contentType } }).formData();
        seen.push({ form, contentType });
        const respData = JSON.stringify({ code: answerCode, description: answerCode === "0" ? "成功" : "失败" });
        res.writeHead(200, { "content-type": "application/json", sign: lanmaoSign(respData, TEST_CUSTODY_PRIVATE_KEY) }).end(respData);
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    platformNo: "PLAT01",
    keySerial: "1",
    privateKey: TEST_PLATFORM_PRIVATE_KEY,
    publicKey: TEST_CUSTODY_PUBLIC_KEY,
    timeoutMs: 5000,
  };
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("closing calls", () => {
  it("CONFIRM_CHECKFILE signs reqData and the file's bytes; detail is the agreed JSON", async () => {
    seen = [];
    answerCode = "0";
    const file = Buffer.from("platformNo|requestNo|platformUserNo|transactionTime\nPLAT01|R1|U1|20261130100000\n");
    const fileSign = await signFileBytes([file.subarray(0, 7), file.subarray(7)], TEST_PLATFORM_PRIVATE_KEY);
    expect(fileSign).toBe(lanmaoSign(file, TEST_PLATFORM_PRIVATE_KEY)); // streaming = one-shot
    await confirmCheckFile(endpoint, { requestNo: "CF1", fileDate: "20261130", fileType: "UNREGISTER", fileSign, result: "SUCCESS", matched: 1, exceptions: 0 });
    const f = seen[0]!.form;
    expect(f.get("serviceName")).toBe("CONFIRM_CHECKFILE");
    const reqData = String(f.get("reqData"));
    expect(lanmaoVerify(reqData, String(f.get("sign")), TEST_PLATFORM_PUBLIC_KEY)).toBe(true);
    const data = JSON.parse(reqData);
    expect(data).toMatchObject({ requestNo: "CF1", fileDate: "20261130", fileType: "UNREGISTER" });
    expect(JSON.parse(data.detail)).toEqual({ result: "SUCCESS", matched: 1, exceptions: 0 });
    expect(lanmaoVerify(file, data.fileSign, TEST_PLATFORM_PUBLIC_KEY)).toBe(true);
  });

  it("a refusal or an unverifiable answer is an error", async () => {
    answerCode = "100003";
    await expect(confirmCheckFile(endpoint, { requestNo: "CF2", fileDate: "20261130", fileType: "USER", fileSign: "x", result: "FAIL", matched: 0, exceptions: 1 })).rejects.toMatchObject({ code: "100003" });
    answerCode = "0";
    const wrongKey = { ...endpoint, publicKey: TEST_PLATFORM_PUBLIC_KEY };
    await expect(confirmCheckFile(wrongKey, { requestNo: "CF3", fileDate: "20261130", fileType: "USER", fileSign: "x", result: "SUCCESS", matched: 0, exceptions: 0 })).rejects.toBeInstanceOf(CheckFileCloseError);
  });

  it("UPLOAD_CHECKFILE sends the renamed, encrypted files zipped as multipart `file`, fileType CIBK", async () => {
    seen = [];
    const files = [
      { fileType: "RECHARGE" as const, data: Buffer.from("a|b\n1|2\n") },
      { fileType: "BALANCE" as const, data: Buffer.from("汉字|x\n") },
    ];
    const reverse = (_name: string, data: Buffer) => Buffer.from(data).reverse();
    await uploadCheckFiles(endpoint, { requestNo: "UP1", fileDate: "20261130", files, encrypt: reverse });
    const f = seen[0]!.form;
    expect(seen[0]!.contentType).toMatch(/^multipart\/form-data/);
    expect(f.get("serviceName")).toBe("UPLOAD_CHECKFILE");
    expect(JSON.parse(String(f.get("reqData")))).toEqual({ requestNo: "UP1", platformNo: "PLAT01", fileDate: "20261130", fileType: "CIBK" });
    expect(lanmaoVerify(String(f.get("reqData")), String(f.get("sign")), TEST_PLATFORM_PUBLIC_KEY)).toBe(true);
    const zip = Buffer.from(await (f.get("file") as Blob).arrayBuffer());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recon-zip-"));
    try {
      const zipPath = path.join(dir, "up.zip");
      fs.writeFileSync(zipPath, zip);
      expect(execFileSync("unzip", ["-Z1", zipPath]).toString().trim().split("\n")).toEqual(["20261130_PLAT01_RECHARGE.txt", "20261130_PLAT01_BALANCE.txt"]);
      execFileSync("unzip", ["-tq", zipPath]); // CRCs check
      const inside = execFileSync("unzip", ["-p", zipPath, "20261130_PLAT01_BALANCE.txt"]);
      expect(Buffer.from(inside).reverse().toString("utf8")).toBe("汉字|x\n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
