import { getTranslations } from "next-intl/server";
import type { CardFigure } from "@/components/home/area-card";
import { formatYuan } from "@/lib/money";

/** The custody card on the workbench: money in custody, frozen, projects by state, approvals waiting. */
export async function custodyFigures(c: { balance: number; frozen: number; collecting: number; repaying: number; approvals: number }): Promise<CardFigure[]> {
  const t = await getTranslations("custody.home");
  return [
    { label: t("balance"), value: formatYuan(c.balance) },
    { label: t("frozen"), value: formatYuan(c.frozen) },
    { label: t("collecting"), value: c.collecting },
    { label: t("repaying"), value: c.repaying },
    { label: t("approvals"), value: c.approvals, tone: "warning" },
  ];
}
