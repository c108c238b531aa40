import "server-only";
import { cache } from "react";
import { type DbOrTx, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import type { Role } from "./roles";
import { revokeSession, SESSION_MAX_AGE_SECONDS } from "./session-revocation";

export type SessionUser = { id: string; username: string; displayName: string; role: Role };

/** What the session token carries: user id, session version, session id, signed-in-at (seconds). */
type SessionClaims = { uid?: string; sv?: number; sid?: string; sat?: number };

const getClaims = cache(async (): Promise<SessionClaims | null> => (await auth()) as SessionClaims | null);

/**
 * The signed-in user, checked against the database: a disabled user, a token minted before
 * the user's last password reset / disable (session version), a signed-out session (its id in
 * `revoked_sessions`) or a sign-in older than SESSION_MAX_AGE_SECONDS gets null. Cached per
 * request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getClaims();
  if (!session?.uid || session.sv === undefined || !session.sid) return null;
  if (session.sat !== undefined && Date.now() / 1000 - session.sat > SESSION_MAX_AGE_SECONDS) return null;
  const db = getDb();
  const [user, revoked] = await Promise.all([
    db.user.findUnique({
      where: { id: session.uid },
      select: { id: true, username: true, displayName: true, role: true, disabled: true, sessionVersion: true },
    }),
    db.revokedSession.findUnique({ where: { sid: session.sid }, select: { sid: true } }),
  ]);
  if (!user || user.disabled || user.sessionVersion !== session.sv || revoked) return null;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
});

/** Signs the current request's session out server-side (the cookie is cleared by Auth.js). */
export async function revokeCurrentSession(db: DbOrTx = getDb()) {
  const claims = await getClaims();
  if (claims) await revokeSession(db, claims);
}

export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Not signed in");
  return user;
}

export async function requireRole(roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireSessionUser();
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", `Role ${user.role} may not do this`);
  return user;
}
