import "server-only";
import type { Tx } from "@/lib/db";

/**
 * An enterprise's custody account as 联银通's audit reports it (§2.2 R2–R5: AUDIT, BACK,
 * REFUSED and PASSED each come as their own NOTIFY, in any order, possibly before our account
 * row exists). The row is created by the first notice, whichever it is, and its status only
 * moves forward: AUDIT → BACK → PASSED (ACTIVE) | REFUSED. A late AUDIT never hides a BACK, and
 * nothing moves a PASSED or REFUSED account (R4: a refused registration is closed). Without a
 * time in the notices the order of the statuses is the only guide; the inbox processes each
 * status of a request once, so a second AUDIT after a resubmission is not seen anyway.
 */
export type EnterpriseAudit = "AUDIT" | "BACK" | "REFUSED" | "PASSED";

export const ENTERPRISE_AUDITS: readonly EnterpriseAudit[] = ["AUDIT", "BACK", "REFUSED", "PASSED"];

export const isEnterpriseAudit = (v: unknown): v is EnterpriseAudit => typeof v === "string" && (ENTERPRISE_AUDITS as readonly string[]).includes(v);

/** The account status an audit status gives (PASSED: the account is active). */
export const accountStatusOf = (audit: EnterpriseAudit) => (audit === "PASSED" ? "ACTIVE" : audit);

export async function recordEnterpriseAudit(
  tx: Tx,
  a: { platformUserNo: string; audit: EnterpriseAudit; userRole: string; bankcardMasked: string | null; bankcode: string | null; accessType?: string | null },
): Promise<void> {
  const status = accountStatusOf(a.audit);
  const active = status === "ACTIVE";
  await tx.$executeRaw`
    INSERT INTO custody_accounts (platform_user_no, user_type, user_role, status, card_bound, bankcard_masked, bankcode, access_type)
    VALUES (${a.platformUserNo}, 'ENTERPRISE', ${a.userRole}, ${status}, ${active}, ${a.bankcardMasked}, ${a.bankcode}, ${a.accessType ?? null})
    ON CONFLICT (platform_user_no) DO UPDATE SET
      status = EXCLUDED.status,
      card_bound = EXCLUDED.card_bound,
      bankcard_masked = COALESCE(EXCLUDED.bankcard_masked, custody_accounts.bankcard_masked),
      bankcode = COALESCE(EXCLUDED.bankcode, custody_accounts.bankcode),
      access_type = COALESCE(EXCLUDED.access_type, custody_accounts.access_type),
      updated_at = now()
    WHERE (CASE custody_accounts.status WHEN 'AUDIT' THEN 1 WHEN 'BACK' THEN 2 ELSE 3 END)
        < (CASE EXCLUDED.status WHEN 'AUDIT' THEN 1 WHEN 'BACK' THEN 2 ELSE 3 END)`;
}
