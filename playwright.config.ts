import { defineConfig } from "@playwright/test";

const port = Number(process.env.PORT ?? 3300);
const baseURL = `http://localhost:${port}`;

/** Debian's Chromium (scripts/lib/chromium.ts installs it); the console started by `npm start`. */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // npm start stops PostgreSQL on SIGTERM; a hard kill would leave a stale postmaster.pid.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
  },
});
