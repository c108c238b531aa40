import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { startReceiver, startTestSandbox } from "./test-support";

describe("callbacks", () => {
  let sandbox: RunningSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let status = 200;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    receiver = await startReceiver(() => status);
  });
  afterEach(() => {
    sandbox.faults.reset();
    receiver.calls.length = 0;
    status = 200;
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  const spec = (n: number) => ({
    vendor: "risk-score" as const,
    url: `${receiver.url}/api/callbacks/test`,
    headers: { authorization: "Bearer t" },
    body: { step: n },
    key: "CR26010100001",
  });

  it("POSTs JSON and logs the outbound call", async () => {
    const [delivery] = await sandbox.callbacks.send(spec(1));
    expect(delivery).toMatchObject({ delivered: true, status: 200, attempts: 1 });
    expect(receiver.calls).toHaveLength(1);
    expect(receiver.calls[0]).toMatchObject({ method: "POST", path: "/api/callbacks/test", body: '{"step":1}' });
    expect(receiver.calls[0].headers).toMatchObject({ authorization: "Bearer t", "content-type": expect.stringContaining("json") });
    const [entry] = sandbox.log.list({ limit: 1 });
    expect(entry).toMatchObject({ direction: "out", vendor: "risk-score", status: 200, note: "CR26010100001" });
    expect(entry.responseBody).toBe('{"ok":true}');
  });

  it("sends each callback twice with duplicateCallbacks", async () => {
    sandbox.faults.update("risk-score", { duplicateCallbacks: true });
    const deliveries = await sandbox.callbacks.send(spec(1));
    expect(deliveries).toHaveLength(2);
    expect(receiver.calls.map((c) => c.body)).toEqual(['{"step":1}', '{"step":1}']);
    expect(sandbox.log.list({ limit: 1 })[0].fault).toBe("duplicate");
  });

  it("sends a sequence in order, and in reverse with reorderCallbacks", async () => {
    const steps = [1, 2, 3].map((n) => ({ delayMs: 10, send: spec(n) }));
    await sandbox.callbacks.sequence("risk-score", steps);
    expect(receiver.calls.map((c) => JSON.parse(c.body).step)).toEqual([1, 2, 3]);

    receiver.calls.length = 0;
    sandbox.faults.update("risk-score", { reorderCallbacks: true });
    await sandbox.callbacks.sequence("risk-score", steps);
    expect(receiver.calls.map((c) => JSON.parse(c.body).step)).toEqual([3, 2, 1]);
    expect(sandbox.log.list({ limit: 1 })[0].fault).toBe("reorder");
  });

  it("retries a non-2xx answer up to 3 times, then gives up without throwing", async () => {
    status = 503;
    const [delivery] = await sandbox.callbacks.send(spec(1));
    expect(delivery).toMatchObject({ delivered: false, status: 503, attempts: 4 });
    expect(receiver.calls).toHaveLength(4);
  });

  it("stops retrying once the console answers 2xx", async () => {
    let calls = 0;
    const flaky = await startReceiver(() => (++calls < 3 ? 500 : 200));
    const [delivery] = await sandbox.callbacks.send({ ...spec(1), url: flaky.url });
    await flaky.close();
    expect(delivery).toMatchObject({ delivered: true, attempts: 3 });
  });

  it("logs a network error and resolves", async () => {
    const [delivery] = await sandbox.callbacks.send({ ...spec(1), url: "http://127.0.0.1:9/unreachable" });
    expect(delivery).toMatchObject({ delivered: false, status: null, attempts: 4 });
    expect(sandbox.log.list({ limit: 1 })[0].note).toMatch(/retry 3 · error:/);
  });

  it("sends forms and plain text with their content types", async () => {
    await sandbox.callbacks.send({ ...spec(1), body: new URLSearchParams({ respData: "{}" }) });
    await sandbox.callbacks.send({ ...spec(1), body: "SUCCESS" });
    expect(receiver.calls[0].headers["content-type"]).toContain("x-www-form-urlencoded");
    expect(receiver.calls[0].body).toBe("respData=%7B%7D");
    expect(receiver.calls[1].headers["content-type"]).toContain("text/plain");
  });
});
