"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { roleActionClient } from "@/lib/safe-action";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";
import { APPROVAL_ROLES, rejectRequest, type Person } from "./approvals/approvals";
import { lanmaoPort } from "./lanmao-port";
import { PROJECT_STATUSES } from "./list-params";
import { approveAndSend, proposeDirect } from "./service";

const ZApprovalId = z.object({ approvalId: z.string().regex(/^\d{1,18}$/) });
const person = (u: { id: string; username: string; role: Person["role"] }): Person => ({ id: u.id, name: u.username, role: u.role });

/** The checker's approval: the request is logged and sent to 联银通 (maker ≠ checker). */
export const approveCustodyRequestAction = roleActionClient(APPROVAL_ROLES)
  .metadata({ name: "custody.approve" })
  .inputSchema(ZApprovalId)
  .action(async ({ parsedInput, ctx }) => {
    const outcome = await approveAndSend(getDb(), lanmaoPort(), person(ctx.user), BigInt(parsedInput.approvalId));
    ctx.audit({ targetType: "custodyApproval", targetId: parsedInput.approvalId, after: outcome });
    revalidatePath("/custody");
    revalidatePath("/projects");
    return outcome;
  });

export const rejectCustodyRequestAction = roleActionClient(APPROVAL_ROLES)
  .metadata({ name: "custody.reject" })
  .inputSchema(ZApprovalId.extend({ reason: z.string().trim().min(1).max(500) }))
  .action(async ({ parsedInput, ctx }) => {
    await rejectRequest(getDb(), person(ctx.user), BigInt(parsedInput.approvalId), parsedInput.reason);
    ctx.audit({ targetType: "custodyApproval", targetId: parsedInput.approvalId, detail: parsedInput.reason });
    revalidatePath("/custody");
  });

/** A project status change (§2.11), proposed for a second finance user's approval. */
export const proposeProjectStatusAction = roleActionClient(APPROVAL_ROLES)
  .metadata({ name: "custody.proposeProjectStatus" })
  .inputSchema(z.object({ projectNo: z.string().trim().min(1).max(50), status: z.enum(PROJECT_STATUSES) }))
  .action(async ({ parsedInput, ctx }) => {
    const config = lanmaoConfig();
    const id = await proposeDirect(getDb(), config, person(ctx.user), "MODIFY_PROJECT", { projectNo: parsedInput.projectNo, status: parsedInput.status });
    ctx.audit({ targetType: "custodyProject", targetId: parsedInput.projectNo, after: { status: parsedInput.status, approvalId: String(id) } });
    revalidatePath(`/projects/${parsedInput.projectNo}`);
    revalidatePath("/custody");
    return { approvalId: String(id) };
  });
