"use client";

import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import type { OrderJson } from "@/lib/pretrial/order-json";

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
  const format = useFormatter();
  return (
    <ol className="relative space-y-4 border-l pl-5" data-testid="order-timeline">
      {events.map((e) => {
        const key = e.kind === "SIGNED" ? `SIGNED_${e.signedType}` : e.kind;
        return (
          <li key={e.id} className="relative" data-event={key}>
            <span className={cn("absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-primary ring-4 ring-background", TONE[e.kind])} aria-hidden />
            <div className="flex flex-wrap items-baseline gap-x-3">
              <span className="text-sm font-medium">{t.has(key) ? t(key) : key}</span>
              <time className="text-xs text-muted-foreground" dateTime={e.occurredAt}>
                {format.dateTime(new Date(e.occurredAt), { dateStyle: "short", timeStyle: "medium" })}
              </time>
            </div>
            {e.message && <p className="mt-1 text-sm break-all text-muted-foreground">{e.message}</p>}
          </li>
        );
      })}
    </ol>
  );
}
