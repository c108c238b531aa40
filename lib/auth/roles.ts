/**
 * Roles and what each may see (design.md §4). Deny by default: an area or action not listed
 * for a role is refused. Pages, actions, route handlers and queries all check these lists;
 * the proxy redirect is only a convenience.
 */
export const ROLES = ["ADMIN", "LOAN_OFFICER", "RISK_ANALYST", "FINANCE"] as const;
export type Role = (typeof ROLES)[number];

export const AREAS = [
  "pretrial",
  "capital",
  "risk-scores",
  "risk-cases",
  "credit-reports",
  "custody",
  "projects",
  "reconciliation",
  "inbox",
  "audit",
  "users",
] as const;
export type Area = (typeof AREAS)[number];

/** Who may open each area (read). Writes inside an area name their roles on the action. */
export const AREA_ROLES: Record<Area, readonly Role[]> = {
  pretrial: ["ADMIN", "LOAN_OFFICER", "RISK_ANALYST"],
  capital: ["ADMIN", "LOAN_OFFICER", "RISK_ANALYST"],
  "risk-scores": ["ADMIN", "LOAN_OFFICER", "RISK_ANALYST"],
  "risk-cases": ["ADMIN", "RISK_ANALYST"],
  "credit-reports": ["ADMIN", "RISK_ANALYST"],
  custody: ["ADMIN", "FINANCE"],
  projects: ["ADMIN", "FINANCE"],
  reconciliation: ["ADMIN", "FINANCE"],
  inbox: ["ADMIN"],
  audit: ["ADMIN"],
  users: ["ADMIN"],
};

export function canAccessArea(role: Role | undefined | null, area: Area): boolean {
  return !!role && AREA_ROLES[area].includes(role);
}

export function areasFor(role: Role): Area[] {
  return AREAS.filter((area) => AREA_ROLES[area].includes(role));
}

/** Which area a console path belongs to, for the proxy's redirect and the sidebar. */
export function areaOfPath(pathname: string): Area | null {
  const first = pathname.split("/")[1] ?? "";
  return (AREAS as readonly string[]).includes(first) ? (first as Area) : null;
}
