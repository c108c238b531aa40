"use client";

import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type DataTableColumn, DataTableToolbar, type PageCursors, TableResetFilters, TableTextFilter } from "@/components/data-table";
import { accountList } from "@/lib/custody/list-params";
import type { AccountRow } from "@/lib/custody/queries";
import type { CappedCount } from "@/lib/list/cursor";
import { formatYuan } from "@/lib/money";

/** Balances come from the ledger (Σ postings, cached); the card number is the masked one custody sent. */
export function AccountsTable({ rows, total, cursors }: { rows: AccountRow[]; total: CappedCount; cursors: PageCursors }) {
  const t = useTranslations("custody");
  const format = useFormatter();
  const columns: DataTableColumn<AccountRow>[] = [
    { id: "platformUserNo", header: t("platformUserNo"), cell: (r) => <span className="font-mono text-xs">{r.platformUserNo}</span> },
    // A code the console has no name for is shown as custody sent it.
    { id: "userType", header: t("userType"), cell: (r) => (t.has(`userTypes.${r.userType}`) ? t(`userTypes.${r.userType}`) : r.userType) },
    { id: "status", header: t("accountStatus"), cell: (r) => (t.has(`accountStatuses.${r.status}`) ? t(`accountStatuses.${r.status}`) : r.status) },
    { id: "card", header: t("card"), cell: (r) => (r.cardBound ? <span className="font-mono text-xs">{`${r.bankcode ?? ""} ${r.bankcardMasked ?? ""}`.trim()}</span> : <span className="text-muted-foreground">{t("noCard")}</span>) },
    { id: "available", header: t("available"), align: "right", cell: (r) => <span className="tabular-nums">{formatYuan(r.available)}</span> },
    { id: "frozen", header: t("frozen"), align: "right", cell: (r) => <span className="tabular-nums">{formatYuan(r.frozen)}</span> },
    { id: "createdAt", header: t("createdAt"), sortable: true, cell: (r) => <span className="whitespace-nowrap">{format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "short" })}</span> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      cursors={cursors}
      parsers={accountList.parsers}
      getRowId={(r) => r.platformUserNo}
      rowHref={(r) => `/custody/accounts/${encodeURIComponent(r.platformUserNo)}`}
      caption={t("accountsCaption")}
      toolbar={
        <DataTableToolbar>
          <TableTextFilter name="ref" label={t("platformUserNo")} />
          <TableResetFilters />
        </DataTableToolbar>
      }
    />
  );
}
