import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const VARIANT: Record<string, "secondary" | "destructive" | "outline" | "success"> = { RUNNING: "secondary", FAILED: "destructive", MATCHED: "outline", CLOSED: "success" };

export function RunStatusBadge({ status }: { status: string }) {
  const t = useTranslations("reconciliation.status");
  return <Badge variant={VARIANT[status] ?? "outline"} data-testid="recon-run-status">{t.has(status) ? t(status) : status}</Badge>;
}
