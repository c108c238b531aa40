import { Plus } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { custodyFigures, projectFigures } from "@/components/custody/home-figures";
import { AreaCard, type CardFigure } from "@/components/home/area-card";
import { RECON_STATUS_CODES } from "@/lib/reconciliation/queries";
import { TodoList } from "@/components/home/todo-list";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { Button } from "@/components/ui/button";
import { requirePageUser } from "@/lib/auth/guard";
import type { Area } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getWorkbench } from "@/lib/home/queries";
import { STALE_SIGNATURE_HOURS } from "@/lib/home/todos";
import type { CappedCount } from "@/lib/list/cursor";
import { PRETRIAL_WRITE_ROLES } from "@/lib/pretrial/access";

/** The workbench (工作台): the role's to-do list, a 新建预审 button, and one card per area. */
export default async function HomePage() {
  const user = await requirePageUser();
  const [t, tp, tr, tc, format] = await Promise.all([
    getTranslations("home"),
    getTranslations("pretrial"),
    getTranslations("riskScores"),
    getTranslations("capital"),
    getFormatter(),
  ]);
  const { areas, todos, cards } = await getWorkbench(getDb(), user);
  const capped = (c: CappedCount) => `${format.number(c.value)}${c.capped ? "+" : ""}`;
  const figures: Partial<Record<Area, CardFigure[]>> = {};
  if (cards.pretrial) {
    const s = cards.pretrial;
    figures.pretrial = [
      { label: tp("cardToday"), value: s.today },
      { label: tp("cardAwaiting"), value: capped(s.awaiting) },
      { label: tp("cardPassed"), value: s.passed },
      { label: tp("cardFailed"), value: s.failed, tone: "warning" },
    ];
  }
  if (cards["risk-scores"]) {
    const s = cards["risk-scores"];
    figures["risk-scores"] = [
      { label: tr("cardToday"), value: s.today },
      { label: tr("cardPassRate"), value: s.passRate === null ? "—" : format.number(s.passRate, { style: "percent", maximumFractionDigits: 1 }) },
      { label: tr("cardModelErrors"), value: s.modelErrors, tone: "warning" },
    ];
  }
  if (cards.capital) figures.capital = [{ label: tc("cardProviders"), value: cards.capital.providers }, { label: tc("cardProducts"), value: cards.capital.products }];
  if (cards.inbox) figures.inbox = [{ label: t("inboxToday"), value: cards.inbox.today }, { label: t("inboxNeedsAttention"), value: capped(cards.inbox.attention), tone: "warning" }];
  if (cards.audit) figures.audit = [{ label: t("auditToday"), value: cards.audit.today }, { label: t("auditDenied"), value: cards.audit.denied, tone: "warning" }];
  if (cards["risk-cases"]) {
    const s = cards["risk-cases"];
    figures["risk-cases"] = [
      { label: t("casesOpen"), value: capped(s.open) },
      { label: t("casesUnassigned"), value: capped(s.unassigned), tone: "warning" },
      { label: t("casesOlder"), value: capped(s.older), tone: "warning" },
      { label: t("casesMine"), value: capped(s.mine) },
    ];
    if (s.escalatedToMe) figures["risk-cases"].push({ label: t("casesEscalatedToMe"), value: capped(s.escalatedToMe), tone: "warning" });
  }
  if (cards.users) figures.users = [{ label: t("usersActive"), value: cards.users.active }, { label: t("usersDisabled"), value: cards.users.disabled }];
  if (cards.reconciliation) {
    const trc = await getTranslations("reconciliation");
    const r = cards.reconciliation;
    const status = RECON_STATUS_CODES[r.status] ?? "NONE";
    figures.reconciliation = [
      { label: trc("card.yesterday"), value: status === "NONE" ? trc("card.NONE") : trc(`status.${status}`) },
      { label: trc("card.exceptions"), value: r.exceptions },
      { label: trc("card.open"), value: r.open, tone: "warning" },
    ];
  }
  if (cards.custody) figures.custody = await custodyFigures(cards.custody);
  if (cards.projects) figures.projects = await projectFigures(cards.projects);
  const canCreate = (PRETRIAL_WRITE_ROLES as readonly string[]).includes(user.role);
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{t("welcome", { name: user.displayName })}</h1>
          <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
        </div>
        {canCreate && (
          <Button asChild data-testid="home-new-order">
            <Link href="/pretrial/new">
              <Plus className="size-4" aria-hidden />
              {tp("new")}
            </Link>
          </Button>
        )}
      </div>
      <TodoList items={todos} staleHours={STALE_SIGNATURE_HOURS} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {NAV_ITEMS.filter((i) => areas.includes(i.area)).map(({ area, icon: Icon }) => (
          <AreaCard key={area} area={area} figures={figures[area]} icon={<Icon className="size-4 text-muted-foreground" aria-hidden />} />
        ))}
      </div>
    </div>
  );
}
