import { getTranslations } from "next-intl/server";
import { accountTabs } from "@/lib/credit-reports/account-view";
import type { TReportSections } from "@/lib/vendors/deepfinch/report";
import type { ReportDate } from "@/lib/vendors/deepfinch/transform";
import { AccountsView } from "./accounts-view";
import { FieldList, RecordTable } from "./fields";
import { GridLegend } from "./repayment-grid";
import { ReportSection, type Unreadable } from "./section";

/** Accounts by type in tabs, each account with its 60-month grid; repayment duties and recourse beside them. */
export async function AccountsTabs({ reportId, s, unreadable, reportDate }: { reportId: string; s: TReportSections; unreadable: Unreadable; reportDate: ReportDate | null }) {
  const t = await getTranslations("creditReports");
  const duty = s.concernedRefundDutyInfo;
  const dutyCount = (duty?.concernRefundPersonBorrow?.length ?? 0) + (duty?.concernRefundCompanyBorrow?.length ?? 0);
  const issues = Object.fromEntries(unreadable.map((u) => [u.section, u.issues]));
  return (
    <ReportSection title={t("sections.accounts")} present testId="accounts-section">
      <GridLegend />
      <AccountsView
        reportId={reportId}
        tabs={accountTabs(s, reportDate)}
        unreadable={issues}
        extraTabs={[
          {
            key: "refundDuty",
            count: dutyCount,
            content: (
              <ReportSection bare title={t("accountTypes.refundDuty")} present={duty !== undefined} section="concernedRefundDutyInfo" unreadable={unreadable}>
                <RecordTable rows={duty?.concernRefundPersonBorrow} />
                <RecordTable rows={duty?.concernRefundCompanyBorrow} />
              </ReportSection>
            ),
          },
          {
            key: "recovery",
            count: s.recoveryInfo?.length ?? 0,
            content: (
              <ReportSection bare title={t("accountTypes.recovery")} present={s.recoveryInfo !== undefined} section="recoveryInfo" unreadable={unreadable}>
                {s.recoveryInfo?.map((r, i) => <FieldList key={i} data={r} />)}
              </ReportSection>
            ),
          },
        ]}
      />
      <ReportSection bare title={t("sections.extensionProtocolInfo")} present={s.extensionProtocolInfo !== undefined} section="extensionProtocolInfo" unreadable={unreadable}>
        <RecordTable rows={s.extensionProtocolInfo} />
      </ReportSection>
    </ReportSection>
  );
}
