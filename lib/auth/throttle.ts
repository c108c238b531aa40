import "server-only";
import type { DbOrTx } from "@/lib/db";

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

export async function recordLoginAttempt(db: DbOrTx, attempt: { username: string; ip: string; success: boolean; reason: string }) {
  await db.loginAttempt.create({ data: attempt });
}
