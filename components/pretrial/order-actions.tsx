"use client";

import { RefreshCw, Send, RotateCw } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { pushOutsideAction, refreshResultAction, retrySubmitAction } from "@/lib/pretrial/actions";
import type { OrderAction } from "@/lib/pretrial/order-state";
import type { ActionServerError } from "@/lib/safe-action";

const errorToast = ({ error }: { error: { serverError?: unknown } }) => toast.error((error.serverError as ActionServerError | undefined)?.message ?? "");

/** The calls to 万网 an officer can make on an order; which ones is decided by `allowedOrderActions`. */
export function OrderActions({ orderId, actions, onChanged }: { orderId: string; actions: readonly OrderAction[]; onChanged: () => void }) {
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
  const has = (a: OrderAction) => actions.includes(a);
  if (!has("retrySubmit") && !has("refreshResult") && !has("pushOutside")) return null;
  return (
    <div className="flex flex-wrap gap-2" data-testid="order-actions">
      {has("retrySubmit") && (
        <Button size="sm" onClick={() => retry.execute({ orderId })} disabled={retry.isPending} data-testid="retry-submit">
          <RotateCw className="size-4" aria-hidden />
          {t("retrySubmit")}
        </Button>
      )}
      {has("refreshResult") && (
        <Button size="sm" variant="outline" onClick={() => refresh.execute({ orderId })} disabled={refresh.isPending} data-testid="refresh-result">
          <RefreshCw className="size-4" aria-hidden />
          {t("refresh")}
        </Button>
      )}
      {has("pushOutside") && (
        <Button size="sm" variant="outline" onClick={() => push.execute({ orderId })} disabled={push.isPending} data-testid="push-outside">
          <Send className="size-4" aria-hidden />
          {t("pushOutside")}
        </Button>
      )}
    </div>
  );
}
