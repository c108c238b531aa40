import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Test files whose results depend on the server's time zone (everything sent to vendors is
 * Beijing time whatever `TZ` is, design.md §3). They run a second time under Asia/Shanghai;
 * everything runs under UTC. Cheap: these files need no database.
 */
const TIME_ZONE_SENSITIVE = ["lib/risk-scores/wire-times.test.ts", "lib/format/dates.test.ts", "lib/vendors/lanmao/time.test.ts", "lib/vendors/lanmao/client.test.ts", "lib/vendors/risk-case/transform.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "scripts/lib/empty-module.ts"),
    },
  },
  test: {
    setupFiles: ["lib/test/setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
    projects: [
      {
        extends: true,
        test: {
          name: "utc",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
          globalSetup: ["scripts/lib/vitest-global-setup.ts"],
          env: { TZ: "UTC" },
        },
      },
      {
        extends: true,
        test: { name: "tz-shanghai", include: TIME_ZONE_SENSITIVE, env: { TZ: "Asia/Shanghai" } },
      },
    ],
  },
});
