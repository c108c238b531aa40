/**
 * Auth.js's logger, quiet about what callers cause. A refused sign-in is expected (recorded in
 * login_attempts). A session cookie that does not decrypt (expired secret, tampering, a bot) is
 * something anyone can send on every request: logged at most once a minute per process, without
 * a stack, saying how many were seen (issue 8, security 10). Other errors are logged in full.
 */
type Sink = { error(fields: Record<string, unknown>, msg: string): void; warn(fields: Record<string, unknown>, msg: string): void };

const CALLER_ERRORS = new Set(["JWTSessionError", "SessionTokenError"]);

export function createAuthLogger(log: Sink, opts: { windowMs?: number; now?: () => number } = {}) {
  const windowMs = opts.windowMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let windowStart = -Infinity;
  let unreported = 0;
  return {
    error(error: Error) {
      if (error.name === "CredentialsSignin") return;
      if (CALLER_ERRORS.has(error.name)) {
        unreported++;
        if (now() - windowStart < windowMs) return;
        windowStart = now();
        log.warn({ kind: error.name, count: unreported }, "undecodable session cookies (no session); counted, logged once a minute");
        unreported = 0;
        return;
      }
      log.error({ err: error }, "auth error");
    },
    warn(code: string) {
      log.warn({ code }, "auth warning");
    },
    debug() {},
  };
}
