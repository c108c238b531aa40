import { z } from "zod";
import { issuePaths } from "@/lib/vendors/core/validation";
import * as S from "./schemas";

/**
 * The report parsed section by section, so one field of the wrong type costs that section only:
 * the raw answer is kept (encrypted) and the viewer says which section could not be read. A
 * section missing from the answer is `undefined` (shown as absent), never an error.
 *
 * `path` is where the section sits in the document's 返回结果 (dot-separated from `result`).
 */
export const REPORT_SECTIONS = {
  creditHeader: { path: "creditHeader", schema: S.ZCreditHeader },
  personInfo: { path: "personBasicInfo.personInfo", schema: S.ZPersonInfo },
  connubialInfo: { path: "personBasicInfo.connubialInfo", schema: S.ZConnubialInfo },
  livedInfos: { path: "personBasicInfo.livedInfos", schema: S.ZLivedInfos },
  experiences: { path: "personBasicInfo.experiences", schema: S.ZExperiences },
  reportExplication: { path: "infoSummary.personalCreditReportExplication", schema: S.ZReportExplication },
  creditTransInfoHint: { path: "infoSummary.creditTransInfoHint", schema: S.ZCreditTransInfoHint },
  recourseInfoSummary: { path: "infoSummary.creditTransBreachInfoSummary.recourseInfoSummary", schema: S.ZRecourseInfoSummary },
  badDebtsSummary: { path: "infoSummary.creditTransBreachInfoSummary.badDebtsSummary", schema: S.ZBadDebtsSummary },
  overdueInfoCollection: { path: "infoSummary.creditTransBreachInfoSummary.overdueInfoCollection", schema: S.ZOverdueInfoCollection },
  acyclicLoanSummary: { path: "infoSummary.creditTransExtensionAndDebtSummary.acyclicLoanAccountInfoSummary", schema: S.ZLoanDebtSummary },
  cyclicalAmountSummary: { path: "infoSummary.creditTransExtensionAndDebtSummary.cyclicalAmountAccountInfoSummary", schema: S.ZLoanDebtSummary },
  cyclicalLoanSummary: { path: "infoSummary.creditTransExtensionAndDebtSummary.cyclicalLoanAccountInfoSummary", schema: S.ZLoanDebtSummary },
  creditCardSummary: { path: "infoSummary.creditTransExtensionAndDebtSummary.creditAccountInfoSummary", schema: S.ZCreditCardDebtSummary },
  quasiCreditCardSummary: { path: "infoSummary.creditTransExtensionAndDebtSummary.quasiCreditAccountInfoSummary", schema: S.ZQuasiCreditCardDebtSummary },
  refundDutySummary: { path: "infoSummary.creditTransExtensionAndDebtSummary.concernedRefundDutyInfoSummary", schema: S.ZRefundDutySummary },
  noncreditTransInfoSummary: { path: "infoSummary.noncreditTransInfoSummary", schema: S.ZNoncreditTransInfoSummary },
  publicInfoSummary: { path: "infoSummary.publicInfoSummary", schema: S.ZPublicInfoSummary },
  nonFinanceCreditTransInfoSummary: { path: "infoSummary.nonFinanceCreditTransInfoSummary", schema: S.ZNonFinanceCreditTransInfoSummary },
  openInfoSummary: { path: "infoSummary.openInfoSummary", schema: S.ZOpenInfoSummary },
  queryRecordSummary: { path: "infoSummary.queryRecordSummary", schema: S.ZQueryRecordSummary },
  recoveryInfo: { path: "creditTransInfoDetail.recoveryInfo", schema: z.array(S.ZRecoveryAccount) },
  acyclicCreditAccount: { path: "creditTransInfoDetail.acyclicCreditAccount", schema: z.array(S.ZLoanAccount) },
  cyclicalAmountPerAccount: { path: "creditTransInfoDetail.cyclicalAmountPerAccount", schema: z.array(S.ZLoanAccount) },
  cyclicalLoanAccount: { path: "creditTransInfoDetail.cyclicalLoanAccount", schema: z.array(S.ZLoanAccount) },
  creditAccount: { path: "creditTransInfoDetail.creditAccount", schema: z.array(S.ZCreditCardAccount) },
  quasiCreditAccount: { path: "creditTransInfoDetail.quasiCreditAccount", schema: z.array(S.ZQuasiCreditCardAccount) },
  concernedRefundDutyInfo: { path: "creditTransInfoDetail.concernedRefundDutyInfo", schema: S.ZRefundDutyDetail },
  extensionProtocolInfo: { path: "creditTransInfoDetail.extensionProtocolInfo", schema: S.ZExtensionProtocols },
  noncreditTransInfoDetail: { path: "noncreditTransInfoDetail", schema: S.ZNoncreditTransInfoDetail },
  publicInfoDetail: { path: "publicInfoDetail", schema: S.ZPublicInfoDetail },
  nonFinanceCreditTransInfoDetail: { path: "nonFinanceCreditTransInfoDetail", schema: S.ZNonFinanceCreditTransInfoDetail },
  openInfo: { path: "openInfo", schema: S.ZOpenInfo },
  otherNonOpenInfo: { path: "otherNonOpenInfo", schema: S.ZOtherNonOpenInfo },
  objectionLabel: { path: "objectionLabel", schema: S.ZObjectionLabels },
  queryRecord: { path: "queryRecord", schema: S.ZQueryRecords },
} as const;

export type ReportSectionKey = keyof typeof REPORT_SECTIONS;
export const REPORT_SECTION_KEYS = Object.keys(REPORT_SECTIONS) as ReportSectionKey[];

export type TReportSections = { [K in ReportSectionKey]?: z.output<(typeof REPORT_SECTIONS)[K]["schema"]> };
export type TLoanAccount = z.output<typeof S.ZLoanAccount>;
export type TCreditCardAccount = z.output<typeof S.ZCreditCardAccount>;
export type TQuasiCreditCardAccount = z.output<typeof S.ZQuasiCreditCardAccount>;
export type TRefundRecord = z.output<typeof S.ZRefundRecord>;

export type UnreadableSection = { section: ReportSectionKey; path: string; issues: string };
export type ParsedReport = { sections: TReportSections; unreadable: UnreadableSection[] };

function at(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Parses each section on its own. Messages carry issue paths, never values (they are personal data). */
export function parseReport(result: unknown): ParsedReport {
  const sections: Record<string, unknown> = {};
  const unreadable: UnreadableSection[] = [];
  for (const key of REPORT_SECTION_KEYS) {
    const { path, schema } = REPORT_SECTIONS[key];
    const raw = at(result, path);
    if (raw === undefined || raw === null) continue;
    const parsed = (schema as z.ZodType).safeParse(raw);
    if (parsed.success) sections[key] = parsed.data;
    else unreadable.push({ section: key, path, issues: issuePaths(parsed.error) });
  }
  return { sections: sections as TReportSections, unreadable };
}
