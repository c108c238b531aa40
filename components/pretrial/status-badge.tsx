import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { PretrialStatus } from "@/lib/generated/prisma/enums";
import { OUTCOME_TONE, orderOutcome } from "@/lib/pretrial/order-state";

/**
 * The order's status. An `ERROR` with its reason shows what happened (客户拒绝签署 / 主体不存在 /
 * 平台异常) rather than one 异常 for all three; without the reason it falls back to the status.
 */
export function PretrialStatusBadge({ status, errReason }: { status: PretrialStatus; errReason?: string | null }) {
  const t = useTranslations("pretrial");
  const outcome = orderOutcome({ status, errReason });
  const specific = status === "ERROR" && errReason !== undefined;
  return (
    <Badge variant={OUTCOME_TONE[outcome]} className="shrink-0 whitespace-nowrap" data-testid="order-status" data-status={status} data-outcome={outcome}>
      {specific ? t(`outcomes.${outcome}`) : t(`statuses.${status}`)}
    </Badge>
  );
}
