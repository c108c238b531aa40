"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { roleActionClient } from "@/lib/safe-action";
import { ZReversalForm } from "@/lib/custody/op-schemas";
import { z } from "@/lib/validation";
import { approveReversal, proposeReversal, rejectReversal, REVERSAL_ROLES, type Person } from "./reversals";

/** Ledger corrections from the console: propose with a reason, a second person approves or rejects. */
const person = (u: { id: string; username: string; role: Person["role"] }): Person => ({ id: u.id, name: u.username, role: u.role });
const id = z.string().regex(/^\d{1,18}$/, "invalid_value");
const reason = z.string().trim().min(1).max(500, "too_big");

export const proposeReversalAction = roleActionClient(REVERSAL_ROLES)
  .metadata({ name: "ledger.proposeReversal" })
  .inputSchema(ZReversalForm)
  .action(async ({ parsedInput: p, ctx }) => {
    const reversalId = await proposeReversal(getDb(), person(ctx.user), BigInt(p.transactionId), p.reason);
    ctx.audit({ targetType: "ledgerTransaction", targetId: p.transactionId, detail: p.reason, after: { reversalId: String(reversalId) } });
    revalidatePath("/custody");
    return { approvalId: String(reversalId) };
  });

export const approveReversalAction = roleActionClient(REVERSAL_ROLES)
  .metadata({ name: "ledger.approveReversal" })
  .inputSchema(z.object({ reversalId: id }))
  .action(async ({ parsedInput: p, ctx }) => {
    const out = await approveReversal(getDb(), person(ctx.user), BigInt(p.reversalId));
    ctx.audit({ targetType: "ledgerReversal", targetId: p.reversalId, after: { transactionId: String(out.transactionId) } });
    revalidatePath("/custody");
    return { transactionId: String(out.transactionId) };
  });

export const rejectReversalAction = roleActionClient(REVERSAL_ROLES)
  .metadata({ name: "ledger.rejectReversal" })
  .inputSchema(z.object({ reversalId: id, reason }))
  .action(async ({ parsedInput: p, ctx }) => {
    await rejectReversal(getDb(), person(ctx.user), BigInt(p.reversalId), p.reason);
    ctx.audit({ targetType: "ledgerReversal", targetId: p.reversalId, detail: p.reason });
    revalidatePath("/custody");
  });
