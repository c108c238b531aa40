import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wanwangManifest } from "@/lib/vendors/wanwang/manifest";
import { callApi, getToken, putSettings, startWanwang, type WanwangSetup } from "./test-helpers";

const { WANWANG_CLIENT_ID: clientId, WANWANG_CLIENT_SECRET: clientSecret } = wanwangManifest.sandboxCredentials;
const UNAUTHORIZED = { code: 401, msg: "未授权", data: null, ok: false };

describe("wanwang sandbox: OAuth2 client credentials and bearer check", () => {
  let setup: WanwangSetup;
  beforeAll(async () => {
    setup = await startWanwang();
  });
  afterAll(async () => {
    await setup.close();
  });

  const token = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${setup.base}/oauth/token`, { method: "POST", headers, body: new URLSearchParams(body) });

  it("issues a bearer token for form credentials", async () => {
    const res = await token({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: "bearer", expires_in: 7200 });
    expect(body.access_token.length).toBeGreaterThanOrEqual(20);
  });

  it("accepts HTTP Basic client authentication (RFC 6749 §2.3.1)", async () => {
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64");
    const res = await token({ grant_type: "client_credentials" }, { authorization: `Basic ${basic}` });
    expect(res.status).toBe(200);
    const { access_token } = await res.json();
    expect((await callApi(setup.base, access_token, "resultQuery?querySn=ZX2026010100000")).status).toBe(200);
  });

  it("refuses a bad client with 401 invalid_client and a wrong grant with 400 unsupported_grant_type", async () => {
    const bad = await token({ grant_type: "client_credentials", client_id: clientId, client_secret: "wrong" });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: "invalid_client" });

    const badBasic = await token({ grant_type: "client_credentials" }, { authorization: `Basic ${Buffer.from("x:y").toString("base64")}` });
    expect(badBasic.status).toBe(401);
    expect(badBasic.headers.get("www-authenticate")).toMatch(/^Basic/);

    const grant = await token({ grant_type: "password", client_id: clientId, client_secret: clientSecret });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: "unsupported_grant_type" });

    const missing = await token({ client_id: clientId, client_secret: clientSecret });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: "invalid_request" });
  });

  it("refuses two client authentication methods in one request", async () => {
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
    const res = await token(
      { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret },
      { authorization: `Basic ${basic}` },
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_request" });
  });

  it("answers business calls without a valid token with HTTP 401 and the vendor envelope", async () => {
    for (const bearer of [null, "not-a-token"]) {
      for (const [endpoint, body] of [["netCredit", {}], ["resultQuery?querySn=ZX2026010100000", undefined], ["pushOutside?querySn=ZX2026010100000", undefined]] as const) {
        const reply = await callApi(setup.base, bearer, endpoint, { body });
        expect(reply.status).toBe(401);
        expect(reply.body).toEqual(UNAUTHORIZED);
      }
    }
  });

  it("expires tokens after tokenTtlSeconds, and a fresh token works again", async () => {
    expect((await putSettings(setup.base, { tokenTtlSeconds: 1 })).status).toBe(200);
    const res = await token({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
    const { access_token, expires_in } = await res.json();
    expect(expires_in).toBe(1);
    expect((await callApi(setup.base, access_token, "resultQuery?querySn=ZX2026010100000")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const expired = await callApi(setup.base, access_token, "resultQuery?querySn=ZX2026010100000");
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(UNAUTHORIZED);
    const fresh = await getToken(setup.base);
    expect((await callApi(setup.base, fresh, "resultQuery?querySn=ZX2026010100000")).status).toBe(200);
    await putSettings(setup.base, { tokenTtlSeconds: 7200 });
  });

  it("refuses unknown or invalid settings", async () => {
    expect((await putSettings(setup.base, { tokenTTL: 5 } as never)).status).toBe(400);
    expect((await putSettings(setup.base, { tokenTtlSeconds: 0 })).status).toBe(400);
    const current = await (await fetch(`${setup.base}/_sandbox/settings`)).json();
    expect(current).toMatchObject({ tokenTtlSeconds: 7200, callbackIntervalMs: 25 });
  });
});
