import { getFormatter, getTranslations } from "next-intl/server";
import type { RiskCaseDetail } from "@/lib/risk-cases/detail";

const shown = (v: unknown) => (v === null || v === undefined || v === "" ? "∅" : String(v));

/** Vendor-side changes seen by syncs, newest first; personal fields are named, never valued. */
export async function CaseHistory({ changes }: { changes: RiskCaseDetail["changes"] }) {
  const t = await getTranslations("riskCases");
  const format = await getFormatter();
  if (changes.length === 0) return <p className="text-sm text-muted-foreground">{t("detail.noHistory")}</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="case-history">
      {changes.map((ch) => (
        <li key={ch.id} className="rounded-md border p-2">
          <div className="text-xs text-muted-foreground">{format.dateTime(new Date(ch.seenAt), { dateStyle: "short", timeStyle: "medium" })}</div>
          <ul>
            {ch.changes.map((c) => (
              <li key={c.field}>
                <span className="text-muted-foreground">{t.has(`fields.${c.field}`) ? t(`fields.${c.field}`) : c.field}</span>:{" "}
                {c.changed ? t("detail.personalChanged") : <span>{shown(c.before)} → {shown(c.after)}</span>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

export async function CaseNotes({ notes }: { notes: RiskCaseDetail["notes"] }) {
  const t = await getTranslations("riskCases");
  const format = await getFormatter();
  if (notes.length === 0) return <p className="text-sm text-muted-foreground">{t("detail.noNotes")}</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="case-notes">
      {notes.map((n) => (
        <li key={n.id} className="rounded-md border p-2">
          <div className="text-xs text-muted-foreground">{n.author} · {format.dateTime(new Date(n.createdAt), { dateStyle: "short", timeStyle: "short" })}</div>
          <p className="whitespace-pre-wrap">{n.body}</p>
        </li>
      ))}
    </ol>
  );
}

export async function CaseAudit({ audit }: { audit: RiskCaseDetail["audit"] }) {
  const t = await getTranslations("audit");
  const format = await getFormatter();
  return (
    <ol className="space-y-1 text-xs" data-testid="case-audit">
      {audit.map((a) => {
        const [area, verb] = a.action.split(".");
        const key = `actions.${area}.${verb}`;
        return (
          <li key={a.id} className="flex flex-wrap gap-2">
            <span className="text-muted-foreground">{format.dateTime(new Date(a.at), { dateStyle: "short", timeStyle: "medium" })}</span>
            <span>{a.actorName ?? "—"}</span>
            <span>{t.has(key) ? t(key) : a.action}</span>
            {a.detail && <span className="text-muted-foreground">{a.detail}</span>}
          </li>
        );
      })}
    </ol>
  );
}
