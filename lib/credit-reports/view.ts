import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decryptPiiBytes } from "@/lib/pii/vault";
import { parseReport, type ReportSectionKey, type TReportSections } from "@/lib/vendors/deepfinch/report";
import { CREDIT_REPORT_ROLES } from "./access";
import { accountDetail, type AccountDetail, type AccountTabKey } from "./account-view";
import { reportDateOf } from "./indicators/accounts";
import { computeIndicators, type Indicators } from "./indicators/compute";
import { maskSectionsForView } from "./mask-view";

export function assertAnalyst(user: SessionUser): void {
  if (!(CREDIT_REPORT_ROLES as readonly string[]).includes(user.role)) throw new AppError("FORBIDDEN", `${user.role} may not read credit reports`);
}

export type ReportStatusView = {
  id: string;
  status: "UPLOADED" | "RECOGNISING" | "DONE" | "FAILED";
  failureCode: string | null;
  failureRetrying: boolean;
  attempts: number;
  createdAt: Date;
};

/** What the progress poll answers: status only, no personal data. */
export async function getReportStatus(db: DbOrTx, user: SessionUser, id: string): Promise<ReportStatusView> {
  assertAnalyst(user);
  const row = await db.creditReport.findUnique({
    where: { id },
    select: { id: true, status: true, failureCode: true, failureRetrying: true, attempts: true, createdAt: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "credit report not found");
  return row;
}

export type ReportView = ReportStatusView & {
  reportNo: string | null;
  subjectNameMasked: string | null;
  subjectIdMasked: string | null;
  pretrialOrderId: string | null;
  fileSizeBytes: number;
  /** Present once DONE: the parsed, masked sections and the indicators. */
  sections: TReportSections | null;
  unreadable: { section: ReportSectionKey; path: string; issues: string }[];
  indicators: Indicators | null;
};

/** The viewer's data: the raw answer decrypted and parsed again (the model may have improved since), masked. */
export async function getReportView(db: DbOrTx, user: SessionUser, id: string): Promise<ReportView | null> {
  assertAnalyst(user);
  const row = await db.creditReport.findUnique({ where: { id } });
  if (!row) return null;
  const base = {
    id: row.id, status: row.status, failureCode: row.failureCode, failureRetrying: row.failureRetrying, attempts: row.attempts,
    createdAt: row.createdAt, reportNo: row.reportNo, subjectNameMasked: row.subjectNameMasked, subjectIdMasked: row.subjectIdMasked,
    pretrialOrderId: row.pretrialOrderId, fileSizeBytes: row.fileSizeBytes,
  };
  if (row.status !== "DONE" || !row.rawAnswerEnc) return { ...base, sections: null, unreadable: [], indicators: null };
  const parsed = parseStored(row.rawAnswerEnc);
  return { ...base, sections: maskSectionsForView(parsed.sections), unreadable: parsed.unreadable, indicators: computeIndicators(parsed.sections) };
}

function parseStored(rawAnswerEnc: Uint8Array) {
  return parseReport(JSON.parse(decryptPiiBytes(rawAnswerEnc).toString("utf8")) as unknown);
}

/**
 * One account's fields and monthly amounts, fetched when the analyst unfolds it (the page
 * carries only compact rows). Null when the report, its answer or the account does not exist.
 */
export async function getAccountDetail(db: DbOrTx, user: SessionUser, id: string, tab: AccountTabKey, index: number): Promise<AccountDetail | null> {
  assertAnalyst(user);
  const row = await db.creditReport.findUnique({ where: { id }, select: { status: true, rawAnswerEnc: true } });
  if (!row || row.status !== "DONE" || !row.rawAnswerEnc) return null;
  const { sections } = parseStored(row.rawAnswerEnc);
  return accountDetail(maskSectionsForView(sections), tab, index, reportDateOf(sections));
}

/** For officers on their order's page: whether a report exists and its status, nothing else. */
export async function reportStatusForOrder(db: DbOrTx, pretrialOrderId: string) {
  return db.creditReport.findFirst({ where: { pretrialOrderId }, orderBy: { createdAt: "desc" }, select: { id: true, status: true } });
}
