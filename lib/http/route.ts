import "server-only";
import { type AuditActor, writeAudit } from "@/lib/audit";
import { recordAnonymousRefusal } from "@/lib/auth/anonymous-refusals";
import { clientIpFrom } from "@/lib/auth/client-ip";
import type { Role } from "@/lib/auth/roles";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, newErrorReference } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { auditWhenStreamEnds } from "./audited-stream";
import { describeError, errorResponse } from "./error-response";
import { readMultipartLimited } from "./multipart";
import { isSameOriginRequest, STATE_CHANGING_METHODS } from "./origin";
import { BodyTooLargeError, ONE_MB, readBodyLimited } from "./read-body";

/**
 * The route-handler chain, mirroring lib/safe-action.ts for what a server action cannot carry
 * (multipart uploads, streamed exports, polling, files): house-style rule 2, issue 7 item 4.
 *
 *   userRoute:  session → role → Origin (state-changing methods) → body within its limit,
 *               streamed → handler → audit (after success; an export when its stream ends)
 *   signedRoute: no session (the handler checks the link's signature) → handler
 *
 * Both answer an `AppError` with its HTTP status and a message in the user's language, and
 * anything else with 500 and a reference id that is logged (never the stack). Refusals are
 * audited like an action's: `denied`, before any input is read; callers without a session are
 * counted per address and minute (lib/auth/anonymous-refusals.ts).
 */

export type RouteAuditRecord = { targetType?: string; targetId?: string; before?: unknown; after?: unknown; detail?: string };

/** Default limit for bodies a route does not declare: small JSON. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

type Segment<P> = { params: Promise<P> };

export type UserRouteContext<P> = {
  request: Request;
  params: P;
  user: SessionUser;
  ip: string;
  requestId: string;
  /** Also the reference id of an unexpected error and the audit row's request id. */
  /** The multipart form, read within `bodyLimit` (only when `body: "multipart"`). */
  form: FormData;
  /** The raw body, read within `bodyLimit` (only when `body: "bytes"`). */
  bytes: Buffer;
  /** What the audit row of a success records (target, before → after, detail). */
  audit: (record: RouteAuditRecord) => void;
};

export type UserRouteOptions = {
  /** Audit action name, e.g. `pretrial.create`. */
  name: string;
  roles: readonly Role[];
  /** `stream`: the handler reads `request.body` itself (large uploads); a declared length over `bodyLimit` is refused first. */
  body?: "none" | "multipart" | "bytes" | "stream";
  /** Bytes, enforced while streaming. */
  bodyLimit?: number;
  /**
   * `success` (default for POST/PUT/PATCH/DELETE): one row after the handler succeeded, one with
   * outcome `error` when it failed; `stream`: when the answer's body has been streamed to the end
   * (or not); `none` (default for GET): reads of masked data, e.g. polling, are not audited.
   */
  audit?: "success" | "stream" | "none";
};

export function userRoute<P = Record<string, never>>(opts: UserRouteOptions, handler: (ctx: UserRouteContext<P>) => Promise<Response>) {
  return async (request: Request, segment?: Segment<P>): Promise<Response> => {
    const requestId = newErrorReference();
    const ip = clientIpFrom(request.headers);
    const changing = STATE_CHANGING_METHODS.has(request.method.toUpperCase());
    const auditMode = opts.audit ?? (changing ? "success" : "none");
    const db = getDb();
    let actor: AuditActor = null;
    const record: RouteAuditRecord = {};
    const audit = (outcome: "ok" | "error" | "denied", detail?: string) =>
      writeAudit(db, { actor, action: opts.name, outcome, ...record, detail, ip, requestId });

    let user: SessionUser;
    try {
      const found = await getSessionUser();
      if (!found) {
        await recordAnonymousRefusal(db, { action: opts.name, ip, detail: "no session" });
        throw new AppError("UNAUTHENTICATED", `No session for ${opts.name}`);
      }
      user = found;
      actor = { id: user.id, name: user.username, role: user.role };
      if (!opts.roles.includes(user.role)) {
        await audit("denied", `role ${user.role}`);
        throw new AppError("FORBIDDEN", `${user.role} may not ${opts.name}`);
      }
      if (changing && !isSameOriginRequest(request, env().appBaseUrl)) {
        await audit("denied", `cross-site request (Origin ${request.headers.get("origin") ?? "missing"})`);
        throw new AppError("FORBIDDEN", `cross-site ${request.method} to ${opts.name}`, { i18n: { key: "originRefused" } });
      }
    } catch (error) {
      return errorResponse(error, { route: opts.name, reference: requestId });
    }
    try {
      const limit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
      if (opts.body === "stream" && Number(request.headers.get("content-length")) > limit) {
        await request.body?.cancel().catch(() => undefined);
        throw new BodyTooLargeError(limit);
      }
      const ctx: UserRouteContext<P> = {
        request,
        params: segment ? await segment.params : ({} as P),
        user,
        ip,
        requestId,
        form: opts.body === "multipart" ? await readMultipartLimited(request, limit) : new FormData(),
        bytes: opts.body === "bytes" ? await readBodyLimited(request, limit) : Buffer.alloc(0),
        audit: (r) => Object.assign(record, r),
      };
      const response = await handler(ctx);
      if (auditMode === "stream") {
        return auditWhenStreamEnds(response, async (end) => {
          if (end.outcome === "error" && end.error) logger.warn({ err: end.error, route: opts.name, reference: requestId }, "stream failed");
          await audit(end.outcome, [record.detail, end.detail].filter(Boolean).join("; ")).catch((err: unknown) =>
            logger.error({ err, route: opts.name, reference: requestId }, "audit of a streamed answer failed"),
          );
        });
      }
      if (auditMode === "success") await audit("ok", record.detail);
      return response;
    } catch (error) {
      if (auditMode !== "none") await audit("error", describeError(error, requestId)).catch(() => undefined);
      return errorResponse(error, { route: opts.name, reference: requestId });
    }
  };
}

export type SignedRouteContext<P> = { request: Request; params: P; ip: string; requestId: string };

/**
 * For URLs handed to vendors (signed, expiring file links): no session and no Origin check,
 * the handler verifies its own signature first; the same error mapping as userRoute.
 */
export function signedRoute<P = Record<string, never>>(opts: { name: string }, handler: (ctx: SignedRouteContext<P>) => Promise<Response>) {
  return async (request: Request, segment?: Segment<P>): Promise<Response> => {
    const requestId = newErrorReference();
    try {
      const params = segment ? await segment.params : ({} as P);
      return await handler({ request, params, ip: clientIpFrom(request.headers), requestId });
    } catch (error) {
      return errorResponse(error, { route: opts.name, reference: requestId });
    }
  };
}

export { ONE_MB };
