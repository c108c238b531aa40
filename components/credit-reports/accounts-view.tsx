"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState, useTransition, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { AccountTab, CompactAccount } from "@/lib/credit-reports/account-view";
import { cn } from "@/lib/utils";
import { ClientFieldList } from "./client-fields";
import { LEGEND_ORDER, STATE_CLASS } from "./grid-colours";

function monthLabels(from: string | null): string[] {
  if (!from) return [];
  const [y, m] = from.split("-").map(Number);
  return Array.from({ length: 60 }, (_, i) => {
    const idx = y * 12 + (m - 1) + i;
    return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
  });
}

/** 5 rows of 12 months, oldest first, coloured by state; month, state and amount in the tooltip. */
function Grid({ account, legend }: { account: CompactAccount; legend: Record<string, string> }) {
  const t = useTranslations("creditReports");
  const labels = monthLabels(account.from);
  if (labels.length === 0) return <p className="text-sm text-muted-foreground">{t("absent")}</p>;
  return (
    <div className="overflow-x-auto" data-testid="repayment-grid">
      <div className="grid min-w-[36rem] grid-cols-12 gap-0.5" role="grid" aria-label={t("sections.repaymentGrid")}>
        {labels.map((label, i) => {
          const state = account.states[i];
          return (
            <div
              key={label}
              role="gridcell"
              data-state={state}
              title={`${label}: ${state ? (legend[state] ?? state) : "—"} · ${account.amounts[i] ?? "—"}`}
              className={cn("flex h-7 flex-col items-center justify-center rounded-sm text-[10px] leading-none", state ? (STATE_CLASS[state] ?? "bg-muted") : "border border-dashed")}
            >
              <span className="font-semibold">{state}</span>
              <span className="opacity-70">{label.slice(2)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function AccountCard({ account, legend }: { account: CompactAccount; legend: Record<string, string> }) {
  const t = useTranslations("creditReports");
  const [open, setOpen] = useState(false);
  return (
    // content-visibility: cards below the fold are neither laid out nor painted until scrolled to.
    <article className="space-y-3 rounded-lg border p-3 [contain-intrinsic-size:auto_240px] [content-visibility:auto]" data-testid="account-card">
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold">{account.title}</span>
        <span className="text-muted-foreground">{account.company}</span>
        {account.state && (
          <Badge variant={/逾期|呆/.test(account.state) ? "destructive" : /结清|销户/.test(account.state) ? "secondary" : "success"}>{account.state}</Badge>
        )}
        {account.amount && <span className="ml-auto tabular-nums">{account.amount}</span>}
      </header>
      <div className="space-y-1.5">
        <div className="text-xs font-semibold text-muted-foreground">{t("sections.repaymentGrid")}</div>
        <Grid account={account} legend={legend} />
      </div>
      <details className="text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer select-none text-muted-foreground">{t("sections.otherInfo")}</summary>
        {/* Rendered only when unfolded: dozens of fields × hundreds of accounts is most of the work otherwise. */}
        <div className="pt-3">{open && <ClientFieldList data={account.details} />}</div>
      </details>
    </article>
  );
}

/** The first cards at once, the rest in a transition after the first paint: the tab answers at once. */
const FIRST_CARDS = 8;
function AccountList({ accounts, legend }: { accounts: CompactAccount[]; legend: Record<string, string> }) {
  const [shown, setShown] = useState(Math.min(FIRST_CARDS, accounts.length));
  const [, startTransition] = useTransition();
  useEffect(() => {
    if (shown >= accounts.length) return;
    const timer = setTimeout(() => startTransition(() => setShown(accounts.length)), 0);
    return () => clearTimeout(timer);
  }, [shown, accounts.length]);
  return accounts.slice(0, shown).map((a, i) => <AccountCard key={i} account={a} legend={legend} />);
}

/**
 * Accounts by type in tabs. Only the open tab is rendered (Radix mounts the active content
 * only), from compact data, so a report with 200 accounts opens fast. The related repayment
 * duties and recourse tabs come rendered from the server as `extraTabs`.
 */
export function AccountsView({ tabs, unreadable, extraTabs }: { tabs: AccountTab[]; unreadable: Record<string, string>; extraTabs: { key: string; count: number; content: ReactNode }[] }) {
  const t = useTranslations("creditReports");
  const legend = useMemo(() => Object.fromEntries(LEGEND_ORDER.map((s) => [s, t(`legend.${s}`)])), [t]);
  return (
    <Tabs defaultValue="acyclicLoan">
      <TabsList className="h-auto flex-wrap justify-start">
        {tabs.map((tab) => (
          <TabsTrigger key={tab.key} value={tab.key} data-testid={`tab-${tab.key}`}>
            {t(`accountTypes.${tab.key}`)} ({tab.accounts.length})
          </TabsTrigger>
        ))}
        {extraTabs.map((tab) => (
          <TabsTrigger key={tab.key} value={tab.key} data-testid={`tab-${tab.key}`}>
            {t(`accountTypes.${tab.key}`)} ({tab.count})
          </TabsTrigger>
        ))}
      </TabsList>
      {tabs.map((tab) => (
        <TabsContent key={tab.key} value={tab.key} className="space-y-3" data-testid={`accounts-${tab.key}`}>
          {unreadable[tab.section] ? (
            <p className="text-sm text-destructive" data-testid="section-unreadable">{t("unreadableSection", { issues: unreadable[tab.section] })}</p>
          ) : !tab.present ? (
            <p className="text-sm text-muted-foreground" data-testid="section-absent">{t("absent")}</p>
          ) : tab.accounts.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("noAccountsOfType")}</p>
          ) : (
            <AccountList accounts={tab.accounts} legend={legend} />
          )}
        </TabsContent>
      ))}
      {extraTabs.map((tab) => (
        <TabsContent key={tab.key} value={tab.key} className="space-y-3">
          {tab.content}
        </TabsContent>
      ))}
    </Tabs>
  );
}
