import crypto from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { createDb, type Db } from "@/lib/db";
import { setTestSession } from "./session";

let db: Db | undefined;

/** The test database (started by scripts/lib/vitest-global-setup.ts). */
export function testDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: tests need the vitest global setup");
  db ??= createDb(url);
  return db;
}

// Hashing with production argon2 parameters is slow on purpose; tests share one hash.
let sharedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "Test-password-2026";

export async function createTestUser(role: Role, overrides: { username?: string; disabled?: boolean } = {}) {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  return testDb().user.create({
    data: {
      username: overrides.username ?? `${role.toLowerCase()}-${crypto.randomBytes(4).toString("hex")}`,
      displayName: `Test ${role}`,
      role,
      passwordHash: await sharedHash,
      disabled: overrides.disabled ?? false,
    },
  });
}

/** Signs the given user in for the next action calls, as their session cookie would. */
export function signInAs(user: { id: string; sessionVersion: number } | null) {
  setTestSession(user ? { uid: user.id, sv: user.sessionVersion, sid: crypto.randomUUID() } : null);
}
