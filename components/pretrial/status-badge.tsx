import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { PretrialStatus } from "@/lib/generated/prisma/enums";

const VARIANT: Record<PretrialStatus, "default" | "secondary" | "success" | "warning" | "destructive" | "outline"> = {
  SUBMITTING: "warning",
  REJECTED: "destructive",
  AWAITING_SIGNATURE: "secondary",
  SIGNED: "default",
  PBOC_REQUESTED: "default",
  PBOC_PULLED: "default",
  BIGDATA_RETURNED: "default",
  ERROR: "destructive",
  PASSED: "success",
  FAILED: "destructive",
};

export function PretrialStatusBadge({ status }: { status: PretrialStatus }) {
  const t = useTranslations("pretrial.statuses");
  return <Badge variant={VARIANT[status]} data-testid="order-status" data-status={status}>{t(status)}</Badge>;
}
