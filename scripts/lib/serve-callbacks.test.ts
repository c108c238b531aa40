import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { readStoredBody } from "@/lib/inbox/body";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { SIGNED_CALLBACK } from "@/lib/vendors/wanwang/fixtures";
import { serveCallback } from "./serve-callbacks";

/**
 * The console server entry's callback path (node:http, no Web Request/Response): what it
 * answers and stores, its 1 MB limit while streaming, and what it leaves to Next.
 */
const TOKEN = "test-callback-token";
let server: http.Server;
let origin = "";
const passedToNext: string[] = [];

beforeAll(async () => {
  const officerId = (await createTestUser("LOAN_OFFICER")).id;
  await createTestOrder(officerId, { outsideOrderId: "CRENTRY000001", querySn: "ZXENTRY000001" });
  server = http.createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = "203.0.113.7"; // what scripts/console-server.ts sets from the socket
    if (!serveCallback(req, res)) {
      passedToNext.push(`${req.method} ${req.url}`);
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const signed = (over: Record<string, unknown> = {}) => JSON.stringify({ ...JSON.parse(SIGNED_CALLBACK), outsideOrderId: "CRENTRY000001", querySn: "ZXENTRY000001", ...over });
const post = (path: string, body: string, token = TOKEN) =>
  fetch(origin + path, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-probe": "kept" }, body });

describe("serveCallback (the server entry's callback path)", () => {
  it("applies a signed callback and answers the 万网 envelope; a replay is a duplicate answered the same", async () => {
    const body = signed({ type: 0 });
    for (let i = 0; i < 2; i++) {
      const res = await post("/api/callbacks/wanwang/signed?x=1", body);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await res.json()).toEqual({ code: 0, msg: "success", data: null, ok: true });
    }
    const rows = await testDb().inboundEvent.findMany({ where: { eventKey: "CRENTRY000001:signed:0" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["PROCESSED", "DUPLICATE"]);
    const [first] = rows;
    expect(first).toMatchObject({ source: "wanwang", eventType: "signed", method: "POST", path: "/api/callbacks/wanwang/signed", remoteIp: "203.0.113.7" });
    expect(first!.headers).toMatchObject({ authorization: "[redacted]", "x-probe": "kept" });
    expect(readStoredBody(first!.bodyEncrypted).toString("utf8")).toBe(body);
    expect(JSON.parse(first!.bodyMasked!)).toMatchObject({ outsideOrderId: "CRENTRY000001", type: 0 });
  });

  it("stores the masked copy with personal data in free text masked", async () => {
    await post("/api/callbacks/wanwang/signed", signed({ type: 1, message: "请致电 13912345678 完成签约" }));
    const row = await testDb().inboundEvent.findFirstOrThrow({ where: { eventKey: "CRENTRY000001:signed:1" } });
    expect(row.bodyMasked).toContain("139****5678");
    expect(row.bodyMasked).not.toContain("13912345678");
    expect(readStoredBody(row.bodyEncrypted).toString("utf8")).toContain("13912345678");
  });

  it("answers an unknown order with a non-zero code and keeps it unmatched", async () => {
    const res = await post("/api/callbacks/wanwang/signed", signed({ outsideOrderId: "CRENTRYNOPE01", querySn: "ZXENTRYNOPE01" }));
    expect(res.status).toBe(200);
    expect((await res.json()) as { code: number }).toMatchObject({ ok: false });
    expect(await testDb().inboundEvent.findFirst({ where: { eventKey: "CRENTRYNOPE01:signed:2" } })).toMatchObject({ status: "UNMATCHED" });
  });

  it("refuses a bad token with 401 and a malformed body with 400 and the reason", async () => {
    expect((await post("/api/callbacks/wanwang/signed", signed(), "wrong")).status).toBe(401);
    const res = await post("/api/callbacks/wanwang/signed", signed({ type: 9 }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { msg: string }).msg).toMatch(/^type: /);
  });

  it("refuses a declared body over 1 MB with 413, closes the connection and stores nothing", async () => {
    const before = await testDb().inboundEvent.count();
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(new URL(origin).port), "127.0.0.1");
      let text = "";
      socket.on("data", (d) => (text += d.toString("latin1")));
      socket.on("close", () => resolve(text));
      socket.write(`POST /api/callbacks/wanwang/signed HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${1024 * 1024 + 1}\r\n\r\n`);
    });
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
    expect(answer.toLowerCase()).toContain("connection: close");
    expect(await testDb().inboundEvent.count()).toBe(before);
  });

  it("cuts a chunked body off once it crosses 1 MB", async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 8 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${origin}/api/callbacks/wanwang/signed`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: stream, duplex: "half" } as RequestInit).catch(
      (err: unknown) => err,
    );
    if (res instanceof Response) expect(res.status).toBe(413);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
  });

  it("leaves everything else to Next: other methods, unknown paths, body-typed events", async () => {
    passedToNext.length = 0;
    await fetch(`${origin}/api/callbacks/wanwang/signed`);
    await post("/api/callbacks/wanwang/nope", "{}");
    await post("/api/callbacks/wanwang/signed/", "{}");
    await post("/api/callbacks/lanmao/notify", "{}");
    await post("/api/health", "{}");
    expect(passedToNext).toEqual([
      "GET /api/callbacks/wanwang/signed",
      "POST /api/callbacks/wanwang/nope",
      "POST /api/callbacks/wanwang/signed/",
      "POST /api/callbacks/lanmao/notify",
      "POST /api/health",
    ]);
  });
});
