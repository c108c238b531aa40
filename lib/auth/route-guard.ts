import "server-only";
import { writeAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { clientIpFrom } from "./client-ip";
import type { Role } from "./roles";
import { getSessionUser, type SessionUser } from "./session";

/**
 * For route handlers that users call (uploads, exports): the session user with one of the
 * roles, or the refusal to send back — 401 without a session, 403 with the wrong role —
 * written to the audit log like an action's refusal.
 */
export async function guardRoute(request: Request, roles: readonly Role[], action: string): Promise<{ user: SessionUser; ip: string } | { response: Response }> {
  const ip = clientIpFrom(request.headers);
  const user = await getSessionUser();
  if (user && roles.includes(user.role)) return { user, ip };
  await writeAudit(getDb(), {
    actor: user ? { id: user.id, name: user.username, role: user.role } : null,
    action,
    outcome: "denied",
    detail: user ? `role ${user.role}` : "no session",
    ip,
  });
  return { response: Response.json({ error: user ? "FORBIDDEN" : "UNAUTHENTICATED" }, { status: user ? 403 : 401 }) };
}
