import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "@/lib/sandbox/core/test-support";
import { deepfinchVendor } from "@/lib/sandbox/deepfinch";
import type { RunningSandbox } from "@/lib/sandbox/server";
import { deepfinchManifest } from "./manifest";
import { createDeepfinchClient } from "./client";

/** The console's client against the twin over HTTP: two readings of one document must agree. */
const FIXTURES = path.resolve(import.meta.dirname, "../../sandbox/deepfinch/fixtures");
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ vendors: [deepfinchVendor] });
});
afterAll(() => sandbox.close());

const creds = deepfinchManifest.sandboxCredentials;
const client = (secret: string = creds.DEEPFINCH_API_SECRET) =>
  createDeepfinchClient({ baseUrl: `${sandbox.url}/deepfinch`, apiId: creds.DEEPFINCH_API_ID, apiSecret: secret, timeoutMs: 10_000 });

describe("DeepFinch client ↔ twin", () => {
  it("a sample PDF comes back as a report whose every section parses", async () => {
    const bytes = readFileSync(path.join(FIXTURES, "credit-report-sample-1.pdf"));
    const { report } = await client().recognise({ bytes, filename: "sample.pdf" });
    expect(report.unreadable).toEqual([]);
    expect(report.sections.creditHeader?.serialNo).toMatch(/^\d{20}$/);
    expect(report.sections.queryRecord?.length).toBeGreaterThan(0);
    expect(report.sections.creditAccount?.[0].refundRecord?.detail?.flatMap((y) => y.month ?? [])).toHaveLength(60);
  });

  it("a scan is DETECTION_FAILED, wrong credentials are a configuration error", async () => {
    const scan = readFileSync(path.join(FIXTURES, "credit-report-scanned.pdf"));
    await expect(client().recognise({ bytes: scan, filename: "scan.pdf" })).rejects.toMatchObject({ vendorCode: "DETECTION_FAILED", retryable: false });
    const bytes = readFileSync(path.join(FIXTURES, "credit-report-sample-1.pdf"));
    await expect(client("nope").recognise({ bytes, filename: "a.pdf" })).rejects.toMatchObject({ vendorCode: "UNAUTHORIZED", code: "VENDOR_CONFIG" });
  });
});
