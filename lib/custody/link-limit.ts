import "server-only";
import type { DbOrTx } from "@/lib/db";

/**
 * How often the public customer link may be opened (issue 11 remainder): counted in
 * PostgreSQL per client address and per requestNo in fixed windows, so every console replica
 * sees the same counts. A customer opens their link a handful of times; a scanner trying
 * signatures or hammering one request is stopped. Every opening counts, valid or not.
 */
export const LINK_LIMITS = {
  windowMs: 10 * 60_000,
  /** Openings per client address per window (any requestNo). */
  perIp: 30,
  /** Openings of one requestNo per window (any address). */
  perRequest: 10,
} as const;

export type LinkVerdict =
  | { limited: false }
  /** `firstOver`: the first opening past the limit in this window — the only one audited. */
  | { limited: true; scope: "ip" | "request"; retryAfterSeconds: number; firstOver: boolean };

const KEEP_MS = 24 * 60 * 60_000;

async function hit(db: DbOrTx, scope: "ip" | "request", key: string, windowStart: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "custody_link_opens" ("scope", "key", "window_start") VALUES (${scope}, ${key}, ${windowStart})
    ON CONFLICT ("scope", "key", "window_start") DO UPDATE SET "count" = "custody_link_opens"."count" + 1
    RETURNING "count"`;
  return row?.count ?? 1;
}

export async function countLinkOpen(db: DbOrTx, ip: string, requestNo: string, now = new Date()): Promise<LinkVerdict> {
  const start = Math.floor(now.getTime() / LINK_LIMITS.windowMs) * LINK_LIMITS.windowMs;
  const windowStart = new Date(start);
  // The requestNo comes from the URL: bounded, so a scanner cannot grow rows with long keys.
  const byIp = await hit(db, "ip", ip.slice(0, 64), windowStart);
  const byRequest = await hit(db, "request", requestNo.slice(0, 64), windowStart);
  // Old windows are dropped when an address starts a new one (cheap: indexed, rare).
  if (byIp === 1) await db.$executeRaw`DELETE FROM "custody_link_opens" WHERE "window_start" < ${new Date(now.getTime() - KEEP_MS)}`;
  const retryAfterSeconds = Math.max(1, Math.ceil((start + LINK_LIMITS.windowMs - now.getTime()) / 1000));
  if (byIp > LINK_LIMITS.perIp) return { limited: true, scope: "ip", retryAfterSeconds, firstOver: byIp === LINK_LIMITS.perIp + 1 };
  if (byRequest > LINK_LIMITS.perRequest) return { limited: true, scope: "request", retryAfterSeconds, firstOver: byRequest === LINK_LIMITS.perRequest + 1 };
  return { limited: false };
}
