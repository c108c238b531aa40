import type { ExportColumn } from "@/lib/export/table-export";
import { formatYuan } from "@/lib/money";
import type { LineExportRow } from "./queries";

type Translate = (key: string) => string;

/** Amounts as yuan numbers with two decimals (a spreadsheet sums them); empty when absent. */
const yuan = (fen: string | null) => (fen === null ? null : Number(formatYuan(BigInt(fen), { grouping: false })));

/** The columns of a run's lines / exceptions export, in the user's language. */
export function reconExportColumns(t: Translate): ExportColumn<LineExportRow>[] {
  return [
    { header: t("run.fileType"), value: (r) => r.fileType },
    { header: t("run.key"), value: (r) => r.matchKey },
    { header: t("run.outcome"), value: (r) => t(`kind.${r.kind ?? "MATCHED"}`) },
    { header: t("run.line"), value: (r) => r.firstLine },
    { header: t("export.theirLines"), value: (r) => r.theirLines },
    { header: t("export.ourRows"), value: (r) => r.ourRows },
    { header: t("export.platformUserNo"), value: (r) => r.platformUserNo },
    { header: t("run.theirAmount"), value: (r) => yuan(r.theirAmount) },
    { header: t("run.ourAmount"), value: (r) => yuan(r.ourAmount) },
    { header: t("export.theirFee"), value: (r) => yuan(r.theirFee) },
    { header: t("export.ourFee"), value: (r) => yuan(r.ourFee) },
    { header: t("export.theirFrozen"), value: (r) => yuan(r.theirFrozen) },
    { header: t("export.ourFrozen"), value: (r) => yuan(r.ourFrozen) },
    { header: t("export.theirStatus"), value: (r) => r.theirStatus },
    { header: t("export.ourStatus"), value: (r) => r.ourStatus },
    { header: t("run.state"), value: (r) => (r.state ? t(`run.${r.state}`) : null) },
    { header: t("run.note"), value: (r) => r.note },
  ];
}
