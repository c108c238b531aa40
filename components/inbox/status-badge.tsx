import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { InboundStatus } from "@/lib/generated/prisma/enums";

const VARIANT: Record<InboundStatus, "default" | "secondary" | "success" | "warning" | "destructive" | "outline"> = {
  RECEIVED: "secondary",
  PROCESSED: "success",
  DUPLICATE: "outline",
  UNMATCHED: "warning",
  REJECTED: "destructive",
  FAILED: "destructive",
};

export function InboxStatusBadge({ status }: { status: InboundStatus }) {
  const t = useTranslations("inbox.statuses");
  return <Badge variant={VARIANT[status]}>{t(status)}</Badge>;
}
