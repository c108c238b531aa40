import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Runs only the sandbox tests, without the repo's globalSetup (which starts PostgreSQL):
 * the sandbox needs no database.  npx vitest run --config lib/sandbox/vitest.sandbox.config.ts
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "../..") } },
  test: {
    include: ["lib/sandbox/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    pool: "forks",
  },
});
