import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setLogSink, type LogSink } from "@/lib/logger";
import { startTestVendor, tokenRoute, type TestVendor } from "@/lib/vendors/core/test-server";
import { createTokenProvider, REFRESH_MARGIN_MS } from "./token";

let server: TestVendor;
let restoreSink: LogSink;
const logs: string[] = [];

beforeEach(async () => {
  server = await startTestVendor();
  logs.length = 0;
  restoreSink = setLogSink((line) => logs.push(line));
});
afterEach(async () => {
  setLogSink(restoreSink);
  await server.close();
});

function provider(opts: { now?: () => number; timeoutMs?: number } = {}) {
  return createTokenProvider(
    { tokenUrl: `${server.url}/oauth/token`, clientId: "client-a", clientSecret: "s3cret&=+", timeoutMs: opts.timeoutMs ?? 2000 },
    { fetch: globalThis.fetch, now: opts.now },
  );
}

describe("wanwang token provider", () => {
  it("posts the client-credentials form (RFC 6749 §4.4)", async () => {
    tokenRoute(server);
    expect(await provider().getToken()).toBe("tok-1");
    const [req] = server.calls("/oauth/token");
    expect(req.method).toBe("POST");
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      grant_type: "client_credentials",
      client_id: "client-a",
      client_secret: "s3cret&=+",
    });
    expect(logs.join("\n")).not.toContain("s3cret");
    expect(logs.join("\n")).not.toContain("tok-1");
  });

  it("caches until 60 s before expiry (expires_in as a string)", async () => {
    tokenRoute(server, { expiresIn: "3600" });
    let t = 1_000_000;
    const tokens = provider({ now: () => t });
    expect(await tokens.getToken()).toBe("tok-1");
    t += 3600_000 - REFRESH_MARGIN_MS - 1;
    expect(await tokens.getToken()).toBe("tok-1");
    t += 2;
    expect(await tokens.getToken()).toBe("tok-2");
    expect(server.calls("/oauth/token")).toHaveLength(2);
  });

  it("single flight: concurrent callers share one refresh", async () => {
    tokenRoute(server, { delayMs: 100 });
    const tokens = provider();
    const got = await Promise.all(Array.from({ length: 10 }, () => tokens.getToken()));
    expect(new Set(got)).toEqual(new Set(["tok-1"]));
    expect(server.calls("/oauth/token")).toHaveLength(1);
  });

  it("invalidate(refused) drops only the refused token", async () => {
    tokenRoute(server);
    const tokens = provider();
    await tokens.getToken();
    tokens.invalidate("tok-0"); // an older token: the current one stays
    expect(await tokens.getToken()).toBe("tok-1");
    tokens.invalidate("tok-1");
    expect(await tokens.getToken()).toBe("tok-2");
    tokens.invalidate();
    expect(await tokens.getToken()).toBe("tok-3");
  });

  it("a failed refresh is not cached; the next call tries again", async () => {
    server.route("POST /oauth/token", () => ({ status: 503, body: "busy" }));
    const tokens = provider();
    await expect(tokens.getToken()).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "not_sent" });
    tokenRoute(server);
    expect(await tokens.getToken()).toBe("tok-1");
  });

  it.each([
    [401, { error: "invalid_client" }],
    [400, { error: "invalid_client", error_description: "Bad client credentials" }],
    [200, { error: "invalid_client" }],
    [200, "<html>login</html>"],
    [200, { token: "x" }],
  ])("HTTP %s %j → VENDOR_CONFIG", async (status, body) => {
    server.route("POST /oauth/token", () => ({ status, body }));
    await expect(provider().getToken()).rejects.toMatchObject({ code: "VENDOR_CONFIG", kind: "not_sent" });
  });

  it("network failure and timeout → VENDOR_UNAVAILABLE", async () => {
    server.route("POST /oauth/token", () => ({ delayMs: 500, body: { access_token: "late" } }));
    await expect(provider({ timeoutMs: 50 }).getToken()).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "not_sent" });
    const url = server.url;
    await server.close();
    const refused = createTokenProvider({ tokenUrl: `${url}/oauth/token`, clientId: "a", clientSecret: "b", timeoutMs: 1000 }, { fetch: globalThis.fetch });
    await expect(refused.getToken()).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "not_sent" });
    server = await startTestVendor(); // afterEach closes it
  });

  it("a lifetime under two minutes is still cached for half of it", async () => {
    tokenRoute(server, { expiresIn: 60 });
    let t = 0;
    const tokens = provider({ now: () => t });
    await tokens.getToken();
    t = 29_000;
    expect(await tokens.getToken()).toBe("tok-1");
    t = 30_001;
    expect(await tokens.getToken()).toBe("tok-2");
  });
});

describe("wanwang token cache: one per process", () => {
  it("two module instances (two server bundles) share one token and one refresh", async () => {
    tokenRoute(server, { delayMs: 50 });
    const config = { tokenUrl: `${server.url}/oauth/token`, clientId: "client-bundle", clientSecret: "s", timeoutMs: 2000 };
    const { vi } = await import("vitest");
    vi.resetModules();
    const bundleA = await import("./token");
    vi.resetModules();
    const bundleB = await import("./token");
    expect(bundleA).not.toBe(bundleB);
    const tokens = await Promise.all([bundleA.sharedTokenProvider(config, globalThis.fetch).getToken(), bundleB.sharedTokenProvider(config, globalThis.fetch).getToken()]);
    expect(tokens).toEqual(["tok-1", "tok-1"]);
    expect(await bundleB.sharedTokenProvider(config, globalThis.fetch).getToken()).toBe("tok-1");
    expect(server.calls("/oauth/token")).toHaveLength(1);
  });

  it("other credentials get their own cache", async () => {
    tokenRoute(server);
    const { sharedTokenProvider } = await import("./token");
    const base = { tokenUrl: `${server.url}/oauth/token`, clientSecret: "s", timeoutMs: 2000 };
    await sharedTokenProvider({ ...base, clientId: "client-x" }, globalThis.fetch).getToken();
    await sharedTokenProvider({ ...base, clientId: "client-y" }, globalThis.fetch).getToken();
    expect(server.calls("/oauth/token")).toHaveLength(2);
  });
});
