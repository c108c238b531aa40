import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { buildSignedFileUrl, checkFileSignature, computeFileSignature, signFileUrl, verifyFileSignature } from "./signed-url";

const SECRET = "test-file-url-secret";
const NOW = new Date("2026-11-24T08:00:00Z");
const NOW_S = NOW.getTime() / 1000;
const at = (seconds: number) => new Date(seconds * 1000);

function parse(url: string) {
  const u = new URL(url);
  return { id: decodeURIComponent(u.pathname.split("/").pop() ?? ""), exp: u.searchParams.get("exp"), sig: u.searchParams.get("sig") ?? "" };
}

describe("file signature core", () => {
  it("is HMAC-SHA256 over `<id>.<exp>` in lower-case hex", () => {
    const expected = crypto.createHmac("sha256", SECRET).update("abc.1700000000").digest("hex");
    expect(computeFileSignature(SECRET, "abc", 1700000000)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("builds an absolute link that expires after 24 h by default", () => {
    const url = buildSignedFileUrl({ baseUrl: "https://console.example/", secret: SECRET, id: "abc", now: NOW });
    const exp = NOW_S + 24 * 3600;
    expect(url).toBe(`https://console.example/api/files/abc?exp=${exp}&sig=${computeFileSignature(SECRET, "abc", exp)}`);
  });

  it("ok until exp, expired from exp on", () => {
    const { id, exp, sig } = parse(buildSignedFileUrl({ baseUrl: "http://x", secret: SECRET, id: "abc", expiresInSeconds: 60, now: NOW }));
    expect(checkFileSignature(SECRET, id, exp, sig, NOW)).toBe("ok");
    expect(checkFileSignature(SECRET, id, exp, sig, at(NOW_S + 59))).toBe("ok");
    expect(checkFileSignature(SECRET, id, exp, sig, at(NOW_S + 60))).toBe("expired");
  });

  it("invalid: wrong sig, wrong id, wrong secret, altered exp", () => {
    const { id, exp, sig } = parse(buildSignedFileUrl({ baseUrl: "http://x", secret: SECRET, id: "abc", now: NOW }));
    const flipped = sig.slice(0, -1) + (sig.endsWith("0") ? "1" : "0");
    expect(checkFileSignature(SECRET, id, exp, flipped, NOW)).toBe("invalid");
    expect(checkFileSignature(SECRET, "abd", exp, sig, NOW)).toBe("invalid");
    expect(checkFileSignature("other-secret", id, exp, sig, NOW)).toBe("invalid");
    expect(checkFileSignature(SECRET, id, String(Number(exp) + 3600), sig, NOW)).toBe("invalid");
  });

  it("invalid: truncated, longer, upper-case or missing sig, malformed exp", () => {
    const { id, exp, sig } = parse(buildSignedFileUrl({ baseUrl: "http://x", secret: SECRET, id: "abc", now: NOW }));
    expect(checkFileSignature(SECRET, id, exp, sig.slice(0, 32), NOW)).toBe("invalid");
    expect(checkFileSignature(SECRET, id, exp, `${sig}00`, NOW)).toBe("invalid");
    expect(checkFileSignature(SECRET, id, exp, sig.toUpperCase(), NOW)).toBe("invalid");
    expect(checkFileSignature(SECRET, id, exp, "", NOW)).toBe("invalid");
    expect(checkFileSignature(SECRET, id, exp, null, NOW)).toBe("invalid");
    for (const bad of [null, "", "1e9", ` ${exp}`, `0${exp}`, "-1", "12.5"]) {
      expect(checkFileSignature(SECRET, id, bad, sig, NOW)).toBe("invalid");
    }
  });

  it("a forged link is invalid, not expired, even when its exp has passed", () => {
    expect(checkFileSignature(SECRET, "abc", NOW_S - 10, "0".repeat(64), NOW)).toBe("invalid");
  });
});

describe("env-bound wrappers", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it("sign with APP_BASE_URL and FILE_URL_SECRET, and verify what they signed", () => {
    vi.stubEnv("APP_BASE_URL", "https://console.example");
    resetEnvCache();
    const url = signFileUrl("f1", { expiresInSeconds: 300, now: NOW });
    expect(url.startsWith(`https://console.example/api/files/f1?exp=${NOW_S + 300}&sig=`)).toBe(true);
    const { id, exp, sig } = parse(url);
    expect(verifyFileSignature(id, exp, sig, NOW)).toBe("ok");
    expect(verifyFileSignature(id, exp, sig, at(NOW_S + 300))).toBe("expired");
    expect(verifyFileSignature("f2", exp, sig, NOW)).toBe("invalid");
  });
});
