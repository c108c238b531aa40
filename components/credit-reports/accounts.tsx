import { getTranslations } from "next-intl/server";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Badge } from "@/components/ui/badge";
import { gridCells } from "@/lib/credit-reports/grid";
import type { TReportSections } from "@/lib/vendors/deepfinch/report";
import type { ReportDate } from "@/lib/vendors/deepfinch/transform";
import { FieldList, RecordTable } from "./fields";
import { GridLegend, RepaymentGrid } from "./repayment-grid";
import { ReportSection, type Unreadable } from "./section";

type AnyAccount = Record<string, unknown> & { refundRecord?: Parameters<typeof gridCells>[0] };

const TABS = [
  { key: "acyclicLoan", section: "acyclicCreditAccount" },
  { key: "cyclicalAmount", section: "cyclicalAmountPerAccount" },
  { key: "cyclicalLoan", section: "cyclicalLoanAccount" },
  { key: "creditCard", section: "creditAccount" },
  { key: "quasiCreditCard", section: "quasiCreditAccount" },
] as const;

async function AccountCard({ account, reportDate, index }: { account: AnyAccount; reportDate: ReportDate | null; index: number }) {
  const t = await getTranslations("creditReports");
  const { refundRecord, ...rest } = account;
  const state = (account.accountState as { value?: string } | undefined)?.value;
  const company = (account.manageCompany ?? account.cardCompany) as string | undefined;
  const amount = (account.refundAmount ?? account.accountExtensionAmount) as string | undefined;
  return (
    <article className="space-y-3 rounded-lg border p-3" data-testid="account-card">
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold">{String(account.name ?? `#${index + 1}`)}</span>
        <span className="text-muted-foreground">{company}</span>
        {state && <Badge variant={/逾期|呆/.test(state) ? "destructive" : /结清|销户/.test(state) ? "secondary" : "success"}>{state}</Badge>}
        {amount && <span className="ml-auto tabular-nums">{amount}</span>}
      </header>
      <div className="space-y-1.5">
        <div className="text-xs font-semibold text-muted-foreground">{t("sections.repaymentGrid")}</div>
        {refundRecord ? <RepaymentGrid cells={gridCells(refundRecord, reportDate)} /> : <p className="text-sm text-muted-foreground">{t("absent")}</p>}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer select-none text-muted-foreground">{t("sections.otherInfo")}</summary>
        <div className="pt-3">
          <FieldList data={rest} />
        </div>
      </details>
    </article>
  );
}

/** Accounts by type in tabs, each account with its 60-month grid; repayment duties and recourse beside them. */
export async function AccountsTabs({ s, unreadable, reportDate }: { s: TReportSections; unreadable: Unreadable; reportDate: ReportDate | null }) {
  const t = await getTranslations("creditReports");
  const duty = s.concernedRefundDutyInfo;
  const dutyCount = (duty?.concernRefundPersonBorrow?.length ?? 0) + (duty?.concernRefundCompanyBorrow?.length ?? 0);
  return (
    <ReportSection title={t("sections.accounts")} present testId="accounts-section">
      <GridLegend />
      <Tabs defaultValue="acyclicLoan">
        <TabsList className="h-auto flex-wrap justify-start">
          {TABS.map((tab) => (
            <TabsTrigger key={tab.key} value={tab.key} data-testid={`tab-${tab.key}`}>
              {t(`accountTypes.${tab.key}`)} ({s[tab.section]?.length ?? 0})
            </TabsTrigger>
          ))}
          <TabsTrigger value="refundDuty" data-testid="tab-refundDuty">{t("accountTypes.refundDuty")} ({dutyCount})</TabsTrigger>
          <TabsTrigger value="recovery" data-testid="tab-recovery">{t("accountTypes.recovery")} ({s.recoveryInfo?.length ?? 0})</TabsTrigger>
        </TabsList>
        {TABS.map((tab) => {
          const list = s[tab.section] as AnyAccount[] | undefined;
          return (
            <TabsContent key={tab.key} value={tab.key} className="space-y-3" data-testid={`accounts-${tab.key}`}>
              <ReportSection bare title={t(`accountTypes.${tab.key}`)} present={list !== undefined} section={tab.section} unreadable={unreadable}>
                {list?.length ? list.map((a, i) => <AccountCard key={i} account={a} index={i} reportDate={reportDate} />) : <p className="text-sm text-muted-foreground">{t("noAccountsOfType")}</p>}
              </ReportSection>
            </TabsContent>
          );
        })}
        <TabsContent value="refundDuty" className="space-y-3">
          <ReportSection bare title={t("accountTypes.refundDuty")} present={duty !== undefined} section="concernedRefundDutyInfo" unreadable={unreadable}>
            <RecordTable rows={duty?.concernRefundPersonBorrow} />
            <RecordTable rows={duty?.concernRefundCompanyBorrow} />
          </ReportSection>
        </TabsContent>
        <TabsContent value="recovery" className="space-y-3">
          <ReportSection bare title={t("accountTypes.recovery")} present={s.recoveryInfo !== undefined} section="recoveryInfo" unreadable={unreadable}>
            {s.recoveryInfo?.map((r, i) => <FieldList key={i} data={r} />)}
          </ReportSection>
        </TabsContent>
      </Tabs>
      <ReportSection bare title={t("sections.extensionProtocolInfo")} present={s.extensionProtocolInfo !== undefined} section="extensionProtocolInfo" unreadable={unreadable}>
        <RecordTable rows={s.extensionProtocolInfo} />
      </ReportSection>
    </ReportSection>
  );
}
