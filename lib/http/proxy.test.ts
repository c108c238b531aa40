import path from "node:path";
import { pathToFileURL } from "node:url";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { proxy } from "@/proxy";

function page(path: string, cookie?: string) {
  return new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("security headers on pages (issue 8, security 6)", () => {
  it("sends a CSP with a fresh script nonce, no framing, and hands the nonce to Next", () => {
    const a = proxy(page("/pretrial", "authjs.session-token=x"));
    const b = proxy(page("/pretrial", "authjs.session-token=x"));
    const csp = a.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // Forms go to the console and to the 联银通 gateway (sandbox twin here), nowhere else.
    expect(csp).toMatch(/form-action 'self' http:\/\/127\.0\.0\.1:\d+(;|$)/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    // Next reads the nonce from the request's CSP header; the layout from x-nonce.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("covers the sign-in page and the redirect to it", () => {
    expect(proxy(page("/login")).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const redirect = proxy(page("/pretrial?x=1"));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("adds HSTS when the public URL is https", () => {
    vi.stubEnv("APP_BASE_URL", "https://console.example");
    resetEnvCache();
    const res = proxy(page("/login"));
    expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("keeps the static headers in next.config.mjs, X-Powered-By off", async () => {
    const file = pathToFileURL(path.resolve("next.config.mjs")).href;
    const config = ((await import(/* @vite-ignore */ file)) as { default: unknown }).default as { poweredByHeader?: boolean; headers?: () => Promise<{ headers: { key: string; value: string }[] }[]> };
    expect(config.poweredByHeader).toBe(false);
    const keys = (await config.headers!()).flatMap((h) => h.headers.map((x) => x.key.toLowerCase()));
    expect(keys).toEqual(expect.arrayContaining(["x-content-type-options", "referrer-policy", "permissions-policy", "x-frame-options"]));
  });
});
