/** Vendor fields whose values are codes an admin may name (pure, for schemas and UI). */
export const CODE_FIELDS = ["flowNodeKey", "auditStatus", "caseDealWay", "riskTypeCaseDealWay", "riskTypeRules", "typeNo", "createWay", "surveyWay"] as const;
export type CodeField = (typeof CODE_FIELDS)[number];
