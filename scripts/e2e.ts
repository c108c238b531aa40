/**
 * The Playwright journeys against a production build, on a throwaway data folder (its own
 * embedded PostgreSQL, secrets and sandbox state), on ports that do not clash with a console
 * you may have running.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsStale } from "./lib/build-stamp";
import { ensureChromium } from "./lib/chromium";
import { runToCompletion } from "./lib/children";

const root = process.cwd();
ensureChromium();
if (buildIsStale(root)) {
  const code = await runToCompletion(path.join(root, "node_modules", ".bin", "next"), ["build"], { ...process.env, NODE_ENV: "production" });
  if (code !== 0) process.exit(code);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "creditops-e2e-"));
fs.chmodSync(dataDir, 0o755);
const env = {
  ...process.env,
  CREDITOPS_DATA_DIR: dataDir,
  PORT: process.env.E2E_PORT ?? "3300",
  SANDBOX_PORT: process.env.E2E_SANDBOX_PORT ?? "3400",
};
const code = await runToCompletion(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], env);
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(code);
