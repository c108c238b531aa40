import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who may create and act on orders (design.md §4). Analysts read. */
export const PRETRIAL_WRITE_ROLES = ["ADMIN", "LOAN_OFFICER"] as const;
export const PRETRIAL_READ_ROLES = ["ADMIN", "LOAN_OFFICER", "RISK_ANALYST"] as const;

/** Row-level scope: a loan officer sees their own orders; admins and analysts see all. */
export function orderScope(user: SessionUser): Prisma.PretrialOrderWhereInput {
  if (user.role === "LOAN_OFFICER") return { officerId: user.id };
  if (user.role === "ADMIN" || user.role === "RISK_ANALYST") return {};
  throw new AppError("FORBIDDEN", `${user.role} may not read pretrial orders`);
}
