import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { getInboundEventOrNull, readEventBodyPreview } from "@/lib/inbox/queries";
import { BodyPanel, RerunButton } from "./event-actions";
import { InboxStatusBadge } from "./status-badge";

type Event = NonNullable<Awaited<ReturnType<typeof getInboundEventOrNull>>>;
type Preview = NonNullable<Awaited<ReturnType<typeof readEventBodyPreview>>>;

/** Where the record an event was applied to lives in the console, when it has a page. */
const TARGET_HREF: Record<string, (id: string) => string> = {
  pretrialOrder: (id) => `/pretrial/${id}`,
  riskScoreRequest: (id) => `/risk-scores/${id}`,
};

export async function InboundEventDetail({ event, preview }: { event: Event; preview: Preview }) {
  const t = await getTranslations("inbox");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" }) : "—");
  const rows: [string, React.ReactNode][] = [
    [t("source"), event.source],
    [t("eventType"), event.eventType],
    [t("eventKey"), <span key="k" className="font-mono text-xs">{event.eventKey ?? "—"}</span>],
    [t("status"), <InboxStatusBadge key="s" status={event.status} />],
    [t("signature"), event.signatureOk ? t("signatureOk") : t("signatureBad")],
    [t("receivedAt"), when(event.receivedAt)],
    [t("attempts"), event.attempts],
    [t("target"), <TargetLink key="t" type={event.targetType} id={event.targetId} label={event.targetType ? t.has(`targetTypes.${event.targetType}`) ? t(`targetTypes.${event.targetType}`) : event.targetType : null} />],
    [t("lastError"), event.lastError ?? "—"],
  ];
  const canRerun = event.status !== "DUPLICATE" && event.status !== "REJECTED";
  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2 [&>*]:min-w-0">
      <Card className="min-w-0">
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 space-y-0">
          <CardTitle>{t("detailTitle", { id: event.id })}</CardTitle>
          <RerunButton eventId={event.id} disabled={!canRerun} processed={event.status === "PROCESSED"} />
        </CardHeader>
        <CardContent>
          {event.duplicateOfId && (
            <p className="mb-3 text-sm">
              <Link className="text-primary hover:underline" href={`/inbox/${event.duplicateOfId}`}>
                {t("duplicateOf", { id: event.duplicateOfId })}
              </Link>
            </p>
          )}
          <dl className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>{t("headers")}</CardTitle>
        </CardHeader>
        <CardContent>
          <pre className="max-h-64 overflow-auto rounded-md bg-muted/50 p-3 text-xs whitespace-pre-wrap break-all">{JSON.stringify(event.headers, null, 2)}</pre>
        </CardContent>
      </Card>
      <BodyPanel eventId={event.id} title={t("body")} preview={preview} />
    </div>
  );
}

function TargetLink({ type, id, label }: { type: string | null; id: string | null; label: string | null }) {
  if (!type || !id) return <>—</>;
  const href = TARGET_HREF[type]?.(id);
  const text = `${label ?? type} ${id}`;
  // Linked: the record's name is enough, its row id stays in the tooltip.
  return href ? (
    <Link className="text-primary hover:underline" href={href} title={id} data-testid="inbox-target-link">
      {label ?? type}
    </Link>
  ) : (
    <>{text}</>
  );
}
