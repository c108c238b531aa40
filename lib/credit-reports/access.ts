/** Who may upload and read credit reports (design.md §4): analysts and admins. Officers see only
 *  whether a report exists for their own order, and its status (lib/credit-reports/queries.ts). */
export const CREDIT_REPORT_ROLES = ["ADMIN", "RISK_ANALYST"] as const;
