/**
 * `prisma generate`, runnable where Prisma cannot download its schema engine (npm
 * `postinstall`, offline machines). Generation itself never calls that engine, but the CLI
 * insists on a binary path existing; a stub that explains itself satisfies it. `prisma migrate`
 * still needs the real engine, and the stub says so if it is ever called.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const GENERATE_TIMEOUT_MS = 120_000; // postinstall must never hang an `npm install`

function schemaEngineStub(): string | undefined {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY) return undefined; // the operator chose one
  const enginesDir = path.join(root, "node_modules/@prisma/engines");
  const hasRealEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
  if (hasRealEngine) return undefined;

  const stub = path.join(root, "node_modules/.cache/creditops/schema-engine-stub");
  mkdirSync(path.dirname(stub), { recursive: true });
  writeFileSync(
    stub,
    [
      "#!/bin/sh",
      'echo "This is a stand-in for Prisma\'s schema engine, which could not be downloaded here." >&2',
      'echo "prisma migrate / db push need the real one; this project applies migrations with: npm run db:migrate" >&2',
      "exit 1",
      "",
    ].join("\n"),
  );
  chmodSync(stub, 0o755);
  return stub;
}

function main(): Promise<number> {
  if (!existsSync(path.join(root, "prisma/schema"))) {
    console.log("prisma-generate: no prisma/schema/ yet, nothing to generate.");
    return Promise.resolve(0);
  }
  const stub = schemaEngineStub();
  const env = {
    ...process.env,
    // No update check or telemetry: both reach the network and can stall an offline install.
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    ...(stub ? { PRISMA_SCHEMA_ENGINE_BINARY: stub } : {}),
  };
  const child = spawn(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`prisma-generate: \`prisma generate\` did not finish in ${GENERATE_TIMEOUT_MS / 1000} s; stopped it.`);
      child.kill("SIGKILL");
    }, GENERATE_TIMEOUT_MS);
    child.on("error", (err) => {
      clearTimeout(timer);
      console.error(`prisma-generate: could not run prisma (${err.message}). Is the "prisma" package installed?`);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

process.exitCode = await main();
