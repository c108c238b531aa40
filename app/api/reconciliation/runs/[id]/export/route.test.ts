import { describe, expect, it } from "vitest";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { GET } from "./route";

async function runWithLines(): Promise<string> {
  const db = testDb();
  const [run] = await db.$queryRaw<{ id: bigint }[]>`INSERT INTO recon_runs (file_date, status) VALUES ('2030-06-01', 'MATCHED') RETURNING id`;
  await db.$executeRaw`INSERT INTO recon_lines (run_id, file_type, match_key, kind, their_lines, our_rows, their_amount, our_amount, state) VALUES
    (${run!.id}, 'RECHARGE', 'R1', NULL, 1, 1, 12345, 12345, NULL),
    (${run!.id}, 'RECHARGE', 'R2', 'AMOUNT_MISMATCH', 1, 1, 100, 99, 'OPEN'),
    (${run!.id}, 'WITHDRAW', 'W1', 'MISSING_THEIRS', 0, 1, NULL, 500, 'OPEN')`;
  return String(run!.id);
}

const get = (id: string, query: string) => GET(new Request(`http://localhost:3000/api/reconciliation/runs/${id}/export?${query}`), { params: Promise.resolve({ id }) });

describe("GET /api/reconciliation/runs/[id]/export", () => {
  it("exports the exceptions by default and every line on request, amounts in yuan, in CSV", async () => {
    const id = await runWithLines();
    signInAs(await createTestUser("FINANCE"));
    const exceptions = (await (await get(id, "format=csv")).text()).split("\r\n").filter(Boolean);
    expect(exceptions).toHaveLength(3); // header + 2
    expect(exceptions[1]).toContain("R2");
    expect(exceptions[1]).toContain("0.99");
    const lines = (await (await get(id, "format=csv&what=lines")).text()).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("123.45");
  });

  it("refuses a role outside finance", async () => {
    const id = await runWithLines();
    signInAs(await createTestUser("LOAN_OFFICER"));
    expect((await get(id, "format=csv")).status).toBe(403);
  });

  it("streams an Excel workbook", async () => {
    const id = await runWithLines();
    signInAs(await createTestUser("ADMIN"));
    const res = await get(id, "format=xlsx&what=lines");
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
