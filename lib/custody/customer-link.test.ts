import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { gatewayLinkPath } from "@/lib/vendors/lanmao/gateway";
import { lanmaoManifest } from "@/lib/vendors/lanmao/manifest";
import { TEST_PLATFORM_PRIVATE_KEY } from "@/lib/vendors/lanmao/test-keys";
import { customerLinkResponse } from "./customer-link";
import { LINK_LIMITS } from "./link-limit";
import { markHandedToBrowser, recordRequest } from "./requests/log";

/**
 * The public customer link: every opening audited with its outcome (no personal data, no
 * reqData), limited per client address and per requestNo in fixed windows.
 */
const secret = "test-link-secret";
const config = {
  baseUrl: "http://127.0.0.1:9/lanmao",
  platformNo: lanmaoManifest.sandboxCredentials.LANMAO_PLATFORM_NO,
  keySerial: lanmaoManifest.sandboxCredentials.LANMAO_KEY_SERIAL,
  privateKey: TEST_PLATFORM_PRIVATE_KEY,
};
const MOBILE = "13912345678";
// Each test has its own minute-aligned window far from the others', so counts never mix.
let windowNo = Math.floor(Date.now() / LINK_LIMITS.windowMs) + 1000 + crypto.randomInt(1000) * 10;
const freshWindow = () => new Date(windowNo++ * 10 * LINK_LIMITS.windowMs + 1_000);
const ip = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;

async function openRequest() {
  const requestNo = `LK${crypto.randomBytes(6).toString("hex").toUpperCase()}`;
  const platformUserNo = `U${requestNo}`;
  await recordRequest(testDb(), {
    requestNo,
    serviceName: "PERSONAL_BIND_BANKCARD",
    reqData: JSON.stringify({ requestNo, platformUserNo, mobile: MOBILE, bankcardNo: "6222020000000000", redirectUrl: "http://localhost/r", timestamp: "20261130120000" }),
    platformUserNo,
  });
  await markHandedToBrowser(testDb(), requestNo);
  return requestNo;
}

function linkParams(requestNo: string, now: Date, ttlS = 600) {
  const exp = Math.floor(now.getTime() / 1000) + ttlS;
  return new URL(gatewayLinkPath("/api/custody/link", secret, requestNo, exp), "http://localhost").searchParams;
}

const audits = (requestNo: string) => testDb().auditLog.findMany({ where: { action: "custody.link.open", targetId: requestNo }, orderBy: { id: "asc" } });

describe("customer link openings are audited", () => {
  it("records ok, tampered, expired and settled, with the address and never the reqData or personal data", async () => {
    const now = freshWindow();
    const requestNo = await openRequest();
    const from = ip();
    const params = linkParams(requestNo, now);
    expect((await customerLinkResponse(testDb(), requestNo, params, now, { secret, config, ip: from })).status).toBe(200);

    const tampered = new URLSearchParams(params);
    tampered.set("sig", `${params.get("sig")!.slice(0, -2)}AA`);
    expect((await customerLinkResponse(testDb(), requestNo, tampered, now, { secret, config, ip: from })).status).toBe(403);

    const late = new Date(now.getTime() + 601_000);
    expect((await customerLinkResponse(testDb(), requestNo, params, late, { secret, config, ip: from })).status).toBe(410);

    await testDb().custodyRequest.update({ where: { requestNo }, data: { status: "SUCCEEDED" } });
    expect((await customerLinkResponse(testDb(), requestNo, params, now, { secret, config, ip: from })).status).toBe(410);

    const rows = await audits(requestNo);
    expect(rows.map((r) => [r.detail, r.outcome, r.ip, r.actorId])).toEqual([
      ["ok", "ok", from, null],
      ["tampered", "denied", from, null],
      ["expired", "denied", from, null],
      ["settled", "denied", from, null],
    ]);
    const written = JSON.stringify(rows.map(({ id: _id, ...r }) => r));
    expect(written).not.toContain(MOBILE);
    expect(written).not.toContain("reqData");
    expect(written).not.toContain("6222020000000000");
  });
});

describe("customer link openings are limited", () => {
  it("per requestNo: past the limit in a window, 429 with Retry-After, one audit row, however many more tries; the next window opens again", async () => {
    const now = freshWindow();
    const requestNo = await openRequest();
    const params = linkParams(requestNo, now, 3600);
    for (let i = 0; i < LINK_LIMITS.perRequest; i++) expect((await customerLinkResponse(testDb(), requestNo, params, now, { secret, config, ip: ip() })).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const res = await customerLinkResponse(testDb(), requestNo, params, now, { secret, config, ip: ip() });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await res.text()).not.toContain(requestNo);
    }
    const rows = await audits(requestNo);
    expect(rows.filter((r) => r.detail?.startsWith("ok"))).toHaveLength(LINK_LIMITS.perRequest);
    expect(rows.filter((r) => r.detail?.startsWith("limited"))).toHaveLength(1);
    expect(rows.find((r) => r.detail?.startsWith("limited"))?.detail).toContain("per request");

    const next = new Date(now.getTime() + LINK_LIMITS.windowMs);
    expect((await customerLinkResponse(testDb(), requestNo, params, next, { secret, config, ip: ip() })).status).toBe(200);
  });

  it("per client address: a scanner trying many requestNos is stopped after the limit, and a valid link from another address still opens", async () => {
    const now = freshWindow();
    const scanner = ip();
    const bogus = () => new URLSearchParams({ exp: String(Math.floor(now.getTime() / 1000) + 600), sig: "x".repeat(43) });
    const tried: string[] = [];
    for (let i = 0; i < LINK_LIMITS.perIp; i++) {
      const no = `SCAN${crypto.randomBytes(5).toString("hex")}`;
      tried.push(no);
      expect((await customerLinkResponse(testDb(), no, bogus(), now, { secret, config, ip: scanner })).status).toBe(403);
    }
    const over = `SCAN${crypto.randomBytes(5).toString("hex")}`;
    expect((await customerLinkResponse(testDb(), over, bogus(), now, { secret, config, ip: scanner })).status).toBe(429);
    expect((await customerLinkResponse(testDb(), `${over}2`, bogus(), now, { secret, config, ip: scanner })).status).toBe(429);
    // Even a valid link is refused from that address this window…
    const requestNo = await openRequest();
    expect((await customerLinkResponse(testDb(), requestNo, linkParams(requestNo, now), now, { secret, config, ip: scanner })).status).toBe(429);
    // …but the customer's own address is not affected.
    expect((await customerLinkResponse(testDb(), requestNo, linkParams(requestNo, now), now, { secret, config, ip: ip() })).status).toBe(200);

    const byScanner = await testDb().auditLog.findMany({ where: { action: "custody.link.open", ip: scanner } });
    expect(byScanner.filter((r) => r.detail === "tampered")).toHaveLength(LINK_LIMITS.perIp);
    expect(byScanner.filter((r) => r.detail?.startsWith("limited"))).toEqual([expect.objectContaining({ targetId: over, detail: expect.stringContaining("per ip") })]);
  });
});
