import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The custody home card's figures as scalar subqueries for the workbench's one statement
 * (lib/home/queries.ts): total in custody (minus the external account: everything posted in),
 * frozen, projects collecting / repaying, approvals waiting. Amounts are fen.
 */
export function custodyCardSql() {
  return {
    balance: Prisma.sql`(SELECT COALESCE(-balance, 0) FROM ledger_accounts WHERE id = 'EXTERNAL_BANK')`,
    frozen: Prisma.sql`(SELECT COALESCE(SUM(balance), 0) FROM ledger_accounts WHERE bucket = 'FROZEN')`,
    collecting: Prisma.sql`(SELECT CAST(count(*) AS int) FROM custody_projects WHERE status = 'COLLECTING')`,
    repaying: Prisma.sql`(SELECT CAST(count(*) AS int) FROM custody_projects WHERE status = 'REPAYING')`,
    approvals: Prisma.sql`(SELECT CAST(count(*) AS int) FROM custody_approvals WHERE status = 'WAITING' AND expires_at > now())`,
  };
}
