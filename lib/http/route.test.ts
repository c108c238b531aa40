import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { setLogSink } from "@/lib/logger";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { RouteRefusal } from "./error-response";
import { userRoute, signedRoute } from "./route";

const BASE = "http://localhost:3000";
const uniqueName = (prefix: string) => `${prefix}.${crypto.randomBytes(4).toString("hex")}`;

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request(`${BASE}/api/test`, { method: "POST", body, headers: { origin: BASE, ...headers } });
}

function multipart(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

const audits = (action: string) => testDb().auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("userRoute: refusals", () => {
  it("401 without a session, counted as an anonymous refusal, handler not run", async () => {
    const name = uniqueName("test.route");
    let ran = false;
    const route = userRoute({ name, roles: ["ADMIN"] }, async () => {
      ran = true;
      return new Response("ok");
    });
    signInAs(null);
    const res = await route(post(null));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "UNAUTHENTICATED", message: "UNAUTHENTICATED" });
    expect(ran).toBe(false);
    expect((await audits(name)).map((r) => [r.outcome, r.detail])).toEqual([["denied", "no session"]]);
  });

  it("403 for the wrong role, audited as denied with the actor", async () => {
    const name = uniqueName("test.route");
    const user = await createTestUser("FINANCE");
    signInAs(user);
    const res = await userRoute({ name, roles: ["ADMIN"] }, async () => new Response("ok"))(post(null));
    expect(res.status).toBe(403);
    const [row] = await audits(name);
    expect(row).toMatchObject({ outcome: "denied", actorId: user.id, detail: "role FINANCE", ip: "unknown" });
  });

  it("403 for a state-changing request from another origin, before the body is read", async () => {
    const name = uniqueName("test.route");
    const user = await createTestUser("ADMIN");
    signInAs(user);
    let pulled = false;
    const body = new ReadableStream(
      {
        pull(c) {
          pulled = true;
          c.close();
        },
      },
      { highWaterMark: 0 },
    );
    const route = userRoute({ name, roles: ["ADMIN"], body: "bytes" }, async () => new Response("ok"));
    const res = await route(new Request(`${BASE}/api/test`, { method: "POST", body, duplex: "half", headers: { origin: "https://evil.example" } } as RequestInit));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "FORBIDDEN", message: "originRefused" });
    expect(pulled).toBe(false);
    expect((await audits(name))[0]).toMatchObject({ outcome: "denied", detail: "cross-site request (Origin https://evil.example)" });
    // `Origin: null` and a cross-site fetch without Origin are refused too; GET is not checked.
    expect((await route(post(null, { origin: "null" }))).status).toBe(403);
    expect((await route(new Request(`${BASE}/api/test`, { method: "POST", headers: { "sec-fetch-site": "cross-site" } }))).status).toBe(403);
    const read = userRoute({ name, roles: ["ADMIN"] }, async () => new Response("ok"));
    expect((await read(new Request(`${BASE}/api/test`, { headers: { origin: "https://evil.example" } }))).status).toBe(200);
  });

  it("accepts the public URL's origin and Host-derived origin behind a proxy", async () => {
    signInAs(await createTestUser("ADMIN"));
    const route = userRoute({ name: uniqueName("test.route"), roles: ["ADMIN"] }, async () => new Response("ok"));
    const res = await route(
      new Request("http://127.0.0.1:3000/api/test", { method: "POST", headers: { origin: "https://console.example", host: "console.example", "x-forwarded-proto": "https" } }),
    );
    expect(res.status).toBe(200);
  });

  it("413 for a body over the limit, cut off while streaming", async () => {
    signInAs(await createTestUser("ADMIN"));
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const route = userRoute({ name: uniqueName("test.route"), roles: ["ADMIN"], body: "bytes", bodyLimit: 256 * 1024 }, async () => new Response("ok"));
    const res = await route(new Request(`${BASE}/api/test`, { method: "POST", body, duplex: "half", headers: { origin: BASE } } as RequestInit));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: "VALIDATION", message: expect.stringContaining("bodyTooLarge") });
    // The limit plus what the stream machinery reads ahead (a chunk or two), never the rest.
    expect(pulled).toBeLessThanOrEqual(256 * 1024 + 2 * 64 * 1024);
    // A declared length over the limit is refused before a byte is read.
    const declared = await route(post("x".repeat(10), { "content-length": String(10 * 1024 * 1024) }));
    expect(declared.status).toBe(413);
  });

  it("multipart: parsed within the limit; NUL in a text field is 400 with field errors; not multipart is 400", async () => {
    signInAs(await createTestUser("ADMIN"));
    const route = userRoute({ name: uniqueName("test.route"), roles: ["ADMIN"], body: "multipart" }, async ({ form }) => Response.json({ a: form.get("a") }));
    expect(await (await route(post(multipart({ a: "张三" })))).json()).toEqual({ a: "张三" });
    const nul = await route(post(multipart({ a: "x\u0000y", b: "fine" })));
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ error: "VALIDATION", message: "nulCharacter", fieldErrors: { a: ["nul"] } });
    const json = await route(post(JSON.stringify({ a: 1 }), { "content-type": "application/json" }));
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ message: "unsupportedBody" });
  });
});

describe("userRoute: answers and audit", () => {
  it("audits a successful state-changing request after the handler, with what it recorded", async () => {
    const name = uniqueName("test.route");
    const user = await createTestUser("ADMIN");
    signInAs(user);
    const route = userRoute({ name, roles: ["ADMIN"] }, async ({ audit }) => {
      expect(await audits(name)).toHaveLength(0);
      audit({ targetType: "thing", targetId: "t-1", after: { state: "new" } });
      return Response.json({ id: "t-1" }, { status: 201 });
    });
    const res = await route(post(null));
    expect(res.status).toBe(201);
    const [row] = await audits(name);
    expect(row).toMatchObject({ outcome: "ok", actorId: user.id, targetType: "thing", targetId: "t-1", after: { state: "new" } });
    expect(row?.requestId).toMatch(/^E-/);
  });

  it("does not audit reads (polling) unless asked", async () => {
    const name = uniqueName("test.route");
    signInAs(await createTestUser("ADMIN"));
    const res = await userRoute({ name, roles: ["ADMIN"] }, async () => Response.json({}))(new Request(`${BASE}/api/test`));
    expect(res.status).toBe(200);
    expect(await audits(name)).toHaveLength(0);
  });

  it.each([
    [new AppError("NOT_FOUND", "x"), 404, "NOT_FOUND"],
    [new AppError("CONFLICT", "x"), 409, "CONFLICT"],
    [new AppError("INVALID_STATE", "x"), 409, "INVALID_STATE"],
    [new AppError("RATE_LIMITED", "x"), 429, "RATE_LIMITED"],
    [new AppError("VENDOR_UNAVAILABLE", "x"), 503, "VENDOR_UNAVAILABLE"],
    [new AppError("VALIDATION", "x", { fieldErrors: { f: ["required"] } }), 400, "VALIDATION"],
    [new RouteRefusal(410, "INVALID_STATE", "x", { i18n: { key: "linkExpired" } }), 410, "INVALID_STATE"],
  ])("maps %s to its status with a translated message", async (error, status, code) => {
    const name = uniqueName("test.route");
    signInAs(await createTestUser("ADMIN"));
    const res = await userRoute({ name, roles: ["ADMIN"] }, async () => {
      throw error;
    })(post(null));
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: string; message: string; reference?: string };
    expect(body.error).toBe(code);
    expect(body.message).toBe(error.i18n?.key ?? code);
    expect(body.reference).toBeUndefined();
    expect((await audits(name))[0]).toMatchObject({ outcome: "error", detail: code });
  });

  it("answers the unexpected with 500 and a reference id that is in the log and the audit row, never the stack", async () => {
    const name = uniqueName("test.route");
    signInAs(await createTestUser("ADMIN"));
    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    let res: Response;
    try {
      res = await userRoute({ name, roles: ["ADMIN"] }, async () => {
        throw new Error("secret internals at /srv/app.ts:12");
      })(post(null));
    } finally {
      setLogSink(previous);
    }
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret internals");
    expect(text).not.toContain("app.ts");
    const body = JSON.parse(text) as { error: string; reference: string };
    expect(body.error).toBe("INTERNAL");
    expect(body.reference).toMatch(/^E-/);
    expect(lines.join("\n")).toContain(body.reference);
    expect((await audits(name))[0]).toMatchObject({ outcome: "error", detail: `INTERNAL ${body.reference}`, requestId: body.reference });
  });

  it("stream audit: written when the stream ends, ok or not completed (producer failure)", async () => {
    const name = uniqueName("test.route");
    signInAs(await createTestUser("ADMIN"));
    const route = userRoute({ name, roles: ["ADMIN"], audit: "stream" }, async ({ audit }) => {
      audit({ detail: "csv" });
      let n = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (n++ < 2) c.enqueue(new TextEncoder().encode("row\n"));
          else c.error(new Error("database went away"));
        },
      });
      return new Response(body);
    });
    const res = await route(new Request(`${BASE}/api/test`));
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    const [row] = await audits(name);
    expect(row).toMatchObject({ outcome: "error", detail: "csv; not completed: failed after 8 bytes" });
  });
});

describe("signedRoute", () => {
  it("needs no session and maps errors the same way", async () => {
    signInAs(null);
    const route = signedRoute<{ id: string }>({ name: "test.signed" }, async ({ params }) => {
      if (params.id === "missing") throw new AppError("NOT_FOUND", "no such file");
      return new Response(params.id);
    });
    const ok = await route(new Request(`${BASE}/api/files/a`), { params: Promise.resolve({ id: "a" }) });
    expect(await ok.text()).toBe("a");
    const missing = await route(new Request(`${BASE}/api/files/missing`), { params: Promise.resolve({ id: "missing" }) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "NOT_FOUND" });
  });
});
