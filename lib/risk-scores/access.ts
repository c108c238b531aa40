import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** design.md §4: analysts and admins score anything; loan officers score for their own orders. */
export const RISK_SCORE_ROLES = ["ADMIN", "RISK_ANALYST", "LOAN_OFFICER"] as const;

export function profileScope(user: SessionUser): Prisma.RiskProfileWhereInput {
  if (user.role === "ADMIN" || user.role === "RISK_ANALYST") return {};
  if (user.role === "LOAN_OFFICER") return { createdById: user.id };
  throw new AppError("FORBIDDEN", `${user.role} may not read risk profiles`);
}

export function requestScope(user: SessionUser): Prisma.RiskScoreRequestWhereInput {
  if (user.role === "ADMIN" || user.role === "RISK_ANALYST") return {};
  if (user.role === "LOAN_OFFICER") return { requestedById: user.id };
  throw new AppError("FORBIDDEN", `${user.role} may not read risk scores`);
}
