import { getFormatter, getTranslations } from "next-intl/server";
import { AreaCard, type CardFigure } from "@/components/home/area-card";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { requirePageUser } from "@/lib/auth/guard";
import { type Area, areasFor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getCapitalCardStats } from "@/lib/capital/queries";
import { startOfBeijingDay } from "@/lib/format/dates";
import { getAuditCardStats, getInboxCardStats, getUsersCardStats } from "@/lib/home/queries";
import { getPretrialCardStats } from "@/lib/pretrial/queries";
import { getScoreCardStats } from "@/lib/risk-scores/queries";

export default async function HomePage() {
  const user = await requirePageUser();
  const t = await getTranslations("home");
  const areas = areasFor(user.role);
  const db = getDb();
  // Figures only for the areas this role may open; each query is itself role-scoped by that.
  const figures: Partial<Record<Area, CardFigure[]>> = {};
  if (areas.includes("pretrial")) {
    const s = await getPretrialCardStats(db, user, startOfBeijingDay());
    const tp = await getTranslations("pretrial");
    figures.pretrial = [
      { label: tp("cardToday"), value: s.today },
      { label: tp("cardAwaiting"), value: s.awaiting },
      { label: tp("cardPassed"), value: s.passed },
      { label: tp("cardFailed"), value: s.failed, tone: "warning" },
    ];
  }
  if (areas.includes("risk-scores")) {
    const s = await getScoreCardStats(db, user, startOfBeijingDay());
    const tr = await getTranslations("riskScores");
    const format = await getFormatter();
    figures["risk-scores"] = [
      { label: tr("cardToday"), value: s.today },
      { label: tr("cardPassRate"), value: s.passRate === null ? "—" : format.number(s.passRate, { style: "percent", maximumFractionDigits: 1 }) },
      { label: tr("cardModelErrors"), value: s.modelErrors, tone: "warning" },
    ];
  }
  if (areas.includes("capital")) {
    const s = await getCapitalCardStats(db);
    const tc = await getTranslations("capital");
    figures.capital = [{ label: tc("cardProviders"), value: s.providers }, { label: tc("cardProducts"), value: s.products }];
  }
  if (areas.includes("inbox")) {
    const s = await getInboxCardStats(db);
    figures.inbox = [{ label: t("inboxToday"), value: s.today }, { label: t("inboxNeedsAttention"), value: s.attention, tone: "warning" }];
  }
  if (areas.includes("audit")) {
    const s = await getAuditCardStats(db);
    figures.audit = [{ label: t("auditToday"), value: s.today }, { label: t("auditDenied"), value: s.denied, tone: "warning" }];
  }
  if (areas.includes("users")) {
    const s = await getUsersCardStats(db);
    figures.users = [{ label: t("usersActive"), value: s.active }, { label: t("usersDisabled"), value: s.disabled }];
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("welcome", { name: user.displayName })}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {NAV_ITEMS.filter((i) => areas.includes(i.area)).map(({ area, icon: Icon }) => (
          <AreaCard key={area} area={area} figures={figures[area]} icon={<Icon className="size-4 text-muted-foreground" aria-hidden />} />
        ))}
      </div>
    </div>
  );
}
