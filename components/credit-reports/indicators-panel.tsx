import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ACCOUNT_TYPES } from "@/lib/credit-reports/indicators/accounts";
import { DELINQUENCY_LEVELS, DELINQUENCY_WINDOWS, QUERY_REASONS, QUERY_WINDOWS, type Indicators } from "@/lib/credit-reports/indicators/compute";
import { formatReportDate } from "@/lib/vendors/deepfinch/transform";
import { formatYuan } from "@/lib/money";

const pct = (bp: number | null) => (bp === null ? "—" : `${(bp / 100).toFixed(1)}%`);

async function Indicator({ id, children }: { id: string; children: ReactNode }) {
  const t = await getTranslations("creditReports.indicators");
  return (
    <div className="space-y-1.5 rounded-lg border p-3" data-testid={`indicator-${id}`}>
      <div className="text-sm font-semibold">{t(`${id}.name`)}</div>
      <div className="text-sm">{children}</div>
      <p className="text-xs text-muted-foreground">{t(`${id}.def`)}</p>
    </div>
  );
}

/** Every indicator with its definition beside it (docs/credit-reports.md). */
export async function IndicatorsPanel({ i }: { i: Indicators }) {
  const t = await getTranslations("creditReports");
  return (
    <Card data-testid="indicators">
      <CardHeader>
        <CardTitle className="text-base">{i.reportDate ? t("indicatorsTitle", { date: formatReportDate(i.reportDate) }) : t("indicatorsNoDate")}</CardTitle>
      </CardHeader>
      <CardContent className="@container">
        <div className="grid gap-3 @xl:grid-cols-2 @4xl:grid-cols-3">
        <Indicator id="queries">
          {i.queries ? (
            <table className="w-full text-xs tabular-nums">
              <thead>
                <tr className="text-muted-foreground">
                  <th className="text-left font-normal" />
                  {QUERY_WINDOWS.map((w) => <th key={w} className="whitespace-nowrap pl-2 text-right font-normal">{t("months", { n: w })}</th>)}
                </tr>
              </thead>
              <tbody>
                {QUERY_REASONS.map((r) => (
                  <tr key={r}>
                    <td className="whitespace-nowrap pr-2">{t(`reasons.${r}`)}</td>
                    {QUERY_WINDOWS.map((w) => <td key={w} className="text-right">{i.queries![r][w]}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : "—"}
        </Indicator>
        <Indicator id="currentOverdue">
          <span className="tabular-nums">{t("accountsCount", { n: i.currentOverdue.accounts })} · ¥{formatYuan(i.currentOverdue.amountFen)}</span>
        </Indicator>
        <Indicator id="worstStatus24m">
          <span className="text-lg font-semibold" data-testid="worst-status">{i.worstStatus24m ?? "—"}</span>
          {i.worstStatus24m && t.has(`legend.${i.worstStatus24m}`) && <span className="ml-2 text-muted-foreground">{t(`legend.${i.worstStatus24m}`)}</span>}
        </Indicator>
        <Indicator id="delinquencies">
          {i.delinquencies ? (
            <table className="w-full text-xs tabular-nums">
              <thead>
                <tr className="text-muted-foreground">
                  <th className="text-left font-normal" />
                  {DELINQUENCY_LEVELS.map((l) => <th key={l} className="pl-1 text-right font-normal">M{l}{l === "7" ? "+" : ""}</th>)}
                </tr>
              </thead>
              <tbody>
                {DELINQUENCY_WINDOWS.map((w) => (
                  <tr key={w}>
                    <td className="whitespace-nowrap pr-2">{t("months", { n: w })}</td>
                    {DELINQUENCY_LEVELS.map((l) => <td key={l} className="text-right">{i.delinquencies![w][l]}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : "—"}
        </Indicator>
        <Indicator id="cardUtilisation">
          <span className="tabular-nums">{pct(i.cardUtilisationBp)} · 6M {pct(i.cardUtilisation6mBp)}</span>
        </Indicator>
        <Indicator id="debtByType">
          <ul className="space-y-0.5 text-xs tabular-nums">
            {ACCOUNT_TYPES.map((a) => (
              <li key={a} className="flex justify-between gap-2"><span>{t(`accountTypes.${a}`)}</span><span>¥{formatYuan(i.debtByTypeFen[a])}</span></li>
            ))}
            <li className="flex justify-between gap-2 border-t pt-0.5 font-semibold"><span>Σ</span><span>¥{formatYuan(i.totalDebtFen)}</span></li>
          </ul>
        </Indicator>
        <Indicator id="institutions">
          <span className="tabular-nums">{i.institutions.open} ({i.institutions.all})</span>
        </Indicator>
        <Indicator id="guarantee">
          <span className="tabular-nums">{t("accountsCount", { n: i.guarantee.accounts })} · ¥{formatYuan(i.guarantee.amountFen)} / ¥{formatYuan(i.guarantee.balanceFen)}</span>
        </Indicator>
        <Indicator id="flags">
          <div className="flex flex-wrap gap-1">
            {Object.entries(i.flags).map(([k, on]) => (
              <Badge key={k} variant={on ? "destructive" : "outline"} data-flag={k} data-on={on}>{t(`flagNames.${k}`)}：{on ? t("yes") : t("no")}</Badge>
            ))}
          </div>
        </Indicator>
        </div>
      </CardContent>
    </Card>
  );
}
