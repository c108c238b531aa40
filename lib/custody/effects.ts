import "server-only";
import type { Tx } from "@/lib/db";
import { fromLanmaoAmount } from "@/lib/vendors/lanmao/amount";
import type { LanmaoServiceName } from "@/lib/vendors/lanmao/services";
import { isEnterpriseAudit, recordEnterpriseAudit } from "./enterprise-status";
import { checkStatusChange, type ProjectStatus } from "./projects/rules";

/**
 * What a confirmed request changes in the custody area besides the ledger: projects (created,
 * status and amount changes, lent / repaid / commission figures) and accounts (registered,
 * card bound or unbound). Runs inside settleSuccess, once per request. `reqData` is the request
 * as sent (wire amounts in yuan), `answer` what custody said (NOTIFY respData or direct answer).
 */
type Json = Record<string, unknown>;

const fen = (v: unknown) => (v === undefined || v === null || v === "" ? 0 : fromLanmaoAmount(v as string | number));
const str = (v: unknown) => (v === undefined || v === null ? null : String(v));
const details = (r: Json) => (Array.isArray(r.details) ? (r.details as Json[]) : []);

export async function applyCustodyEffects(tx: Tx, service: LanmaoServiceName, req: Json, answer: Json): Promise<void> {
  switch (service) {
    case "ESTABLISH_PROJECT":
      await tx.$executeRaw`INSERT INTO custody_projects (project_no, borrower, name, project_type, annual_rate, repayment_way, amount, status)
        VALUES (${String(req.projectNo)}, ${String(req.platformUserNo)}, ${String(req.projectName)}, ${String(req.projectType)},
          ${String(req.annnualInterestRate)}, ${String(req.repaymentWay)}, ${BigInt(fen(req.projectAmount))}, 'COLLECTING')
        ON CONFLICT (project_no) DO NOTHING`;
      return;
    case "MODIFY_PROJECT": {
      // A late or repeated confirmation never moves a project backwards: only what the rules
      // allow from the state it is in now is applied (the table's trigger refuses the rest).
      const rows = await tx.$queryRaw<{ status: ProjectStatus }[]>`SELECT status FROM custody_projects WHERE project_no = ${String(req.projectNo)} FOR UPDATE`;
      const current = rows[0]?.status;
      if (!current) return;
      const to = str(req.status) as ProjectStatus | null;
      const status = to && !checkStatusChange(current, to) ? to : current;
      const amount = req.projectAmount !== undefined && current === "COLLECTING" ? BigInt(fen(req.projectAmount)) : null;
      await tx.$executeRaw`UPDATE custody_projects SET status = ${status}, amount = COALESCE(${amount}, amount), updated_at = now()
        WHERE project_no = ${String(req.projectNo)}`;
      return;
    }
    case "CONFIRM_LOAN": {
      const lent = details(req).reduce((a, d) => a + fen(d.amount), 0);
      await tx.$executeRaw`UPDATE custody_projects SET lent = lent + ${BigInt(lent)}, commission = commission + ${BigInt(fen(req.commission))}, updated_at = now()
        WHERE project_no = ${String(req.projectNo)}`;
      return;
    }
    case "CONFIRM_REPAYMENT":
    case "CONFIRM_COMPENSATORY": {
      const principal = details(req).reduce((a, d) => a + fen(d.amount), 0);
      const interest = details(req).reduce((a, d) => a + fen(d.income), 0);
      await tx.$executeRaw`UPDATE custody_projects SET repaid_principal = repaid_principal + ${BigInt(principal)},
          repaid_interest = repaid_interest + ${BigInt(interest)}, commission = commission + ${BigInt(fen(req.commission))}, updated_at = now()
        WHERE project_no = ${String(req.projectNo)}`;
      return;
    }
    case "CONFIRM_DEBENTURE_TRANSFER":
      await tx.$executeRaw`UPDATE custody_projects SET commission = commission + ${BigInt(fen(req.commission))}, updated_at = now()
        WHERE project_no = ${String(req.projectNo)}`;
      return;
    case "PERSONAL_REGISTER":
      // A person is active at once.
      await tx.$executeRaw`INSERT INTO custody_accounts (platform_user_no, user_type, user_role, status, card_bound, bankcard_masked, bankcode, access_type)
        VALUES (${String(req.platformUserNo)}, 'PERSON', ${String(req.userRole ?? answer.userRole ?? "NORMAL")}, 'ACTIVE', true,
          ${str(answer.bankcardNo)}, ${str(answer.bankcode ?? req.bankcode)}, ${str(answer.accessType)})
        ON CONFLICT (platform_user_no) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`;
      return;
    case "ENTERPRISE_REGISTER":
      // Settled by the PASSED notice, or by QUERY_TRANSACTION (whose record may carry no audit
      // status: taken as AUDIT, which never moves a later status back — enterprise-status.ts).
      await recordEnterpriseAudit(tx, {
        platformUserNo: String(req.platformUserNo),
        audit: isEnterpriseAudit(answer.status) ? answer.status : "AUDIT",
        userRole: String(req.userRole ?? answer.userRole ?? "NORMAL"),
        bankcardMasked: str(answer.bankcardNo),
        bankcode: str(answer.bankcode ?? req.bankcode),
        accessType: str(answer.accessType),
      });
      return;
    case "PERSONAL_BIND_BANKCARD":
    case "ENTERPRISE_BIND_BANKCARD":
      await tx.$executeRaw`UPDATE custody_accounts SET card_bound = true, bankcard_masked = ${str(answer.bankcardNo)},
          bankcode = ${str(answer.bankcode ?? req.bankcode)}, updated_at = now() WHERE platform_user_no = ${String(req.platformUserNo)}`;
      return;
    case "UNBIND_BANKCARD":
      await tx.$executeRaw`UPDATE custody_accounts SET card_bound = false, bankcard_masked = NULL, bankcode = NULL, updated_at = now()
        WHERE platform_user_no = ${String(req.platformUserNo)}`;
      return;
    default:
      return;
  }
}

