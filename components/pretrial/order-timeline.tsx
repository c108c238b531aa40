"use client";

import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import type { OrderJson } from "@/lib/pretrial/order-json";
import { orderOutcome } from "@/lib/pretrial/order-state";
import { timelineMessages } from "@/lib/pretrial/timeline";

const TONE: Record<string, string> = {
  SUBMIT_FAILED: "bg-warning",
  DUPLICATE_REFUSED: "bg-warning",
  REJECTED: "bg-destructive",
  ERROR_SYNC: "bg-destructive",
  RESULT: "bg-success",
};

/** Every event of the order, oldest first, in vendor time where the vendor gave one. */
export function OrderTimeline({ events }: { events: OrderJson["events"] }) {
  const t = useTranslations("pretrial.events");
  const tp = useTranslations("pretrial");
  const format = useFormatter();
  const messages = timelineMessages(events);
  return (
    <ol className="relative space-y-4 border-l pl-5" data-testid="order-timeline">
      {events.map((e) => {
        const key = e.kind === "SIGNED" ? `SIGNED_${e.signedType}` : e.kind;
        // errorSync: the label says which of the three stories it was.
        const label = e.kind === "ERROR_SYNC" ? tp(`outcomes.${orderOutcome({ status: "ERROR", errReason: e.message })}`) : t.has(key) ? t(key) : key;
        const message = messages.get(e.id);
        return (
          <li key={e.id} className="relative" data-event={key}>
            <span className={cn("absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-primary ring-4 ring-background", TONE[e.kind])} aria-hidden />
            <div className="flex flex-wrap items-baseline gap-x-3">
              <span className="text-sm font-medium">{label}</span>
              <time className="text-xs text-muted-foreground" dateTime={e.occurredAt}>
                {format.dateTime(new Date(e.occurredAt), { dateStyle: "short", timeStyle: "medium" })}
              </time>
            </div>
            {message &&
              (message.sms ? (
                <details className="mt-1 text-sm" data-testid="timeline-sms">
                  <summary className="cursor-pointer text-muted-foreground">{tp("smsText")}</summary>
                  <p className="mt-1 break-all text-muted-foreground">{message.text}</p>
                </details>
              ) : (
                <p className="mt-1 text-sm break-all text-muted-foreground">{message.text}</p>
              ))}
          </li>
        );
      })}
    </ol>
  );
}
