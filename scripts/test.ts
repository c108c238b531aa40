/**
 * `npm test`: everything, in the order that fails fastest — type-check, lint, unit and
 * integration tests (throwaway embedded PostgreSQL), then the Playwright journeys.
 */
import path from "node:path";
import { runToCompletion } from "./lib/children";

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
const steps: [string, string, string[]][] = [
  ["type-check", bin("tsc"), ["--noEmit", "-p", "."]],
  ["lint", bin("eslint"), [".", "--max-warnings=0"]],
  ["unit + integration", bin("vitest"), ["run"]],
  ["end-to-end", bin("tsx"), ["--import", "./scripts/lib/register-server-only.mjs", "scripts/e2e.ts"]],
];

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const code = await runToCompletion(command, args, process.env);
  results.push({ name, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
  if (code !== 0) break;
}
console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name} (${r.seconds} s)`);
const failed = results.some((r) => !r.ok) || results.length < steps.length;
// The plain closing line CI reads: steps that passed and failed (steps not reached count as failed).
console.log(`steps: ${results.filter((r) => r.ok).length} passed, ${steps.length - results.filter((r) => r.ok).length} failed`);
process.exit(failed ? 1 : 0);
