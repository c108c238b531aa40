import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import type { Role } from "./roles";

export type SessionUser = { id: string; username: string; displayName: string; role: Role };

/**
 * The signed-in user, checked against the database: a disabled user, or a token minted
 * before the user's last password reset / disable (session version), gets null. Cached per
 * request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { uid?: string; sv?: number } | null;
  if (!session?.uid || session.sv === undefined) return null;
  const user = await getDb().user.findUnique({
    where: { id: session.uid },
    select: { id: true, username: true, displayName: true, role: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== session.sv) return null;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
});

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
