import { z } from "@/lib/validation";
import { CODE_FIELDS } from "./code-fields";
import { RISK_CASE_CONCLUSIONS, RISK_CASE_STATUSES } from "./list-params";

/** Inputs of the risk-case actions. Messages are keys of the `validation` namespace. */
const zId = z.string().min(1).max(64);
const zVersion = z.number().int().min(0);

export const ZTakeCaseInput = z.object({ caseId: zId, version: zVersion });
export const ZSetCaseStatusInput = z
  .object({
    caseId: zId,
    version: zVersion,
    status: z.enum(RISK_CASE_STATUSES),
    conclusion: z.enum(RISK_CASE_CONCLUSIONS).optional(),
    conclusionNote: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.status !== "CLOSED" || v.conclusion, { path: ["conclusion"], message: "required" });
export const ZSnoozeCaseInput = z.object({ caseId: zId, version: zVersion, until: z.iso.date().nullable() });
export const ZEscalateCaseInput = z.object({ caseId: zId, version: zVersion, toId: zId, reason: z.string().trim().min(2).max(500) });
export const ZAddNoteInput = z.object({ caseId: zId, body: z.string().trim().min(1).max(4000) });
export const ZBulkAssignInput = z.object({ caseIds: z.array(zId).min(1).max(100), assigneeId: zId.nullable() });
export const ZBulkCloseInput = z.object({ caseIds: z.array(zId).min(1).max(100), conclusion: z.enum(RISK_CASE_CONCLUSIONS), conclusionNote: z.string().trim().max(2000).optional() });
export const ZLookupInput = z.object({ query: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "riskCaseLookupFormat") });
export const ZSaveFilterInput = z.object({ name: z.string().trim().min(1).max(40), query: z.string().max(2000) });
export const ZDeleteFilterInput = z.object({ id: zId });
export const ZNameCodeInput = z.object({
  field: z.enum(CODE_FIELDS),
  code: z.string().trim().min(1).max(64),
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(60),
});
