"use client";

import { useTranslations } from "next-intl";

/** The client twin of fields.tsx, for what the accounts tabs unfold in the browser. */
type Value = unknown;
const isScalar = (v: Value) => v === null || v === undefined || typeof v === "string" || typeof v === "number";
const shown = (v: Value) => (v === null || v === undefined || v === "" ? "—" : String(v));

export function ClientFieldList({ data }: { data: Record<string, Value> | null | undefined }) {
  const t = useTranslations("creditReports");
  if (!data) return null;
  const label = (k: string) => (t.has(`sections.${k}`) ? t(`sections.${k}`) : t.has(`fields.${k}`) ? t(`fields.${k}`) : k);
  const entries = Object.entries(data).filter(([, v]) => v !== undefined);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2 xl:grid-cols-3">
        {entries.filter(([, v]) => isScalar(v)).map(([k, v]) => (
          <div key={k} className="flex min-w-0 justify-between gap-3 border-b border-dashed py-1 sm:block sm:border-0 sm:py-0">
            <dt className="shrink-0 text-muted-foreground">{label(k)}</dt>
            <dd className="min-w-0 break-words text-right font-medium sm:text-left">{shown(v)}</dd>
          </div>
        ))}
      </dl>
      {entries.filter(([, v]) => !isScalar(v)).map(([k, v]) => (
        <div key={k} className="space-y-1.5">
          <div className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{label(k)}</div>
          {Array.isArray(v) ? <ClientRecordTable rows={v as Record<string, Value>[]} /> : <ClientFieldList data={v as Record<string, Value>} />}
        </div>
      ))}
    </div>
  );
}

export function ClientRecordTable({ rows }: { rows: Record<string, Value>[] | null | undefined }) {
  const t = useTranslations("creditReports");
  if (!rows || rows.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  const columns = [...new Set(rows.flatMap((r) => Object.entries(r).filter(([, v]) => isScalar(v)).map(([k]) => k)))];
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b">
            {columns.map((c) => <th key={c} className="whitespace-nowrap px-2 py-1.5 text-left font-medium text-muted-foreground">{t.has(`fields.${c}`) ? t(`fields.${c}`) : c}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-b last:border-0">
              {columns.map((c) => <td key={c} className="whitespace-nowrap px-2 py-1.5">{shown(r[c])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
