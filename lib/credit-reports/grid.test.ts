import { describe, expect, it } from "vitest";
import { grid } from "./indicators/test-fixtures";
import { gridCells } from "./grid";

describe("repayment grid cells", () => {
  it("60 months ending at the record's end month, oldest first, unprinted months blank", () => {
    const cells = gridCells(grid("2024.03", ["1", "/", "#", "N"]) as never, null);
    expect(cells).toHaveLength(60);
    expect(cells[0].label).toBe("2019-04");
    expect(cells.at(-1)).toEqual({ label: "2024-03", state: "N", amount: "1,000" });
    expect(cells.slice(-4).map((c) => c.state)).toEqual(["1", "/", "#", "N"]);
    expect(cells[0].state).toBeNull();
  });

  it("falls back to the report's month, and is empty without any month", () => {
    const record = { detail: [{ year: "2023", month: [{ monthValue: "12", state: "2" }] }] };
    expect(gridCells(record, { year: 2024, month: 1, day: 5 }).slice(-2).map((c) => [c.label, c.state])).toEqual([["2023-12", "2"], ["2024-01", null]]);
    expect(gridCells(undefined, null)).toEqual([]);
  });
});
