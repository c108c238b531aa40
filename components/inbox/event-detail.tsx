import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { getInboundEventOrNull } from "@/lib/inbox/queries";
import { BodyPanel, RerunButton } from "./event-actions";
import { InboxStatusBadge } from "./status-badge";

type Event = NonNullable<Awaited<ReturnType<typeof getInboundEventOrNull>>>;

export async function InboundEventDetail({ event }: { event: Event }) {
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
    [t("target"), event.targetType ? `${event.targetType} ${event.targetId}` : "—"],
    [t("lastError"), event.lastError ?? "—"],
  ];
  const canRerun = event.status !== "DUPLICATE" && event.status !== "REJECTED";
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader className="flex flex-row items-center justify-between space-y-0">
          <CardTitle>{t("detailTitle", { id: event.id })}</CardTitle>
          <RerunButton eventId={event.id} disabled={!canRerun} />
        </CardHeader>
        <CardContent>
          {event.duplicateOfId && (
            <p className="mb-3 text-sm">
              <Link className="text-primary hover:underline" href={`/inbox/${event.duplicateOfId}`}>
                {t("duplicateOf", { id: event.duplicateOfId })}
              </Link>
            </p>
          )}
          <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("headers")}</CardTitle>
        </CardHeader>
        <CardContent>
          <pre className="max-h-64 overflow-auto rounded-md bg-muted/50 p-3 text-xs">{JSON.stringify(event.headers, null, 2)}</pre>
        </CardContent>
      </Card>
      <BodyPanel eventId={event.id} title={t("body")} masked={event.bodyMasked} />
    </div>
  );
}
