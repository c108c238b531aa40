"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors";
import { MoneyParseError, parseYuan } from "@/lib/money";
import { roleActionClient } from "@/lib/safe-action";
import { queryLanmaoTransaction } from "@/lib/vendors/lanmao/client";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";
import type { TRANSACTION_RECORDS } from "@/lib/vendors/lanmao/schemas/answers";
import { reconConfig } from "./config";
import { reconcileDay } from "./day";
import { RECON_ROLES } from "./queries";
import { decideAdjustment, proposeAdjustment } from "./adjust";
import { refreshException } from "./refresh";
import { CheckFileDownloadError } from "./vendor/download";
import { sendClosingCall } from "./vendor/send-close";
import { closeCallAppError, workflowAppError } from "./refusal-errors";
import { closeDay, explainException, reopenDay, ReconWorkflowError, type Actor } from "./workflow";

const ZFileDate = z.string().regex(/^\d{8}$/);
const ZRunId = z.string().regex(/^\d{1,18}$/);

function actorOf(user: { id: string; displayName: string; role: Actor["role"] }): Actor {
  return { id: user.id, name: user.displayName, role: user.role };
}

/** Workflow refusals → AppErrors with their own translated message (refusals.ts). */
function asAppError(error: unknown): unknown {
  if (error instanceof ReconWorkflowError) return workflowAppError(error);
  if (error instanceof CheckFileDownloadError) {
    return error.reason === "network" || error.reason === "http" || error.reason === "not_ready"
      ? new AppError("VENDOR_UNAVAILABLE", error.message)
      : new AppError("VENDOR_REJECTED", error.message, { i18n: { key: "VENDOR_REJECTED", values: { reason: error.code ?? error.reason } } });
  }
  return error;
}

/** A manual run of any date (dry run possible): downloads the seven files and matches. */
export const startReconRunAction = roleActionClient(RECON_ROLES)
  .metadata({ name: "reconciliation.run" })
  .inputSchema(z.object({ fileDate: ZFileDate, dryRun: z.boolean().default(false), toleranceFen: z.coerce.number().int().min(0).max(100_000).default(0) }))
  .action(async ({ parsedInput, ctx }) => {
    const out = await reconcileDay(getPool(), lanmaoConfig(), { ...parsedInput, startedBy: ctx.user.id }).catch((e: unknown) => {
      throw asAppError(e);
    });
    if (out.outcome === "not_ready") throw new AppError("VENDOR_UNAVAILABLE", out.detail);
    const r = out.result;
    ctx.audit({ targetType: "recon_run", targetId: r.runId ?? undefined, after: { fileDate: parsedInput.fileDate, dryRun: parsedInput.dryRun, outcome: r.outcome } });
    revalidatePath("/reconciliation");
    if (r.outcome === "failed") return { outcome: "failed" as const, runId: r.runId, problem: r.error.problem, fileType: r.error.fileType, line: r.error.line, column: r.error.column };
    if (r.outcome === "reused") return { outcome: "reused" as const, runId: r.runId };
    return { outcome: "matched" as const, runId: r.dryRun ? null : r.runId, summary: r.summary };
  });

export const explainExceptionAction = roleActionClient(RECON_ROLES)
  .metadata({ name: "reconciliation.explain" })
  .inputSchema(z.object({ lineId: ZRunId, runId: ZRunId, note: z.string().trim().min(1).max(1000) }))
  .action(async ({ parsedInput, ctx }) => {
    await explainException(getPool(), actorOf(ctx.user), parsedInput.lineId, parsedInput.note).catch((e: unknown) => {
      throw asAppError(e);
    });
    revalidatePath(`/reconciliation/${parsedInput.runId}`);
    return { ok: true };
  });

/** Closes the day by the configured call (RECON_CLOSE_MODE): CONFIRM_CHECKFILE per kept file (厦门银行) or UPLOAD_CHECKFILE of all (中信银行); or an ADMIN override. */
export const closeDayAction = roleActionClient(RECON_ROLES)
  .metadata({ name: "reconciliation.close" })
  .inputSchema(z.object({ runId: ZRunId, override: z.object({ reason: z.string().trim().min(1).max(500), send: z.boolean() }).optional() }))
  .action(async ({ parsedInput, ctx }) => {
    const pool = getPool();
    const endpoint = lanmaoConfig();
    const mode = reconConfig().closeMode;
    const send = () =>
      sendClosingCall(pool, endpoint, parsedInput.runId, mode).catch((e: unknown) => {
        throw closeCallAppError(e) ?? e;
      });
    const out = await closeDay(pool, actorOf(ctx.user), parsedInput.runId, { mode, send, override: parsedInput.override }).catch((e: unknown) => {
      throw asAppError(e);
    });
    revalidatePath(`/reconciliation/${parsedInput.runId}`);
    revalidatePath("/reconciliation");
    return out;
  });

export const reopenDayAction = roleActionClient(RECON_ROLES)
  .metadata({ name: "reconciliation.reopen" })
  .inputSchema(z.object({ runId: ZRunId, reason: z.string().trim().min(1).max(500) }))
  .action(async ({ parsedInput, ctx }) => {
    await reopenDay(getPool(), actorOf(ctx.user), parsedInput.runId, parsedInput.reason).catch((e: unknown) => {
      throw asAppError(e);
    });
    revalidatePath(`/reconciliation/${parsedInput.runId}`);
    return { ok: true };
  });

/** Asks 联银通 (QUERY_TRANSACTION) about an open exception; resolves it when both sides now agree. */
export const refreshExceptionAction = roleActionClient(RECON_ROLES)
  .metadata({ name: "reconciliation.refresh" })
  .inputSchema(z.object({ lineId: ZRunId, runId: ZRunId }))
  .action(async ({ parsedInput, ctx }) => {
    const endpoint = lanmaoConfig();
    const out = await refreshException(getPool(), actorOf(ctx.user), parsedInput.lineId, async (requestNo, type) => {
      const { data } = await queryLanmaoTransaction(endpoint, requestNo, type as keyof typeof TRANSACTION_RECORDS);
      const d = data as { status?: string; amount?: number; fee?: number; commission?: number };
      return { status: String(d.status ?? ""), amount: d.amount ?? null, fee: d.fee ?? d.commission ?? null };
    }).catch((e: unknown) => {
      throw asAppError(e);
    });
    revalidatePath(`/reconciliation/${parsedInput.runId}`);
    return { resolved: out.resolved };
  });

/** Proposes an adjusting posting for an open exception; a second finance user decides. */
export const proposeAdjustmentAction = roleActionClient(RECON_ROLES)
  .metadata({ name: "reconciliation.adjustPropose" })
  .inputSchema(
    z.object({
      runId: ZRunId,
      lineId: ZRunId,
      owner: z.string().trim().min(1).max(50),
      bucket: z.enum(["AVAILABLE", "FROZEN"]),
      amountYuan: z.string().trim().min(1).max(20),
      memo: z.string().trim().min(1).max(500),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    let amount: number;
    try {
      amount = parseYuan(parsedInput.amountYuan);
    } catch (e) {
      if (e instanceof MoneyParseError) throw new AppError("VALIDATION", e.message, { fieldErrors: { amountYuan: ["amount"] } });
      throw e;
    }
    const id = await proposeAdjustment(getPool(), actorOf(ctx.user), { lineId: parsedInput.lineId, owner: parsedInput.owner, bucket: parsedInput.bucket, amount, memo: parsedInput.memo }).catch((e: unknown) => {
      throw asAppError(e);
    });
    revalidatePath(`/reconciliation/${parsedInput.runId}`);
    return { adjustmentId: id };
  });

export const decideAdjustmentAction = roleActionClient(RECON_ROLES)
  .metadata({ name: "reconciliation.adjustDecide" })
  .inputSchema(z.object({ runId: ZRunId, adjustmentId: ZRunId, decision: z.enum(["APPROVE", "REJECT"]) }))
  .action(async ({ parsedInput, ctx }) => {
    const out = await decideAdjustment(getPool(), actorOf(ctx.user), parsedInput.adjustmentId, parsedInput.decision).catch((e: unknown) => {
      throw asAppError(e);
    });
    revalidatePath(`/reconciliation/${parsedInput.runId}`);
    return { posted: out.ledgerTransactionId !== null };
  });
