import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { saveFile } from "./store";
import { sweepOrphanFiles } from "./sweep";
import { PNG_1PX } from "./test-images";

let folder: string;
beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "creditops-sweep-test-"));
  vi.stubEnv("CREDITOPS_DATA_DIR", folder);
  resetEnvCache();
});
afterAll(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("orphan upload sweep (issue 8, security 7)", () => {
  it("removes old photos no order uses and stray files without a row; keeps used and recent ones", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    const save = (purpose: string) => saveFile(testDb(), { bytes: PNG_1PX, mimeType: "image/png", purpose, createdById: officer.id });
    const orphan = await save("id-photo-front");
    const used = await save("id-photo-back");
    const otherPurpose = await save("credit-report");
    const order = await createTestOrder(officer.id);
    await testDb().pretrialOrder.update({ where: { id: order.id }, data: { photoBackId: used.id } });
    const stray = path.join(folder, "files", "2026", "01", "deadbeef.bin");
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, "leftover");

    // Nothing is old enough to go yet.
    expect(await sweepOrphanFiles(testDb())).toEqual({ rows: 0, strays: 0 });

    const later = new Date(Date.now() + 25 * 3600_000);
    const result = await sweepOrphanFiles(testDb(), { now: later });
    expect(result.rows).toBeGreaterThanOrEqual(1);
    expect(result.strays).toBeGreaterThanOrEqual(1);
    expect(await testDb().storedFile.findUnique({ where: { id: orphan.id } })).toBeNull();
    expect(fs.existsSync(path.join(folder, orphan.storagePath))).toBe(false);
    expect(fs.existsSync(stray)).toBe(false);
    expect(await testDb().storedFile.findUnique({ where: { id: used.id } })).not.toBeNull();
    expect(fs.existsSync(path.join(folder, used.storagePath))).toBe(true);
    expect(await testDb().storedFile.findUnique({ where: { id: otherPurpose.id } })).not.toBeNull();
  });
});
