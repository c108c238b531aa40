import { describe, expect, it } from "vitest";
import { parseSyncArgs } from "./risk-cases-sync-args";

describe("risk-cases:sync arguments", () => {
  it("days are Beijing days; --to runs to the day's last second", () => {
    const a = parseSyncArgs(["--from", "2026-11-01", "--to=2026-11-30"]);
    expect(a).toMatchObject({ ok: true });
    if (!a.ok) return;
    expect(a.from!.toISOString()).toBe("2026-10-31T16:00:00.000Z");
    expect(a.to!.toISOString()).toBe("2026-11-30T15:59:59.000Z");
  });
  it("accepts full times", () => {
    const a = parseSyncArgs(["--from", "2026-11-01 08:00:00", "--to", "2026-11-01T09:30:00"]);
    expect(a.ok && a.from!.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(a.ok && a.to!.toISOString()).toBe("2026-11-01T01:30:00.000Z");
  });
  it("no window is the incremental sync", () => {
    expect(parseSyncArgs([])).toEqual({ ok: true, refresh: false, help: false });
    expect(parseSyncArgs(["--refresh"])).toEqual({ ok: true, refresh: true, help: false });
  });
  it("refuses bad input with a clear problem", () => {
    expect(parseSyncArgs(["--from", "2026-11-01"])).toEqual({ ok: false, problem: "give both --from and --to, or neither" });
    expect(parseSyncArgs(["--from", "2026-11-31", "--to", "2026-12-01"])).toMatchObject({ ok: false, problem: expect.stringContaining("--from") });
    expect(parseSyncArgs(["--from", "2026-11-02", "--to", "2026-11-01"])).toEqual({ ok: false, problem: "--from is after --to" });
    expect(parseSyncArgs(["--fro", "x"])).toEqual({ ok: false, problem: "unknown option --fro" });
    expect(parseSyncArgs(["--to"])).toEqual({ ok: false, problem: "--to needs a time" });
  });
});
