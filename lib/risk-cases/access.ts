import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** design.md §4: risk cases are the analysts' desk; admins see and do everything too. */
export const RISK_CASE_ROLES = ["ADMIN", "RISK_ANALYST"] as const;

/** Every query checks the role itself (deny by default), not only the page guard. */
export function assertRiskCaseReader(user: SessionUser): void {
  if (!(RISK_CASE_ROLES as readonly string[]).includes(user.role)) throw new AppError("FORBIDDEN", `${user.role} may not read risk cases`);
}
