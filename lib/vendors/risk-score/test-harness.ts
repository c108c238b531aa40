import { afterEach, beforeEach } from "vitest";
import { setLogSink, type LogSink } from "@/lib/logger";
import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import { startTestVendor, type TestVendor } from "@/lib/vendors/core/test-server";
import type { RiskScoreClientConfig } from "./client";
export { seededRng } from "@/lib/seeded-rng";

/** Tests only: a test vendor per test (lib/vendors/core/test-server.ts), captured log lines, synthetic people. */

export function syntheticPerson(rng: () => number) {
  return { idNum: generateSyntheticIdNumber(rng), mobile: generateSyntheticMobile(rng) };
}

export const TEST_SECRET = "test-risk-secret";
export const TEST_PARTNER = "170117119999";

/** A vendor server per test, log capture, and a config pointing at the server. */
export function setupVendorHarness() {
  const h = {
    server: undefined as unknown as TestVendor,
    logs: [] as string[],
    config(overrides: Partial<RiskScoreClientConfig> = {}): RiskScoreClientConfig {
      return { baseUrl: `${h.server.url}/`, partnerId: TEST_PARTNER, secret: TEST_SECRET, timeoutMs: 2000, ...overrides };
    },
  };
  let restore: LogSink;
  beforeEach(async () => {
    h.server = await startTestVendor();
    h.logs.length = 0;
    restore = setLogSink((line) => h.logs.push(line));
  });
  afterEach(async () => {
    setLogSink(restore);
    await h.server.close();
  });
  return h;
}
