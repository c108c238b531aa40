import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { startTestSandbox } from "./test-support";
import { SandboxState } from "./state";

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), "sandbox-state-")), "nested", "state.json");

describe("SandboxState", () => {
  it("gets, sets, deletes and lists by prefix in key order", () => {
    const state = new SandboxState(null);
    state.set("lanmao:user:2", { n: 2 });
    state.set("lanmao:user:1", { n: 1 });
    state.set("wanwang:order:1", "x");
    expect(state.get("lanmao:user:1")).toEqual({ n: 1 });
    expect(state.list("lanmao:").map(([k]) => k)).toEqual(["lanmao:user:1", "lanmao:user:2"]);
    expect(state.delete("wanwang:order:1")).toBe(true);
    expect(state.get("wanwang:order:1")).toBeUndefined();
  });

  it("persists to a file (debounced) and loads it back", async () => {
    const file = tempFile();
    const first = new SandboxState(file);
    first.set("risk-score:order:CR1", { score: 700 });
    first.set("risk-score:order:CR2", { score: 600 });
    await first.flush();
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty(["risk-score:order:CR1"]);

    const second = new SandboxState(file);
    expect(second.list("risk-score:")).toEqual([
      ["risk-score:order:CR1", { score: 700 }],
      ["risk-score:order:CR2", { score: 600 }],
    ]);
  });

  it("writes after the debounce without an explicit flush", async () => {
    const file = tempFile();
    const state = new SandboxState(file);
    state.set("k", 1);
    await vi.waitFor(() => expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ k: 1 }), { timeout: 2_000 });
  });

  it("starts empty with a warning when the file is corrupt", () => {
    const file = tempFile();
    new SandboxState(file); // creates the folder
    writeFileSync(file, '{"half": ');
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const state = new SandboxState(file);
    expect(state.list()).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("corrupt"));
    warn.mockRestore();
  });

  it("is flushed when the sandbox closes", async () => {
    const file = tempFile();
    const sandbox = await startTestSandbox({ stateFile: file });
    sandbox.state.set("deepfinch:task:1", { done: true });
    await sandbox.close();
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ "deepfinch:task:1": { done: true } });
  });
});
