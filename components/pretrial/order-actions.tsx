"use client";

import { FilePlus2, RefreshCw, Send, RotateCw } from "lucide-react";
import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { pushOutsideAction, refreshResultAction, retrySubmitAction } from "@/lib/pretrial/actions";
import type { ActionServerError } from "@/lib/safe-action";
import type { OrderJson } from "@/lib/pretrial/order-json";

const errorToast = ({ error }: { error: { serverError?: unknown } }) => toast.error((error.serverError as ActionServerError | undefined)?.message ?? "");

/** What an officer can do with the order, depending on where it stands. */
export function OrderActions({ order, canWrite, onChanged }: { order: OrderJson; canWrite: boolean; onChanged: () => void }) {
  const t = useTranslations("pretrial");
  const refresh = useAction(refreshResultAction, {
    onSuccess: ({ data }) => { toast.success(t("refreshed", { result: data?.hasResult ? t("refreshedHas") : t("refreshedNone") })); onChanged(); },
    onError: errorToast,
  });
  const push = useAction(pushOutsideAction, {
    onSuccess: ({ data }) => { (data?.accepted ? toast.success : toast.warning)(data?.accepted ? t("pushed") : t("pushRefused")); onChanged(); },
    onError: errorToast,
  });
  const retry = useAction(retrySubmitAction, { onSuccess: () => { toast.success(t("retried")); onChanged(); }, onError: errorToast });
  if (!canWrite) return null;
  const failed = ["FAILED", "REJECTED", "ERROR"].includes(order.status);
  return (
    <div className="flex flex-wrap gap-2">
      {order.status === "SUBMITTING" && (
        <Button size="sm" onClick={() => retry.execute({ orderId: order.id })} disabled={retry.isPending} data-testid="retry-submit">
          <RotateCw className="size-4" aria-hidden />
          {t("retrySubmit")}
        </Button>
      )}
      {order.querySn && (
        <>
          <Button size="sm" variant="outline" onClick={() => refresh.execute({ orderId: order.id })} disabled={refresh.isPending} data-testid="refresh-result">
            <RefreshCw className="size-4" aria-hidden />
            {t("refresh")}
          </Button>
          <Button size="sm" variant="outline" onClick={() => push.execute({ orderId: order.id })} disabled={push.isPending}>
            <Send className="size-4" aria-hidden />
            {t("pushOutside")}
          </Button>
        </>
      )}
      {failed && (
        <Button size="sm" variant="secondary" asChild>
          <Link href={`/pretrial/new?from=${order.id}`}>
            <FilePlus2 className="size-4" aria-hidden />
            {t("newFromFailed")}
          </Link>
        </Button>
      )}
    </div>
  );
}
