"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const REQUEST_VARIANT = { PREPARED: "outline", SENT: "secondary", UNKNOWN: "warning", SUCCEEDED: "success", FAILED: "destructive" } as const;
const LEDGER_VARIANT = { NONE: "outline", WAITING: "warning", POSTED: "success", REFUSED: "destructive" } as const;
const PROJECT_VARIANT = { COLLECTING: "secondary", REPAYING: "warning", FINISH: "success", MISCARRY: "destructive" } as const;

export function RequestStatusBadge({ status }: { status: string }) {
  const t = useTranslations("custody.statuses");
  return <Badge variant={REQUEST_VARIANT[status as keyof typeof REQUEST_VARIANT] ?? "outline"}>{t.has(status) ? t(status) : status}</Badge>;
}

export function LedgerStatusBadge({ status, note }: { status: string; note?: string | null }) {
  const t = useTranslations("custody.ledgerStatuses");
  if (status === "NONE") return <span className="text-muted-foreground">—</span>;
  return (
    <Badge variant={LEDGER_VARIANT[status as keyof typeof LEDGER_VARIANT] ?? "outline"} title={note ?? undefined}>
      {t.has(status) ? t(status) : status}
    </Badge>
  );
}

export function ProjectStatusBadge({ status }: { status: string }) {
  const t = useTranslations("custody.projectStatuses");
  return <Badge variant={PROJECT_VARIANT[status as keyof typeof PROJECT_VARIANT] ?? "outline"}>{t.has(status) ? t(status) : status}</Badge>;
}
