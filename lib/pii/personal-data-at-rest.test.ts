import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as pullApplicantData } from "@/app/api/risk-score/applicant-data/route";
import { resetEnvCache } from "@/lib/env";
import { setLogSink } from "@/lib/logger";
import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import { revealPiiAction } from "@/lib/pii/reveal-action";
import { indexPii } from "@/lib/pii/vault";
import { createOrderFromForm } from "@/lib/pretrial/create-order";
import { personSearchTokenAction } from "@/lib/pretrial/person-search";
import { listPretrialOrders } from "@/lib/pretrial/queries";
import { createRiskProfile } from "@/lib/risk-scores/profile-service";
import { startSandbox } from "@/lib/sandbox/server";
import { createWanwangVendor } from "@/lib/sandbox/wanwang";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { createTestScoreRequest, sessionUserOf } from "@/lib/test/risk-factory";
import { riskScoreManifest } from "@/lib/vendors/risk-score/manifest";

/**
 * Issue 8, security item 12: names and addresses are stored encrypted. An order and a profile
 * are created through the real write paths with synthetic people; then no text or JSON column
 * of any table holds a clear name or address, the officer finds the order by full name, and
 * the vendors still receive the clear values (netCredit, the applicant-data pull).
 */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** A synthetic Chinese name nobody else in the shared test database has. */
function syntheticName(length: number) {
  return Array.from({ length }, () => String.fromCodePoint(0x4e00 + crypto.randomInt(0x5000))).join("");
}

const person = {
  customerName: syntheticName(3),
  contact1: syntheticName(2),
  contact2: syntheticName(4),
  cardHolder: `Holder ${Array.from({ length: 6 }, () => String.fromCharCode(97 + crypto.randomInt(26))).join("")}`,
  userAddress: `测试省示例市${syntheticName(4)}路 ${crypto.randomInt(1000)} 号`,
  companyAddress: `测试省示例市${syntheticName(4)}大厦 ${crypto.randomInt(1000)} 室`,
  birthplace: `测试省${syntheticName(3)}县`,
};
const CLEAR_VALUES = Object.values(person);

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let dataDir: string;
let officer: Awaited<ReturnType<typeof createTestUser>>;
let orderId = "";
let profileId = "";
const logs: string[] = [];
let restoreLogs: ReturnType<typeof setLogSink> | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "creditops-pii-at-rest-"));
  process.env.CREDITOPS_DATA_DIR = dataDir;
  sandbox = await startSandbox({ port: 0, vendors: [createWanwangVendor({ callbackToken: "test-callback-token" })], stateFile: null, consoleBaseUrl: "http://127.0.0.1:9" });
  await fetch(`${sandbox.url}/wanwang/_sandbox/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ checkLicences: false, wechatShareDelayMs: 60_000 }) });
  process.env.SANDBOX_PORT = String(sandbox.port);
  resetEnvCache();
  restoreLogs = setLogSink((line) => logs.push(line));

  officer = await createTestUser("LOAN_OFFICER");
  const user = sessionUserOf(officer);
  const form = new FormData();
  form.set("idempotencyKey", crypto.randomUUID());
  form.set("customerName", person.customerName);
  form.set("idNumber", generateSyntheticIdNumber(Math.random));
  form.set("mobile", generateSyntheticMobile(Math.random));
  form.set("photoFront", new File([PNG], "front.png", { type: "image/png" }));
  form.set("photoBack", new File([PNG], "back.png", { type: "image/png" }));
  const out = await createOrderFromForm(testDb(), user, form);
  if (!out.ok) throw new Error(`order not created: ${JSON.stringify(out.fieldErrors)}`);
  orderId = out.orderId;

  const profile = await createRiskProfile(
    testDb(),
    user,
    {
      pretrialOrderId: orderId,
      realName: person.customerName,
      idNumber: generateSyntheticIdNumber(Math.random),
      mobile: generateSyntheticMobile(Math.random),
      birthplace: person.birthplace,
      userAddress: person.userAddress,
      companyName: "示例科技有限公司",
      companyAddress: person.companyAddress,
      relation1: "父母",
      name1: person.contact1,
      phone1: generateSyntheticMobile(Math.random),
      relation2: "朋友",
      name2: person.contact2,
      phone2: generateSyntheticMobile(Math.random),
      channelId: "AppStore",
      channelKind: "NATURAL",
      cardUserName: person.cardHolder,
      loanDays: 7,
      loanType: "mx",
    } as never,
    { loanBangData: { report: [] }, originalLoanBangData: { code: 0 } },
  );
  profileId = profile.id;
});

afterAll(async () => {
  if (restoreLogs) setLogSink(restoreLogs);
  await sandbox?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("names and addresses at rest", () => {
  it("no text or JSON column of any table holds a clear name or address", async () => {
    const columns = await testDb().$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'character')`;
    expect(columns.some((c) => c.table_name === "pretrial_orders")).toBe(true);
    expect(columns.some((c) => c.table_name === "audit_logs")).toBe(true);
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      for (const value of CLEAR_VALUES) {
        const rows = await testDb().$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM "${table_name}" WHERE strpos("${column_name}"::text, $1) > 0`,
          value,
        );
        if (Number(rows[0].n) > 0) found.push(`${table_name}.${column_name}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("stores them encrypted, indexed and masked", async () => {
    const order = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.customerNameIdx).toBe(indexPii(person.customerName, "name"));
    expect(order.customerNameMasked).toBe(`${person.customerName[0]}*${person.customerName[2]}`);
    const profile = await testDb().riskProfile.findUniqueOrThrow({ where: { id: profileId } });
    expect(profile.name2Masked).toBe(`${person.contact2[0]}**${person.contact2[3]}`);
    expect(profile.cardUserNameMasked).toBe(`H*** ${person.cardHolder.split(" ")[1][0]}***`);
    expect(profile.userAddressMasked).toMatch(/^测试省.*\*\*\*\*$/);
    expect(profile.userAddressMasked).not.toContain("路");
  });

  it("the officer finds the order by full name, typed with spaces too; another name finds nothing", async () => {
    signInAs(officer);
    const spaced = Array.from(person.customerName).join(" ");
    const result = await personSearchTokenAction({ value: ` ${spaced} ` });
    expect(result?.validationErrors).toBeUndefined();
    const token = result?.data?.token ?? "";
    expect(token).toMatch(/^name\.[0-9a-f]{64}$/);
    expect(token).not.toContain(person.customerName);
    const user = sessionUserOf(officer);
    const page = { cursor: null, perPage: 10, sort: { field: "createdAt", dir: "desc" } } as const;
    const hit = await listPretrialOrders(testDb(), user, { person: token }, page);
    expect(hit.rows.map((r) => r.id)).toEqual([orderId]);
    expect(hit.rows[0].customerNameMasked).toBe(`${person.customerName[0]}*${person.customerName[2]}`);
    expect(JSON.stringify(hit.rows)).not.toContain(person.customerName);
    const other = await personSearchTokenAction({ value: person.contact1 });
    const miss = await listPretrialOrders(testDb(), user, { person: other?.data?.token }, page);
    expect(miss.total.value).toBe(0);
  });

  it("the search box accepts 李明 (a name), and still refuses a half-typed number", async () => {
    signInAs(officer);
    expect((await personSearchTokenAction({ value: "李明" }))?.data?.token).toMatch(/^name\./);
    expect((await personSearchTokenAction({ value: "John Smith" }))?.data?.token).toMatch(/^name\./);
    expect((await personSearchTokenAction({ value: "1380013" }))?.validationErrors).toBeDefined();
    expect((await personSearchTokenAction({ value: "李" }))?.validationErrors).toBeDefined();
  });

  it("netCredit sends the clear name to 万网", async () => {
    const order = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: orderId } });
    const call = sandbox.log.list().find((e) => e.direction === "in" && e.path.endsWith("/netCredit") && e.requestBody?.includes(order.outsideOrderId));
    const body = JSON.parse(call?.requestBody ?? "{}") as { personList?: { custName?: string }[] };
    expect(body.personList?.[0]?.custName).toBe(person.customerName);
  });

  it("the applicant-data pull answers the clear names and addresses", async () => {
    const { zwOrder } = await createTestScoreRequest(profileId, officer.id);
    const params: Record<string, string> = { zw_order: zwOrder, timestamp: String(Math.floor(Date.now() / 1000)) };
    const base = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join("&");
    const sign = crypto.createHash("md5").update(base + riskScoreManifest.sandboxCredentials.RISK_SCORE_SECRET, "utf8").digest("hex");
    const res = await pullApplicantData(new Request(`http://localhost/api/risk-score/applicant-data?${new URLSearchParams({ ...params, sign })}`));
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data.customer_info).toMatchObject({ real_name: person.customerName, birthplace: person.birthplace });
    expect(data.customer_extra_info).toMatchObject({
      user_address: person.userAddress,
      company_address: person.companyAddress,
      name1: person.contact1,
      name2: person.contact2,
    });
    expect(data.customer_bank_info).toMatchObject({ card_user_name: person.cardHolder });
  });

  it("a reveal returns the clear name to the owning officer and is audited; others are refused", async () => {
    signInAs(officer);
    const revealed = await revealPiiAction({ targetType: "pretrialOrder", targetId: orderId, field: "customerName" });
    expect(revealed?.data?.value).toBe(person.customerName);
    const audit = await testDb().auditLog.findFirst({ where: { action: "pii.reveal", targetId: orderId, outcome: "ok", detail: "customerName" } });
    expect(audit?.actorId).toBe(officer.id);
    expect(JSON.stringify({ ...audit, id: String(audit?.id) })).not.toContain(person.customerName);

    signInAs(await createTestUser("LOAN_OFFICER"));
    expect((await revealPiiAction({ targetType: "pretrialOrder", targetId: orderId, field: "customerName" }))?.serverError?.code).toBe("NOT_FOUND");
    const finance = await createTestUser("FINANCE");
    signInAs(finance);
    expect((await revealPiiAction({ targetType: "pretrialOrder", targetId: orderId, field: "customerName" }))?.serverError?.code).toBe("FORBIDDEN");
    expect(await testDb().auditLog.findFirst({ where: { action: "pii.reveal", actorId: finance.id, outcome: "denied" } })).not.toBeNull();

    const analyst = await createTestUser("RISK_ANALYST");
    signInAs(analyst);
    expect((await revealPiiAction({ targetType: "riskProfile", targetId: profileId, field: "userAddress" }))?.data?.value).toBe(person.userAddress);
  });

  it("no name or address reached a log line", () => {
    const all = logs.join("\n");
    for (const value of CLEAR_VALUES) expect(all).not.toContain(value);
  });
});
