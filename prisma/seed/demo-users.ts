import type { Role } from "@/lib/auth/roles";

/**
 * One synthetic sign-in per role, created on the first sandbox start only and printed by
 * `npm start`. Never created when any vendor runs live.
 */
export const DEMO_USERS: { username: string; displayName: string; role: Role; password: string }[] = [
  { username: "admin", displayName: "系统管理员", role: "ADMIN", password: "Admin-demo-2026" },
  { username: "officer", displayName: "信贷员 王晓", role: "LOAN_OFFICER", password: "Officer-demo-2026" },
  { username: "analyst", displayName: "风控分析师 陈宁", role: "RISK_ANALYST", password: "Analyst-demo-2026" },
  { username: "finance", displayName: "财务 刘洋", role: "FINANCE", password: "Finance-demo-2026" },
];
