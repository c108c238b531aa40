import { describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { sessionUserOf } from "@/lib/test/risk-factory";
import { pretrialList, toPretrialFilters } from "./list-params";
import { listPretrialOrders } from "./queries";

describe("pretrial list URL dates (issue 8, security 9)", () => {
  it.each(["0000-01-01", "99999-01-01", "2026-02-30", "2026-1-5", "1e3"])("ignores from=%s instead of failing the page", async (from) => {
    const officer = sessionUserOf(await createTestUser("LOAN_OFFICER"));
    const p = pretrialList.loadSearchParams({ from, to: from });
    expect(p.from).toBeNull();
    expect(p.to).toBeNull();
    await expect(listPretrialOrders(testDb(), officer, toPretrialFilters(p), { cursor: null, perPage: 10, sort: p.sort })).resolves.toBeDefined();
  });

  it("keeps a real day", () => {
    const p = pretrialList.loadSearchParams({ from: "2026-02-28" });
    expect(p.from?.toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });
});
