/**
 * `npm run user:create -- --role ADMIN --username admin --name "管理员"`: creates a console user
 * against DATABASE_URL (migrations applied first). The password comes from
 * CREDITOPS_USER_PASSWORD or a hidden terminal prompt; it never appears in arguments or logs.
 */
import os from "node:os";
import readline from "node:readline";
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { USAGE, createUserFromCli, parseUserCreateArgs } from "./lib/user-create";

function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new Error("No terminal to ask for the password: set CREDITOPS_USER_PASSWORD."));
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let muted = false;
  output._writeToOutput = (s: string) => {
    if (!muted || s.includes("\n")) process.stdout.write(muted ? "\n" : s);
  };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<number> {
  const args = parseUserCreateArgs(process.argv.slice(2));
  if (args.help || !args.role || !args.username) {
    console.log(USAGE);
    return args.help ? 0 : 1;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: point it at the console's PostgreSQL.");
    return 1;
  }
  let password = process.env.CREDITOPS_USER_PASSWORD;
  if (!password) {
    password = await askHidden("password: ");
    const again = await askHidden("password again: ");
    if (password !== again) {
      console.error("The passwords differ.");
      return 1;
    }
  }
  await applyMigrations(url, { log: () => undefined });
  const db = createDb(url);
  try {
    const result = await createUserFromCli(db, args, password, os.userInfo().username);
    if (!result.ok) {
      console.error(`Not created:\n  ${result.problems.join("\n  ")}`);
      return 1;
    }
    console.log(`Created ${result.role} ${result.username} (${result.id}); the creation is in the audit log.`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  return 1;
});
