import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/**
 * Generic rendering of the report's wire shapes, so every field the model knows is shown with
 * its label (creditReports.fields.<key>) without a hand-written line per field. Scalars become
 * a definition list; nested objects a titled sub-list; arrays of records a table.
 */
type Value = unknown;
const isScalar = (v: Value) => v === null || v === undefined || typeof v === "string" || typeof v === "number";
const shown = (v: Value) => (v === null || v === undefined || v === "" ? "—" : String(v));

export async function FieldList({ data, omit = [], testId }: { data: Record<string, Value> | null | undefined; omit?: string[]; testId?: string }) {
  const t = await getTranslations("creditReports");
  if (!data) return null;
  const entries = Object.entries(data).filter(([k, v]) => !omit.includes(k) && v !== undefined);
  const scalars = entries.filter(([, v]) => isScalar(v));
  const nested = entries.filter(([, v]) => !isScalar(v));
  return (
    <div className="space-y-3" data-testid={testId}>
      {scalars.length > 0 && (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2 xl:grid-cols-3">
          {scalars.map(([k, v]) => (
            <div key={k} className="flex min-w-0 justify-between gap-3 border-b border-dashed py-1 sm:block sm:border-0 sm:py-0">
              <dt className="shrink-0 text-muted-foreground">{t.has(`fields.${k}`) ? t(`fields.${k}`) : k}</dt>
              <dd className="min-w-0 break-words text-right font-medium sm:text-left">{shown(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {nested.map(([k, v]) => (
        <div key={k} className="space-y-1.5">
          <div className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            {t.has(`sections.${k}`) ? t(`sections.${k}`) : t.has(`fields.${k}`) ? t(`fields.${k}`) : k}
          </div>
          {Array.isArray(v) ? <RecordTable rows={v as Record<string, Value>[]} /> : <FieldList data={v as Record<string, Value>} />}
        </div>
      ))}
    </div>
  );
}

export async function RecordTable({ rows, testId }: { rows: Record<string, Value>[] | null | undefined; testId?: string }) {
  const t = await getTranslations("creditReports");
  if (!rows || rows.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  if (rows.every((r) => isScalar(r))) return <p className="text-sm">{rows.map(shown).join("；")}</p>;
  const columns = [...new Set(rows.flatMap((r) => Object.entries(r).filter(([, v]) => isScalar(v)).map(([k]) => k)))];
  return (
    <div className="overflow-x-auto rounded-md border" data-testid={testId}>
      <Table>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHead key={c} className="whitespace-nowrap">{t.has(`fields.${c}`) ? t(`fields.${c}`) : c}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}>
              {columns.map((c) => (
                <TableCell key={c} className="whitespace-nowrap">{shown(r[c])}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
