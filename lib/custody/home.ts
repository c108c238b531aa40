import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { cappedCountSql } from "@/lib/list/keyset";

/**
 * The custody home card's figures as scalar subqueries for the workbench's one statement
 * (lib/home/queries.ts): total in custody (minus the external account: everything posted in),
 * frozen, approvals waiting. Amounts are fen.
 */
export function custodyCardSql() {
  return {
    balance: Prisma.sql`(SELECT COALESCE(-balance, 0) FROM ledger_accounts WHERE id = 'EXTERNAL_BANK')`,
    frozen: Prisma.sql`(SELECT COALESCE(SUM(balance), 0) FROM ledger_accounts WHERE bucket = 'FROZEN')`,
    approvals: Prisma.sql`(SELECT CAST(count(*) AS int) FROM custody_approvals WHERE status = 'WAITING' AND expires_at > now())`,
  };
}

/** The projects card: how many collect, how many repay. */
export function projectsCardSql() {
  return {
    collecting: Prisma.sql`(SELECT CAST(count(*) AS int) FROM custody_projects WHERE status = 'COLLECTING')`,
    repaying: Prisma.sql`(SELECT CAST(count(*) AS int) FROM custody_projects WHERE status = 'REPAYING')`,
  };
}

/** The workbench to-do: approvals a finance user may decide (the custody page lists the same ones). */
export function approvalsWaitingCountSql() {
  return cappedCountSql(Prisma.sql`custody_approvals a`, [Prisma.sql`a.status = 'WAITING'`, Prisma.sql`a.expires_at > now()`]);
}
