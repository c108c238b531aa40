import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const NO_SANDBOX = {
  group: ["@/lib/sandbox", "@/lib/sandbox/*", "**/lib/sandbox", "**/lib/sandbox/*", "**/sandbox/*"],
  message: "Production code never imports lib/sandbox; read the vendor's manifest (lib/vendors/<vendor>/manifest.ts).",
};
const NO_COMPONENTS = {
  group: ["@/components/*", "**/components/*"],
  message: "lib/ must not import components/: move the shared piece into lib/<area>/.",
};
// Flat config replaces a rule's options per matching block, so each block lists every pattern it needs.
const SANDBOX_ALLOWED = ["lib/sandbox/**", "scripts/**", "e2e/**", "**/*.test.ts", "**/*.spec.ts", "lib/test/**", "**/test-harness.ts", "**/test-server.ts"];

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
    // Production code never imports the vendor sandbox (a separate process); the sandbox may
    // import vendor manifests, not the other way round. Tests and scripts may start it.
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    ignores: SANDBOX_ALLOWED,
    rules: { "no-restricted-imports": ["error", { patterns: [NO_SANDBOX] }] },
  },
  {
    // Toasts go through components/ui/toast.ts, which loads sonner on the first toast: a direct
    // import puts the whole library into the page's first-load JS.
    files: ["components/**", "app/**"],
    ignores: [...SANDBOX_ALLOWED, "components/ui/sonner.tsx", "components/ui/toast.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_SANDBOX, { group: ["sonner"], message: "Import toast from @/components/ui/toast." }] }] },
  },
  {
    // Server code never depends on UI code: list params, filters, export columns and view shapes
    // live in lib/<area>/. Route handlers are server code too.
    files: ["lib/**", "app/api/**"],
    ignores: SANDBOX_ALLOWED,
    rules: { "no-restricted-imports": ["error", { patterns: [NO_SANDBOX, NO_COMPONENTS] }] },
  },
  {
    files: ["lib/sandbox/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_COMPONENTS] }] },
  },
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/pdfjs/**"]),
]);
