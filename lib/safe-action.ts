import "server-only";
import { headers } from "next/headers";
import { createSafeActionClient } from "next-safe-action";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { recordAnonymousRefusal } from "@/lib/auth/anonymous-refusals";
import { clientIpFrom } from "@/lib/auth/client-ip";
import type { Role } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, type AppErrorCode, isAppError, newErrorReference } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * The one action chain (house-style rule 2):
 *   actionClient → authActionClient (session) → roleActionClient(roles) → .inputSchema() → audit
 * Every action names itself in metadata; a refusal is written to the audit log before the
 * action body could run; a successful action writes what it recorded in `ctx.audit`.
 */

export type ActionServerError = { code: AppErrorCode | "INTERNAL"; message: string; reference?: string; fieldErrors?: Record<string, string[]> };

const ZMetadata = z.object({ name: z.string().min(3) });

async function translateError(error: AppError): Promise<string> {
  const t = await getTranslations("errors");
  const key = error.i18n?.key ?? error.code;
  return t.has(key) ? t(key, error.i18n?.values) : t(error.code);
}

export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => ZMetadata,
  defaultValidationErrorsShape: "flattened",
  async handleServerError(error, utils): Promise<ActionServerError> {
    if (isAppError(error) && error.code === "VENDOR_CONFIG") {
      // Configuration errors name settings and secrets: the detail is for the log (and admins),
      // the user gets a sentence and a reference to quote.
      const reference = newErrorReference();
      logger.error({ err: error, action: utils.metadata?.name, reference }, "vendor configuration error");
      const t = await getTranslations("errors");
      return { code: error.code, message: t("VENDOR_CONFIG", { reference }), reference };
    }
    if (isAppError(error)) {
      return { code: error.code, message: await translateError(error), fieldErrors: error.fieldErrors };
    }
    const reference = newErrorReference();
    logger.error({ err: error, action: utils.metadata?.name, reference }, "action failed");
    const t = await getTranslations("errors");
    return { code: "INTERNAL", message: t("INTERNAL", { reference }), reference };
  },
});

type AuditRecord = { targetType?: string; targetId?: string; before?: unknown; after?: unknown; detail?: string };

export const authActionClient = actionClient.use(async ({ next, metadata }) => {
  const ip = clientIpFrom(await headers());
  const user = await getSessionUser();
  if (!user) {
    // Counted per address and minute; only the first few of a window are audit rows.
    await recordAnonymousRefusal(getDb(), { action: metadata.name, ip, detail: "no session" });
    throw new AppError("UNAUTHENTICATED", `No session for ${metadata.name}`);
  }
  return next({ ctx: { user, ip } });
});

/** Actions only the listed roles may run; everyone else is refused and the refusal logged. */
export function roleActionClient(roles: readonly Role[]) {
  return authActionClient.use(async ({ next, ctx, metadata }) => {
    const actor = { id: ctx.user.id, name: ctx.user.username, role: ctx.user.role };
    if (!roles.includes(ctx.user.role)) {
      await writeAudit(getDb(), { actor, action: metadata.name, outcome: "denied", detail: `role ${ctx.user.role}`, ip: ctx.ip });
      throw new AppError("FORBIDDEN", `${ctx.user.role} may not run ${metadata.name}`);
    }
    const record: AuditRecord = {};
    const result = await next({ ctx: { audit: (r: AuditRecord) => Object.assign(record, r) } });
    await writeAudit(getDb(), {
      actor,
      action: metadata.name,
      outcome: result.success ? "ok" : "error",
      ...record,
      detail: result.success ? record.detail : describeFailure(result),
      ip: ctx.ip,
    });
    return result;
  });
}

function describeFailure(result: { serverError?: unknown; validationErrors?: unknown }): string {
  if (result.validationErrors) return "invalid input";
  const err = result.serverError as ActionServerError | undefined;
  return err ? `${err.code}${err.reference ? ` ${err.reference}` : ""}` : "failed";
}
