import { getTranslations } from "next-intl/server";
import type { TReportSections } from "@/lib/vendors/deepfinch/report";
import type { ReportDate } from "@/lib/vendors/deepfinch/transform";
import { AccountsTabs } from "./accounts";
import { FieldList, RecordTable } from "./fields";
import { ReportSection, type Unreadable } from "./section";

/** Every section of the report, in the report's own order; absent and unreadable ones say so. */
export async function ReportBody({ reportId, s, unreadable, reportDate }: { reportId: string; s: TReportSections; unreadable: Unreadable; reportDate: ReportDate | null }) {
  const t = await getTranslations("creditReports");
  const sec = (key: keyof TReportSections) => ({ present: s[key] !== undefined, section: key, unreadable });
  const pub = s.publicInfoDetail;
  const open = s.openInfo;
  return (
    <div className="space-y-4">
      <ReportSection title={t("sections.header")} testId="section-header" {...sec("creditHeader")}>
        <FieldList data={s.creditHeader} />
      </ReportSection>

      <ReportSection title={t("sections.personal")} present testId="section-personal">
        <ReportSection bare title={t("sections.identity")} {...sec("personInfo")}><FieldList data={s.personInfo} /></ReportSection>
        <ReportSection bare title={t("sections.spouse")} {...sec("connubialInfo")}><FieldList data={s.connubialInfo} /></ReportSection>
        <ReportSection bare title={t("sections.residence")} {...sec("livedInfos")}><RecordTable rows={s.livedInfos} /></ReportSection>
        <ReportSection bare title={t("sections.employment")} {...sec("experiences")}><RecordTable rows={s.experiences} /></ReportSection>
      </ReportSection>

      <ReportSection title={t("sections.summary")} present testId="section-summary">
        <ReportSection bare title={t("sections.reportExplication")} {...sec("reportExplication")}><FieldList data={s.reportExplication} /></ReportSection>
        <ReportSection bare title={t("sections.creditTransInfoHint")} {...sec("creditTransInfoHint")}><FieldList data={s.creditTransInfoHint} /></ReportSection>
        <ReportSection bare title={t("sections.recourseInfoSummary")} {...sec("recourseInfoSummary")}><FieldList data={s.recourseInfoSummary} /></ReportSection>
        <ReportSection bare title={t("sections.badDebtsSummary")} {...sec("badDebtsSummary")}><FieldList data={s.badDebtsSummary} /></ReportSection>
        <ReportSection bare title={t("sections.overdueInfoCollection")} {...sec("overdueInfoCollection")}><RecordTable rows={s.overdueInfoCollection} /></ReportSection>
        {(["acyclicLoanSummary", "cyclicalAmountSummary", "cyclicalLoanSummary", "creditCardSummary", "quasiCreditCardSummary"] as const).map((k) => (
          <ReportSection key={k} bare title={`${t("sections.debtSummary")} · ${t(`sections.${k}`)}`} {...sec(k)}><FieldList data={s[k]} /></ReportSection>
        ))}
        <ReportSection bare title={t("sections.refundDutySummary")} {...sec("refundDutySummary")}><FieldList data={s.refundDutySummary} /></ReportSection>
        <ReportSection bare title={t("sections.noncreditTransInfoSummary")} {...sec("noncreditTransInfoSummary")}><RecordTable rows={s.noncreditTransInfoSummary} /></ReportSection>
        <ReportSection bare title={t("sections.nonFinanceCreditTransInfoSummary")} {...sec("nonFinanceCreditTransInfoSummary")}><RecordTable rows={s.nonFinanceCreditTransInfoSummary} /></ReportSection>
        <ReportSection bare title={t("sections.publicInfoSummary")} {...sec("publicInfoSummary")}><RecordTable rows={s.publicInfoSummary} /></ReportSection>
        <ReportSection bare title={t("sections.openInfoSummary")} {...sec("openInfoSummary")}><RecordTable rows={s.openInfoSummary} /></ReportSection>
        <ReportSection bare title={t("sections.queryRecordSummary")} {...sec("queryRecordSummary")}><FieldList data={s.queryRecordSummary} /></ReportSection>
      </ReportSection>

      <AccountsTabs reportId={reportId} s={s} unreadable={unreadable} reportDate={reportDate} />

      <ReportSection title={t("sections.noncreditTransInfoDetail")} testId="section-noncredit" {...sec("noncreditTransInfoDetail")}>
        {s.noncreditTransInfoDetail?.map((r, i) => <FieldList key={i} data={r} />)}
      </ReportSection>

      <ReportSection title={t("sections.publicRecords")} testId="section-public" {...sec("publicInfoDetail")}>
        {pub && (Object.keys(pub) as (keyof typeof pub)[]).map((k) => (
          <ReportSection key={k} bare title={t(`sections.${k}`)} present={pub[k] !== undefined}><RecordTable rows={pub[k] as Record<string, unknown>[] | undefined} /></ReportSection>
        ))}
      </ReportSection>

      <ReportSection title={t("sections.nonFinanceCreditTransInfoDetail")} {...sec("nonFinanceCreditTransInfoDetail")}>
        <RecordTable rows={s.nonFinanceCreditTransInfoDetail} />
      </ReportSection>

      <ReportSection title={t("sections.openInfo")} testId="section-open" {...sec("openInfo")}>
        {open && (Object.keys(open) as (keyof typeof open)[]).map((k) => (
          <ReportSection key={k} bare title={t(`sections.${k}`)} present={open[k] !== undefined}><RecordTable rows={open[k] as Record<string, unknown>[] | undefined} /></ReportSection>
        ))}
      </ReportSection>

      <ReportSection title={t("sections.otherNonOpenInfo")} {...sec("otherNonOpenInfo")}>
        <RecordTable rows={s.otherNonOpenInfo} />
      </ReportSection>

      <ReportSection title={t("sections.queries")} testId="section-queries" {...sec("queryRecord")}>
        <RecordTable rows={s.queryRecord} testId="query-records" />
      </ReportSection>

      <ReportSection title={t("sections.objections")} testId="section-objections" {...sec("objectionLabel")}>
        <RecordTable rows={s.objectionLabel} />
      </ReportSection>
    </div>
  );
}
