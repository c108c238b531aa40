import { getTranslations } from "next-intl/server";
import type { CardFigure } from "@/components/home/area-card";
import { formatYuan } from "@/lib/money";

/** The custody card on the workbench: money in custody, frozen, approvals waiting. */
export async function custodyFigures(c: { balance: number; frozen: number; approvals: number }): Promise<CardFigure[]> {
  const t = await getTranslations("custody.home");
  return [
    { label: t("balance"), value: formatYuan(c.balance) },
    { label: t("frozen"), value: formatYuan(c.frozen) },
    { label: t("approvals"), value: c.approvals, tone: "warning" },
  ];
}

/** The projects card: projects collecting and repaying. */
export async function projectFigures(p: { collecting: number; repaying: number }): Promise<CardFigure[]> {
  const t = await getTranslations("custody.home");
  return [
    { label: t("collecting"), value: p.collecting },
    { label: t("repaying"), value: p.repaying },
  ];
}
