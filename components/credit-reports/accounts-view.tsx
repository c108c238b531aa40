"use client";

import { useTranslations } from "next-intl";
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { NO_STATE, type AccountDetail, type AccountRow, type AccountTab, type AccountTabKey } from "@/lib/credit-reports/account-row";
import { ClientFieldList, ClientRecordTable } from "./client-fields";
import { LEGEND_ORDER, STATE_CLASS } from "./grid-colours";

/** 60 month labels (YYYY-MM) from the first month, oldest first. */
function monthLabels(from: string): string[] {
  const [y, m] = from.split("-").map(Number);
  return Array.from({ length: 60 }, (_, i) => {
    const idx = y * 12 + (m - 1) + i;
    return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The 60 cells as one HTML string: React then creates one element per grid instead of 120,
 * which is most of the cost of a tab with 200 accounts. The colours are classes per state
 * (grid-colours.ts); layout comes from the grid's own `[&>div]` rules.
 */
export function gridHtml(from: string, states: string, legend: Record<string, string>): string {
  const labels = monthLabels(from);
  let html = "";
  for (let i = 0; i < 60; i++) {
    const letter = states[i] ?? NO_STATE;
    const state = letter === NO_STATE ? "" : letter;
    const title = `${labels[i]}: ${state ? (legend[state] ?? state) : "—"}`;
    const cls = state ? (STATE_CLASS[state] ?? "bg-muted") : "border border-dashed";
    html += `<div role="gridcell" data-state="${escapeHtml(state)}" title="${escapeHtml(title)}" class="${cls}"><b>${escapeHtml(state)}</b><span>${labels[i].slice(2)}</span></div>`;
  }
  return html;
}

/** 5 rows of 12 months, oldest first, coloured by state; month and state in the tooltip. */
const Grid = memo(function Grid({ from, states, legend }: { from: string | null; states: string; legend: Record<string, string> }) {
  const t = useTranslations("creditReports");
  if (!from) return <p className="text-sm text-muted-foreground">{t("absent")}</p>;
  return (
    <div className="overflow-x-auto" data-testid="repayment-grid">
      <div
        className="grid min-w-[36rem] grid-cols-12 gap-0.5 [&>div]:flex [&>div]:h-7 [&>div]:flex-col [&>div]:items-center [&>div]:justify-center [&>div]:rounded-sm [&>div]:text-[10px] [&>div]:leading-none [&_span]:opacity-70"
        role="grid"
        aria-label={t("sections.repaymentGrid")}
        dangerouslySetInnerHTML={{ __html: gridHtml(from, states, legend) }}
      />
    </div>
  );
});

type DetailState = { status: "idle" | "loading" | "error" } | { status: "done"; detail: AccountDetail };

/** The account's other fields and monthly amounts, fetched when unfolded (not in the page). */
function AccountDetails({ reportId, tab, index }: { reportId: string; tab: AccountTabKey; index: number }) {
  const t = useTranslations("creditReports");
  const [state, setState] = useState<DetailState>({ status: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/credit-reports/${encodeURIComponent(reportId)}/accounts/${tab}/${index}`, { signal: controller.signal })
      .then(async (res) => (res.ok ? setState({ status: "done", detail: (await res.json()) as AccountDetail }) : setState({ status: "error" })))
      .catch(() => controller.signal.aborted || setState({ status: "error" }));
    return () => controller.abort();
  }, [reportId, tab, index]);
  if (state.status === "error") return <p className="text-sm text-destructive" data-testid="account-details-error">{t("detailsFailed")}</p>;
  if (state.status !== "done") return <p className="text-sm text-muted-foreground">{t("detailsLoading")}</p>;
  const months = state.detail.months.filter((m) => m.state || m.amount);
  return (
    <div className="space-y-3" data-testid="account-details">
      <ClientFieldList data={state.detail.details} />
      {months.length > 0 && (
        <div className="space-y-1.5">
          <div className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{t("sections.repaymentGrid")}</div>
          <ClientRecordTable rows={months.map((m) => ({ month: m.label, state: m.state, amount: m.amount }))} />
        </div>
      )}
    </div>
  );
}

function AccountCard({ reportId, tab, index, account, legend }: { reportId: string; tab: AccountTabKey; index: number; account: AccountRow; legend: Record<string, string> }) {
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
        <Grid from={account.from} states={account.states} legend={legend} />
      </div>
      <details className="text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer select-none text-muted-foreground">{t("sections.otherInfo")}</summary>
        <div className="pt-3">{open && <AccountDetails reportId={reportId} tab={tab} index={index} />}</div>
      </details>
    </article>
  );
}

/**
 * A window over a long list: the first cards at once, then more as the analyst scrolls near
 * the end (an IntersectionObserver on a sentinel 1,000 px ahead). A tab with 200 accounts
 * renders 8 cards, not 200, before it answers; cards already shown skip layout and paint off
 * screen (content-visibility).
 */
const FIRST_CARDS = 8;
const MORE_CARDS = 24;
function AccountList({ reportId, tab, accounts, legend }: { reportId: string; tab: AccountTabKey; accounts: AccountRow[]; legend: Record<string, string> }) {
  const t = useTranslations("creditReports");
  const [shown, setShown] = useState(Math.min(FIRST_CARDS, accounts.length));
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || shown >= accounts.length) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => Math.min(accounts.length, n + MORE_CARDS));
    }, { rootMargin: "1000px 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown, accounts.length]);
  return (
    <>
      {accounts.slice(0, shown).map((a, i) => <AccountCard key={i} reportId={reportId} tab={tab} index={i} account={a} legend={legend} />)}
      {shown < accounts.length && (
        <div ref={sentinel} className="flex items-center justify-between gap-3 text-sm text-muted-foreground" data-testid="accounts-more">
          <span>{t("accountsShown", { shown, total: accounts.length })}</span>
          <Button variant="outline" size="sm" onClick={() => setShown(accounts.length)}>{t("showAllAccounts")}</Button>
        </div>
      )}
    </>
  );
}

/**
 * Accounts by type in tabs. Only the open tab is rendered (Radix mounts the active content
 * only), from compact data, so a report with 200 accounts opens fast. The related repayment
 * duties and recourse tabs come rendered from the server as `extraTabs`.
 */
export function AccountsView({ reportId, tabs, unreadable, extraTabs }: { reportId: string; tabs: AccountTab[]; unreadable: Record<string, string>; extraTabs: { key: string; count: number; content: ReactNode }[] }) {
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
            <AccountList reportId={reportId} tab={tab.key} accounts={tab.accounts} legend={legend} />
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
