import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("keyset cursors", () => {
  it("round-trip key and id, including non-ASCII keys", () => {
    const c = encodeCursor("next", "2026-11-30 10:28:20.464+00", "bo00000001");
    expect(c).toMatch(/^n\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual({ dir: "next", key: "2026-11-30 10:28:20.464+00", id: "bo00000001" });
    expect(decodeCursor(encodeCursor("prev", "成都", "7"))).toEqual({ dir: "prev", key: "成都", id: "7" });
  });
  it.each(["", "x.abc", "n.", "n.!!!", "n.bm90IGpzb24", `n.${"A".repeat(600)}`])("ignores %j", (value) => {
    expect(decodeCursor(value)).toBeNull();
  });
});
