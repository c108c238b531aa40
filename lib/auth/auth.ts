import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createAuthLogger } from "./auth-logger";
import { clientIpFrom } from "./client-ip";
import { type SignInFailure, verifySignIn, ZSignInInput } from "./credentials";
import type { Role } from "./roles";
import { revokeSession, SESSION_MAX_AGE_SECONDS } from "./session-revocation";

/** Carries why a sign-in failed to the login action (the code never names a user). */
export class SignInRefused extends CredentialsSignin {
  retryAfterSeconds?: number;
  constructor(reason: SignInFailure, retryAfterSeconds?: number) {
    super(reason);
    this.code = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
    username?: string;
  }
}

/**
 * Auth.js v5, credentials only, JWT sessions. The token carries the user id and the
 * session version; `getSessionUser` (session.ts) checks both against the database on every
 * request, which is what makes disable / password reset end sessions immediately.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  // Refused sign-ins are expected and recorded in login_attempts; undecodable cookies are
  // counted, not logged with a stack each; only real faults are logged in full.
  logger: createAuthLogger(logger),
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = ZSignInInput.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await verifySignIn(getDb(), parsed.data, clientIpFrom(request.headers));
        if (!result.ok) throw new SignInRefused(result.reason, result.retryAfterSeconds);
        const u = result.user;
        return { id: u.id, name: u.displayName, username: u.username, role: u.role, sessionVersion: u.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
        // One id per sign-in, so sign-out can end this session and no other (session.ts).
        token.sid = randomUUID();
        token.sat = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined, sv: token.sv as number | undefined, sid: token.sid as string | undefined, sat: token.sat as number | undefined };
    },
  },
  events: {
    // Every way out (the sign-out action, POST /api/auth/signout) ends the session server-side.
    async signOut(message) {
      if ("token" in message && message.token) await revokeSession(getDb(), message.token as Record<string, unknown>);
    },
  },
}));
