import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { deleteOldRefusalCounts } from "./housekeeping";

describe("deleteOldRefusalCounts", () => {
  it("deletes refusal counts older than a day and keeps the recent ones", async () => {
    const db = testDb();
    const now = new Date("2026-11-30T12:00:00Z");
    await db.$executeRaw`INSERT INTO inbound_refusal_counts (source, minute, refused) VALUES
      ('hk-old', ${new Date("2026-11-28T12:00:00Z")}, 5), ('hk-new', ${new Date("2026-11-30T11:00:00Z")}, 3)`;
    expect(await deleteOldRefusalCounts(db, now)).toBeGreaterThanOrEqual(1);
    const left = await db.$queryRaw<{ source: string }[]>`SELECT source FROM inbound_refusal_counts WHERE source LIKE 'hk-%' ORDER BY source`;
    expect(left.map((r) => r.source)).toEqual(["hk-new"]);
  });
});
