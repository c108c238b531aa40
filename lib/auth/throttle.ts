import "server-only";
import type { Db, DbOrTx } from "@/lib/db";

/**
 * Sign-in throttling kept in PostgreSQL, so every console replica sees the same counts.
 * An account is locked after ACCOUNT_LIMIT failures inside the window (a success resets the
 * count); an IP after IP_LIMIT failures across any accounts inside the window.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  accountLimit: 5,
  ipLimit: 20,
} as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: "account" | "ip"; retryAfterSeconds: number };

export async function checkLoginThrottle(db: DbOrTx, username: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { username, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountFailures = await db.loginAttempt.findMany({
    where: { username, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (accountFailures.length >= THROTTLE.accountLimit) {
    return { allowed: false, scope: "account", retryAfterSeconds: retryAfter(accountFailures, THROTTLE.accountLimit, now) };
  }
  const ipFailures = await db.loginAttempt.findMany({
    where: { ip, success: false, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (ipFailures.length >= THROTTLE.ipLimit) {
    return { allowed: false, scope: "ip", retryAfterSeconds: retryAfter(ipFailures, THROTTLE.ipLimit, now) };
  }
  return { allowed: true };
}

/** Seconds until enough failures have aged out of the window to let one attempt through. */
function retryAfter(failures: { createdAt: Date }[], limit: number, now: Date): number {
  const gate = failures[failures.length - limit];
  const until = (gate?.createdAt.getTime() ?? now.getTime()) + THROTTLE.windowMs;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** Advisory-lock namespace of sign-in throttling (the second key is a hash of the account or address). */
const LOCK_NAMESPACE = 0x7468;

/**
 * Checks the limits and records the attempt in one step, under per-account and per-address
 * locks, so concurrent attempts are counted one after another: 40 wrong passwords at once
 * get 5 password checks, not 18 (issue 8, security 4). An allowed attempt is recorded as a
 * provisional failure ("pending") before the password is checked, and settled afterwards with
 * `settleLoginAttempt`; a throttled one is recorded as such. A crash between the two leaves a
 * failure, which errs on the safe side.
 */
export async function claimLoginAttempt(db: Db, username: string, ip: string, now = new Date()): Promise<{ verdict: ThrottleVerdict; attemptId: bigint }> {
  return db.$transaction(
    async (tx) => {
      // Account first, then address, always in this order, so two claims never wait on each other in a cycle.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int4, hashtext(${`account:${username}`}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int4, hashtext(${`ip:${ip}`}))`;
      const verdict = await checkLoginThrottle(tx, username, ip, now);
      const row = await tx.loginAttempt.create({
        data: { username, ip, success: false, reason: verdict.allowed ? "pending" : `throttled:${verdict.scope}` },
        select: { id: true },
      });
      return { verdict, attemptId: row.id };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/** The outcome of a claimed attempt once the password has been checked. */
export async function settleLoginAttempt(db: DbOrTx, attemptId: bigint, outcome: { success: boolean; reason: string }) {
  await db.loginAttempt.update({ where: { id: attemptId }, data: outcome });
}
