import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { claimLoginAttempt, settleLoginAttempt } from "./throttle";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { Role } from "./roles";

export const ZSignInInput = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export type SignInFailure = "invalid" | "disabled" | "throttled";
export type SignInResult =
  | { ok: true; user: { id: string; username: string; displayName: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: SignInFailure; retryAfterSeconds?: number };

/**
 * Checks a sign-in. Unknown user and wrong password give the same answer and take the same
 * time; "disabled" is told only to someone who knows the password, so neither reveals which
 * accounts exist.
 */
export async function verifySignIn(db: Db, input: TSignInInput, ip: string): Promise<SignInResult> {
  const { verdict: throttle, attemptId } = await claimLoginAttempt(db, input.username, ip);
  if (!throttle.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  const user = await db.user.findUnique({ where: { username: input.username } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !passwordOk) {
    await settleLoginAttempt(db, attemptId, { success: false, reason: user ? "bad-password" : "unknown-user" });
    return { ok: false, reason: "invalid" };
  }
  if (user.disabled) {
    await settleLoginAttempt(db, attemptId, { success: false, reason: "disabled" });
    return { ok: false, reason: "disabled" };
  }
  await settleLoginAttempt(db, attemptId, { success: true, reason: "ok" });
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await writeAudit(db, {
    actor: { id: user.id, name: user.username, role: user.role },
    action: "auth.signIn",
    outcome: "ok",
    targetType: "user",
    targetId: user.id,
    ip,
  });
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, sessionVersion: user.sessionVersion },
  };
}
