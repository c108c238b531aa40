import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Configuration is read in lib/env.ts only (house-style rule 9).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Entry points, scripts, the sandbox (a separate process) and env modules read the environment directly.
    files: ["lib/env.ts", "lib/paths.ts", "lib/logger.ts", "lib/sandbox/**", "scripts/**", "prisma/**", "e2e/**", "*.config.*", "lib/**/*.test.ts", "lib/test/**", "lib/db/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Server code never depends on UI code: list params, filters and view shapes live in lib/<area>/.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/components/*", "**/components/*"], message: "lib/ must not import components/: move the shared piece into lib/<area>/." }] }],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
