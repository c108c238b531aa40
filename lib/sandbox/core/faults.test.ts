import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { FaultStore } from "./faults";
import { putFaults, startTestSandbox } from "./test-support";

describe("generic faults applied by the server", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterEach(async () => {
    await fetch(`${sandbox.url}/_control/faults`, { method: "DELETE" });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const ping = (init?: RequestInit) => fetch(`${sandbox.url}/risk-score/ping`, init);

  it("delays the answer by at least latencyMs", async () => {
    await putFaults(sandbox, "risk-score", { latencyMs: 250 });
    const started = performance.now();
    const res = await ping();
    expect(performance.now() - started).toBeGreaterThanOrEqual(245); // timer granularity
    expect(res.status).toBe(200);
    expect(sandbox.log.list({ limit: 1 })[0].fault).toBe("latency:250");
  });

  it("answers 500 without running the handler", async () => {
    await putFaults(sandbox, "risk-score", { http500: true });
    const res = await ping();
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: "sandbox_fault" });
  });

  it("hangs until the client gives up", async () => {
    await putFaults(sandbox, "risk-score", { hang: true });
    const started = performance.now();
    await expect(ping({ signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await expect.poll(() => sandbox.log.list({ limit: 1 })[0]?.fault).toBe("hang");
    expect(sandbox.log.list({ limit: 1 })[0].status).toBeNull();
  });

  it("answers 200 with a body that is not JSON when malformed", async () => {
    await putFaults(sandbox, "risk-score", { malformed: true });
    const res = await fetch(`${sandbox.url}/risk-score/echo`, { method: "POST", body: JSON.stringify({ a: "b" }) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("fails only the next N requests with failNext", async () => {
    await putFaults(sandbox, "risk-score", { failNext: 2 });
    expect((await ping()).status).toBe(500);
    expect((await (await fetch(`${sandbox.url}/_control/faults`)).json())["risk-score"].failNext).toBe(1);
    expect((await ping()).status).toBe(500);
    expect((await ping()).status).toBe(200);
    expect((await ping()).status).toBe(200);
    expect(sandbox.faults.get("risk-score").failNext).toBe(0);
  });
});

describe("hang on close", () => {
  it("releases held sockets when the sandbox stops", async () => {
    const sandbox = await startTestSandbox();
    sandbox.faults.update("risk-score", { hang: true });
    const pending = fetch(`${sandbox.url}/risk-score/ping`).then(
      () => "answered",
      () => "dropped",
    );
    await new Promise((r) => setTimeout(r, 100)); // let the request reach the server
    const started = performance.now();
    await sandbox.close();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await pending).toBe("dropped");
  });
});

describe("FaultStore precedence", () => {
  it("lets hang win, and counts failNext down only when it takes effect", () => {
    const store = new FaultStore(["lanmao"]);
    store.update("lanmao", { hang: true, failNext: 1 });
    expect(store.consume("lanmao")).toMatchObject({ hang: true, http500: false, applied: ["hang"] });
    expect(store.get("lanmao").failNext).toBe(1);
    store.update("lanmao", { hang: false, malformed: true });
    expect(store.consume("lanmao")).toMatchObject({ http500: true, malformed: false, applied: ["failNext"] });
    expect(store.consume("lanmao")).toMatchObject({ http500: false, malformed: true, applied: ["malformed"] });
  });
});
