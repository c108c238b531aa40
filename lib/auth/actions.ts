"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { actionClient, authActionClient } from "@/lib/safe-action";
import { SignInRefused, signIn, signOut } from "./auth";
import { ZSignInInput } from "./credentials";
import { safeNextPath } from "./redirect";
import { revokeCurrentSession } from "./session";
import { env } from "@/lib/env";
import { clientIpFrom } from "./client-ip";
import { writeAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { z } from "zod";

export type SignInFeedback = { reason: "invalid" | "disabled" | "throttled"; retryAfterMinutes?: number };

/** Signs in; on refusal answers why in a way that never tells which usernames exist. */
export const signInAction = actionClient
  .metadata({ name: "auth.signIn" })
  .inputSchema(ZSignInInput.extend({ next: z.string().optional() }))
  .action(async ({ parsedInput }): Promise<SignInFeedback | undefined> => {
    try {
      await signIn("credentials", { username: parsedInput.username, password: parsedInput.password, redirect: false });
    } catch (error) {
      if (error instanceof SignInRefused) {
        const reason = error.code as SignInFeedback["reason"];
        return { reason, retryAfterMinutes: error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : undefined };
      }
      if (error instanceof AuthError) return { reason: "invalid" };
      throw error;
    }
    // Only same-origin paths: an open redirect after sign-in would be a phishing aid.
    redirect(safeNextPath(parsedInput.next, env().appBaseUrl));
  });

export const signOutAction = authActionClient.metadata({ name: "auth.signOut" }).action(async ({ ctx }) => {
  await writeAudit(getDb(), {
    actor: { id: ctx.user.id, name: ctx.user.username, role: ctx.user.role },
    action: "auth.signOut",
    outcome: "ok",
    ip: clientIpFrom(await headers()),
  });
  // Server-side first: the cookie a browser may still hold (or an attacker copied) opens nothing.
  await revokeCurrentSession();
  await signOut({ redirect: false });
  redirect("/login");
});

