import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { clientIpFrom } from "./client-ip";
import { type SignInFailure, verifySignIn, ZSignInInput } from "./credentials";
import type { Role } from "./roles";

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
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  // Refused sign-ins are expected and recorded in login_attempts; only real faults are logged.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
    debug() {},
  },
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
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined, sv: token.sv as number | undefined };
    },
  },
}));
