import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { putFaults, startTestSandbox } from "./test-support";

describe("sandbox routing and control endpoints", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it("dispatches a vendor route under its mount and answers JSON", async () => {
    const res = await fetch(`${sandbox.url}/risk-score/ping`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("x-sandbox-request-id")).toMatch(/^\d+$/);
    expect(await res.json()).toEqual({ pong: true });
  });

  it("passes body, query, form and RegExp params to the handler", async () => {
    const echo = await fetch(`${sandbox.url}/risk-score/echo?a=1`, { method: "POST", body: JSON.stringify({ x: [1, 2] }) });
    expect(await echo.json()).toEqual({ received: { x: [1, 2] }, query: { a: "1" }, badSignature: false });

    const form = await fetch(`${sandbox.url}/risk-score/form`, { method: "POST", body: new URLSearchParams({ k: "值 v" }) });
    expect(await form.json()).toEqual({ k: "值 v" });

    const order = await fetch(`${sandbox.url}/risk-score/orders/CR26010100001`);
    expect(await order.json()).toEqual({ id: "CR26010100001", base: `${sandbox.url}/risk-score` });

    const plain = await fetch(`${sandbox.url}/risk-score/plain`);
    expect(plain.headers.get("content-type")).toContain("text/plain");
    expect(await plain.text()).toBe("SUCCESS");
  });

  it("answers 404 JSON for unknown vendors and paths, 405 for a wrong method", async () => {
    for (const path of ["/nowhere", "/risk-score/nowhere", "/wanwang/ping"]) {
      const res = await fetch(sandbox.url + path);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: "not_found" });
    }
    const wrong = await fetch(`${sandbox.url}/risk-score/ping`, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });

  it("turns handler errors into 500 JSON, SandboxHttpError into its status, bad JSON into 400", async () => {
    const boom = await fetch(`${sandbox.url}/risk-score/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.json()).toMatchObject({ error: "internal_error" });
    expect((await fetch(`${sandbox.url}/risk-score/teapot`)).status).toBe(418);
    const bad = await fetch(`${sandbox.url}/risk-score/echo`, { method: "POST", body: "{nope" });
    expect(bad.status).toBe(400);
  });

  it("reports health, registered vendors and faults", async () => {
    expect(await (await fetch(`${sandbox.url}/_control/health`)).json()).toEqual({ status: "ok" });
    const vendors = await (await fetch(`${sandbox.url}/_control/vendors`)).json();
    expect(vendors[0]).toMatchObject({ name: "risk-score" });
    const faults = await (await fetch(`${sandbox.url}/_control/faults`)).json();
    expect(Object.keys(faults)).toEqual(["risk-score"]);
    expect(faults["risk-score"]).toMatchObject({ latencyMs: 0, http500: false, failNext: 0 });
  });

  it("validates PUT /_control/faults/:vendor", async () => {
    const cases: Array<[unknown, number]> = [
      ["{not json", 400],
      [{ latencyMs: -5 }, 400],
      [{ latencyMs: "100" }, 400],
      [{ http500: "yes" }, 400],
      [{ http_500: true }, 400],
      [[true], 400],
    ];
    for (const [body, status] of cases) {
      const res = await putFaults(sandbox, "risk-score", body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).message).toEqual(expect.any(String));
    }
    expect((await putFaults(sandbox, "lanmao", { hang: true })).status).toBe(404); // valid name, not registered
    expect((await putFaults(sandbox, "nobody", { hang: true })).status).toBe(404);

    const ok = await putFaults(sandbox, "risk-score", { badSignature: true, latencyMs: 0 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ badSignature: true, http500: false });
    const echo = await fetch(`${sandbox.url}/risk-score/echo`, { method: "POST", body: "{}" });
    expect((await echo.json()).badSignature).toBe(true);

    const reset = await fetch(`${sandbox.url}/_control/faults`, { method: "DELETE" });
    expect((await reset.json())["risk-score"].badSignature).toBe(false);
  });

  it("lists, filters and clears the request log", async () => {
    await fetch(`${sandbox.url}/risk-score/ping`);
    const list = await (await fetch(`${sandbox.url}/_control/requests?vendor=risk-score&limit=1`)).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ direction: "in", vendor: "risk-score", method: "GET", path: "/risk-score/ping", status: 200 });
    expect((await fetch(`${sandbox.url}/_control/requests?limit=0`)).status).toBe(400);
    expect((await fetch(`${sandbox.url}/_control/requests?vendor=acme`)).status).toBe(400);
    await fetch(`${sandbox.url}/_control/requests`, { method: "DELETE" });
    expect(await (await fetch(`${sandbox.url}/_control/requests`)).json()).toEqual([]);
  });
});
