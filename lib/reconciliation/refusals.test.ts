import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "@/lib/db/test-db";
import { decideAdjustment, proposeAdjustment } from "./adjust";
import { refreshException } from "./refresh";
import { closeCallAppError, workflowAppError } from "./refusal-errors";
import { REFUSAL_REASONS } from "./refusals";
import { CheckFileCloseError } from "./vendor/close-calls";
import { closeDay, explainException, ReconWorkflowError, reopenDay } from "./workflow";

/**
 * Each workflow refusal names its own reason, and the action shows it as an AppError whose
 * i18n key is `reconciliation.<reason>` — a message of its own in zh-CN and en.
 */
let db: TestDatabase;
let pool: pg.Pool;
const finance = { id: "fin-a", name: "A", role: "FINANCE" as const };
const checker = { id: "fin-b", name: "B", role: "FINANCE" as const };
const admin = { id: "adm", name: "Admin", role: "ADMIN" as const };
const officer = { id: "off", name: "O", role: "LOAN_OFFICER" as const };
const never = async () => {
  throw new Error("no vendor call expected");
};
const ok = async () => undefined;

beforeAll(async () => {
  db = await createTestDatabase(getTestServerUrl());
  pool = new pg.Pool({ connectionString: db.url, max: 3 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

let day = 0;
async function run(status = "MATCHED", lines: { type?: string; kind?: string; state?: string }[] = [{}]) {
  day++;
  const r = await pool.query<{ id: string }>(`INSERT INTO recon_runs (file_date, status) VALUES (DATE '2026-08-01' + $1::int, $2) RETURNING id::text`, [day, status]);
  const ids: string[] = [];
  for (const [i, l] of lines.entries()) {
    const q = await pool.query<{ id: string }>(
      "INSERT INTO recon_lines (run_id, file_type, match_key, kind, their_lines, our_rows, state) VALUES ($1, $2, $3, $4, 1, 1, $5) RETURNING id::text",
      [r.rows[0]!.id, l.type ?? "RECHARGE", `K${day}-${i}`, l.kind ?? "AMOUNT_MISMATCH", l.state ?? "OPEN"],
    );
    ids.push(q.rows[0]!.id);
  }
  return { runId: r.rows[0]!.id, lineIds: ids };
}

/** The reason of the refusal and the translation key and code the action would show. */
async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ReconWorkflowError)) throw new Error(`expected a workflow refusal, got ${String(e)}`);
  const app = workflowAppError(e);
  return { reason: e.reason, key: app.i18n?.key, code: app.code, values: app.i18n?.values };
}

describe("workflow refusals, each with its own message", () => {
  it("explain: on a closed day, a resolved line, an empty note, a missing line, another role", async () => {
    const closed = await run("CLOSED");
    expect(await refusal(explainException(pool, finance, closed.lineIds[0]!, "late note"))).toMatchObject({ reason: "dayClosed", key: "reconciliation.dayClosed", code: "INVALID_STATE" });
    const resolved = await run("MATCHED", [{ state: "RESOLVED" }]);
    expect(await refusal(explainException(pool, finance, resolved.lineIds[0]!, "again"))).toMatchObject({ key: "reconciliation.explainResolved", code: "INVALID_STATE" });
    expect(await refusal(explainException(pool, finance, resolved.lineIds[0]!, "  "))).toMatchObject({ key: "reconciliation.explainNoteRequired", code: "VALIDATION" });
    expect(await refusal(explainException(pool, finance, "999999", "x"))).toMatchObject({ key: "reconciliation.lineNotFound", code: "NOT_FOUND" });
    expect(await refusal(explainException(pool, officer, resolved.lineIds[0]!, "x"))).toMatchObject({ key: "reconciliation.roleForbidden", code: "FORBIDDEN", values: { role: "LOAN_OFFICER" } });
  });

  it("refresh: a resolved line, a closed day, a balance line, a line type 联银通 cannot be asked about", async () => {
    const r = await run("MATCHED", [{ state: "RESOLVED" }, { type: "BALANCE" }, { type: "UNREGISTER" }]);
    expect(await refusal(refreshException(pool, finance, r.lineIds[0]!, never))).toMatchObject({ key: "reconciliation.refreshResolved" });
    expect(await refusal(refreshException(pool, finance, r.lineIds[1]!, never))).toMatchObject({ key: "reconciliation.refreshBalance" });
    expect(await refusal(refreshException(pool, finance, r.lineIds[2]!, never))).toMatchObject({ key: "reconciliation.refreshNoType", values: { fileType: "UNREGISTER" } });
    const closed = await run("CLOSED");
    expect(await refusal(refreshException(pool, finance, closed.lineIds[0]!, never))).toMatchObject({ key: "reconciliation.dayClosed" });
  });

  it("adjustments: self-approval, decided already, resolved line, closed day, bad amount, no memo, missing", async () => {
    const r = await run();
    const id = await proposeAdjustment(pool, finance, { lineId: r.lineIds[0]!, owner: "U1", bucket: "AVAILABLE", amount: 100, memo: "m" });
    expect(await refusal(decideAdjustment(pool, finance, id, "APPROVE"))).toMatchObject({ key: "reconciliation.adjustSelfApproval", code: "FORBIDDEN" });
    await decideAdjustment(pool, checker, id, "REJECT");
    expect(await refusal(decideAdjustment(pool, checker, id, "APPROVE"))).toMatchObject({ key: "reconciliation.adjustDecided" });
    expect(await refusal(decideAdjustment(pool, checker, "999999", "APPROVE"))).toMatchObject({ key: "reconciliation.adjustmentNotFound", code: "NOT_FOUND" });
    const resolved = await run("MATCHED", [{ state: "RESOLVED" }]);
    const input = { owner: "U1", bucket: "AVAILABLE" as const, amount: 100, memo: "m" };
    expect(await refusal(proposeAdjustment(pool, finance, { ...input, lineId: resolved.lineIds[0]! }))).toMatchObject({ key: "reconciliation.adjustResolved" });
    const closed = await run("CLOSED");
    expect(await refusal(proposeAdjustment(pool, finance, { ...input, lineId: closed.lineIds[0]! }))).toMatchObject({ key: "reconciliation.dayClosed" });
    expect(await refusal(proposeAdjustment(pool, finance, { ...input, amount: 0, lineId: r.lineIds[0]! }))).toMatchObject({ key: "reconciliation.adjustAmountInvalid", code: "VALIDATION" });
    expect(await refusal(proposeAdjustment(pool, finance, { ...input, memo: " ", lineId: r.lineIds[0]! }))).toMatchObject({ key: "reconciliation.adjustMemoRequired" });
  });

  it("closing and reopening: open exceptions, override rules, closed or failed or superseded runs, reopening an open day", async () => {
    const r = await run("MATCHED", [{}, {}]);
    expect(await refusal(closeDay(pool, finance, r.runId, { mode: "CONFIRM", send: never }))).toMatchObject({ key: "reconciliation.closeOpenExceptions", values: { count: 2 } });
    expect(await refusal(closeDay(pool, finance, r.runId, { mode: "CONFIRM", send: never, override: { reason: "r", send: false } }))).toMatchObject({ key: "reconciliation.overrideAdminOnly", code: "FORBIDDEN" });
    expect(await refusal(closeDay(pool, admin, r.runId, { mode: "CONFIRM", send: never, override: { reason: "  ", send: false } }))).toMatchObject({ key: "reconciliation.overrideReasonRequired", code: "VALIDATION" });
    expect(await refusal(reopenDay(pool, finance, r.runId, "why"))).toMatchObject({ key: "reconciliation.reopenNotClosed", values: { status: "MATCHED" } });
    expect(await refusal(closeDay(pool, finance, "999999", { mode: "CONFIRM", send: never }))).toMatchObject({ key: "reconciliation.runNotFound" });
    const failed = await run("FAILED", []);
    expect(await refusal(closeDay(pool, finance, failed.runId, { mode: "CONFIRM", send: never }))).toMatchObject({ key: "reconciliation.closeNotMatched", values: { status: "FAILED" } });
    const clean = await run("MATCHED", []);
    await closeDay(pool, finance, clean.runId, { mode: "CONFIRM", send: ok });
    expect(await refusal(closeDay(pool, finance, clean.runId, { mode: "CONFIRM", send: never }))).toMatchObject({ key: "reconciliation.closeAlreadyClosed" });
    expect(await refusal(reopenDay(pool, finance, clean.runId, " "))).toMatchObject({ key: "reconciliation.reopenReasonRequired" });
    await reopenDay(pool, finance, clean.runId, "sent back by 联银通");
    const later = await pool.query<{ id: string }>("INSERT INTO recon_runs (file_date, status) SELECT file_date, 'MATCHED' FROM recon_runs WHERE id = $1 RETURNING id::text", [clean.runId]);
    expect(later.rows).toHaveLength(1);
    expect(await refusal(closeDay(pool, finance, clean.runId, { mode: "CONFIRM", send: never }))).toMatchObject({ key: "reconciliation.closeSuperseded" });
  });

  it("a refused, unverifiable or unanswered closing call has its own message; other errors pass through", () => {
    expect(closeCallAppError(new CheckFileCloseError("100003", "x"))).toMatchObject({ code: "VENDOR_REJECTED", i18n: { key: "reconciliation.closeCallRefused", values: { code: "100003" } } });
    expect(closeCallAppError(new CheckFileCloseError(null, "x"))).toMatchObject({ code: "VENDOR_REJECTED", i18n: { key: "reconciliation.closeCallUnverifiable" } });
    expect(closeCallAppError(new CheckFileCloseError("502", "x"))).toMatchObject({ code: "VENDOR_UNAVAILABLE", i18n: { key: "reconciliation.closeCallUnanswered" } });
    expect(closeCallAppError(new TypeError("fetch failed"))).toMatchObject({ code: "VENDOR_UNAVAILABLE", i18n: { key: "reconciliation.closeCallUnanswered" } });
    expect(closeCallAppError(new DOMException("timeout", "TimeoutError"))).toBeInstanceOf(AppError);
    expect(closeCallAppError(new Error("database down"))).toBeNull();
  });

  it("every reason has a message in both languages that formats with its values", () => {
    const values = { role: "LOAN_OFFICER", status: "FAILED", count: 3, code: "100003", fileType: "UNREGISTER" };
    for (const locale of ["zh-CN", "en"]) {
      const messages = JSON.parse(fs.readFileSync(path.join("messages", locale, "errors.json"), "utf8"));
      const t = createTranslator({ locale, messages, namespace: "reconciliation" });
      const texts = new Set<string>();
      for (const reason of [...REFUSAL_REASONS, "closeCallRefused", "closeCallUnverifiable", "closeCallUnanswered"]) {
        const text = t(reason as "dayClosed", values);
        expect(text, `${locale} ${reason}`).not.toContain("reconciliation.");
        expect(text).not.toMatch(/[{}]/);
        texts.add(text);
      }
      // Each refusal reads differently: none falls back on a shared generic text.
      expect(texts.size).toBe(REFUSAL_REASONS.length + 3);
    }
  });
});
