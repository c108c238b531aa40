import type { ExportColumn } from "@/lib/export/table-export";
import { REDACTED } from "@/lib/pii/mask";
import { scoreOutcome } from "./outcome";
import type { ScoreRow } from "./queries";

type Translate = (key: string) => string;

/**
 * The score list's export, column by column: personal data masked, numbers as numbers (a
 * spreadsheet sorts and averages them), times as Beijing date cells. The stored failure text is
 * written for developers (it may name configuration), so only admins get that column.
 */
export function scoreExportColumns(t: Translate, opts: { technical: boolean }): ExportColumn<ScoreRow>[] {
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  const columns: ExportColumn<ScoreRow>[] = [
    { header: t("columns.zwOrder"), value: (r) => r.zwOrder },
    { header: t("columns.customerName"), value: (r) => r.profile.realNameMasked ?? REDACTED },
    { header: t("columns.idNumber"), value: (r) => r.profile.idNumberMasked },
    { header: t("columns.channelKind"), value: (r) => t(`channels.${r.channelKind}`) },
    { header: t("columns.status"), value: (r) => t(`statuses.${r.status}`) },
    { header: t("columns.decision"), value: (r) => t(`outcomes.${scoreOutcome(r)}`) },
    { header: t("columns.score"), value: (r) => r.score },
    { header: t("columns.scoreRaw"), value: (r) => r.scoreRaw },
    { header: t("columns.cutoff"), value: (r) => r.cutoff },
    { header: t("columns.fromHistory"), value: (r) => yesNo(r.fromHistory) },
    { header: t("columns.attempts"), value: (r) => r.attempts },
    { header: t("columns.pretrialOrderId"), value: (r) => r.pretrialOrderId },
    { header: t("columns.createdAt"), value: (r) => r.createdAt },
    { header: t("columns.scoredAt"), value: (r) => r.scoredAt },
  ];
  if (opts.technical) columns.push({ header: t("columns.lastError"), value: (r) => r.lastError });
  return columns;
}
