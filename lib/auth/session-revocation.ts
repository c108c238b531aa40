import "server-only";
import type { DbOrTx } from "@/lib/db";

/** How long a sign-in lasts, at most, however active the user is (Auth.js renews the cookie). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * Ends one session server-side (issue 8, security 5): its id is refused from now on, on every
 * replica, until the token could have expired anyway. Other sessions of the user stay.
 */
export async function revokeSession(db: DbOrTx, claims: { sid?: unknown; uid?: unknown; sat?: unknown }) {
  if (typeof claims.sid !== "string" || typeof claims.uid !== "string") return;
  const signedInAt = typeof claims.sat === "number" ? claims.sat * 1000 : Date.now();
  // getSessionUser refuses any sign-in older than the maximum age, so the row is needed until then.
  const expiresAt = new Date(signedInAt + SESSION_MAX_AGE_SECONDS * 1000);
  await db.revokedSession.upsert({ where: { sid: claims.sid }, create: { sid: claims.sid, userId: claims.uid, expiresAt }, update: {} });
}
