"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { roleActionClient } from "@/lib/safe-action";
import { parseMoveAmount } from "@/lib/vendors/lanmao/amount";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";
import { REPAYMENT_WAYS, type LanmaoRepaymentWay } from "@/lib/vendors/lanmao/enums";
import { APPROVAL_ROLES, type Person } from "./approvals/approvals";
import { customerLink } from "./customer-link";
import { lanmaoPort } from "./lanmao-port";
import { repaymentSplit } from "./repayment-split";
import { establishProject, proposeDirect, startGateway } from "./service";

/**
 * The operations finance starts from the console. Amounts arrive as yuan text and become fen
 * here (three decimals, zero and negative refused with the field named); the service checks
 * the document's rules and either hands back a gateway request (opened at
 * /api/custody/gateway/<requestNo>), sends, or proposes for a second finance user's approval.
 */
const person = (u: { id: string; username: string; role: Person["role"] }): Person => ({ id: u.id, name: u.username, role: u.role });
const no = z.string().trim().min(1).max(50);
const yuan = z.string().trim().min(1).max(20);

function fen(field: string, text: string): number {
  try {
    return parseMoveAmount(text, field);
  } catch {
    throw new AppError("VALIDATION", `${field} is not a positive yuan amount with at most two decimals`, { fieldErrors: { [field]: ["amount"] } });
  }
}
const endpoint = () => lanmaoConfig();

/** Customer steps at 联银通 (gateway): registration, recharge, withdrawal, pre-transactions. */
export const startGatewayAction = roleActionClient(APPROVAL_ROLES)
  .metadata({ name: "custody.startGateway" })
  .inputSchema(
    z.discriminatedUnion("service", [
      z.object({ service: z.literal("PERSONAL_REGISTER"), platformUserNo: no, realName: z.string().trim().min(1).max(50), idCardNo: no, mobile: no, bankcardNo: no }),
      z.object({ service: z.literal("RECHARGE"), platformUserNo: no, amount: yuan, bankcode: z.string().trim().length(4) }),
      z.object({ service: z.literal("WITHDRAW"), platformUserNo: no, amount: yuan }),
      z.object({ service: z.literal("USER_PRE_TRANSACTION"), platformUserNo: no, amount: yuan, projectNo: no, bizType: z.enum(["TENDER", "REPAYMENT", "CREDIT_ASSIGNMENT", "COMPENSATORY"]) }),
    ]),
  )
  .action(async ({ parsedInput: p, ctx }) => {
    const db = getDb();
    const who = { id: ctx.user.id };
    const prepared =
      p.service === "PERSONAL_REGISTER"
        ? await startGateway(db, endpoint(), who, "PERSONAL_REGISTER", { platformUserNo: p.platformUserNo, realName: p.realName, idCardNo: p.idCardNo, mobile: p.mobile, bankcardNo: p.bankcardNo })
        : p.service === "RECHARGE"
          ? await startGateway(db, endpoint(), who, "RECHARGE", { platformUserNo: p.platformUserNo, amount: fen("amount", p.amount), rechargeWay: "NETBANK_B2C", bankcode: p.bankcode })
          : p.service === "WITHDRAW"
            ? await startGateway(db, endpoint(), who, "WITHDRAW", { platformUserNo: p.platformUserNo, amount: fen("amount", p.amount) })
            : await startGateway(db, endpoint(), who, "USER_PRE_TRANSACTION", { platformUserNo: p.platformUserNo, amount: fen("amount", p.amount), projectNo: p.projectNo, bizType: p.bizType });
    // No personal data in the audit row: the service, the user number and the request number.
    ctx.audit({ targetType: "custodyRequest", targetId: prepared.requestNo, after: { service: p.service, platformUserNo: p.platformUserNo } });
    revalidatePath("/custody/transactions");
    return { requestNo: prepared.requestNo, href: `/api/custody/gateway/${encodeURIComponent(prepared.requestNo)}`, link: await customerLink(prepared.requestNo) };
  });

export const establishProjectAction = roleActionClient(APPROVAL_ROLES)
  .metadata({ name: "custody.establishProject" })
  .inputSchema(
    z.object({
      projectNo: no,
      borrower: no,
      amount: yuan,
      name: z.string().trim().min(1).max(50),
      annualRate: z.string().trim().regex(/^\d+(\.\d{1,7})?$/),
      repaymentWay: z.enum(Object.keys(REPAYMENT_WAYS) as [LanmaoRepaymentWay, ...LanmaoRepaymentWay[]]),
    }),
  )
  .action(async ({ parsedInput: p, ctx }) => {
    const outcome = await establishProject(getDb(), endpoint(), lanmaoPort(), { id: ctx.user.id }, {
      platformUserNo: p.borrower,
      projectNo: p.projectNo,
      projectAmount: fen("amount", p.amount),
      projectName: p.name,
      annnualInterestRate: p.annualRate,
      repaymentWay: p.repaymentWay,
    });
    ctx.audit({ targetType: "custodyProject", targetId: p.projectNo, after: outcome });
    revalidatePath("/projects");
    return outcome;
  });

/** CONFIRM_LOAN over the project's open tender holds (each in full), proposed for approval. */
export const proposeConfirmLoanAction = roleActionClient(APPROVAL_ROLES)
  .metadata({ name: "custody.proposeConfirmLoan" })
  .inputSchema(z.object({ projectNo: no, commission: z.string().trim().max(20).default("0") }))
  .action(async ({ parsedInput: p, ctx }) => {
    const db = getDb();
    const holds = await db.ledgerHold.findMany({ where: { projectNo: p.projectNo, bizType: "TENDER" }, orderBy: { openedAt: "asc" } });
    const details = holds.filter((h) => h.amount > h.released).map((h) => ({ preTransactionNo: h.holdNo, amount: Number(h.amount - h.released) }));
    if (!details.length) throw new AppError("INVALID_STATE", "no open tender on this project", { i18n: { key: "custody.holdMissing", values: { holdNo: p.projectNo } } });
    const commission = p.commission === "0" || p.commission === "" ? 0 : fen("commission", p.commission);
    const id = await proposeDirect(db, endpoint(), person(ctx.user), "CONFIRM_LOAN", { projectNo: p.projectNo, commission, details });
    ctx.audit({ targetType: "custodyProject", targetId: p.projectNo, after: { approvalId: String(id), details: details.length, commission } });
    revalidatePath("/custody");
    return { approvalId: String(id) };
  });

/**
 * CONFIRM_REPAYMENT from a repayment hold: each investor's outstanding principal back, the
 * interest as given in total split the same way, the commission the rest of the hold — so
 * details + commission equal the frozen amount (§2.16 R5; lib/custody/repayment-split.ts).
 */
export const proposeConfirmRepaymentAction = roleActionClient(APPROVAL_ROLES)
  .metadata({ name: "custody.proposeConfirmRepayment" })
  .inputSchema(z.object({ projectNo: no, preTransactionNo: no, interest: yuan }))
  .action(async ({ parsedInput: p, ctx }) => {
    const db = getDb();
    const { details, commission } = await repaymentSplit(db, p.projectNo, p.preTransactionNo, fen("interest", p.interest));
    const id = await proposeDirect(db, endpoint(), person(ctx.user), "CONFIRM_REPAYMENT", { projectNo: p.projectNo, preTransactionNo: p.preTransactionNo, commission, details }, { completeRepayment: true });
    ctx.audit({ targetType: "custodyProject", targetId: p.projectNo, after: { approvalId: String(id), commission } });
    revalidatePath("/custody");
    return { approvalId: String(id) };
  });
