import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** Benchmarks that need the whole console in Chromium (not tests): `npm run bench:report-viewer`. */
export default defineConfig({ ...base, testDir: "scripts/bench/playwright", testMatch: "*.bench.ts", timeout: 300_000, retries: 0 });
