import { getTranslations } from "next-intl/server";
import { csvStream, exportResponse, xlsxStream } from "@/lib/export/table-export";
import { userRoute } from "@/lib/http/route";
import { reconExportColumns } from "@/lib/reconciliation/export-columns";
import { iterateRunLines, RECON_ROLES } from "@/lib/reconciliation/queries";

export const dynamic = "force-dynamic";

/** A run's lines (`?what=lines`) or exceptions (default) as CSV or Excel, streamed and audited. */
export const GET = userRoute<{ id: string }>({ name: "reconciliation.export", roles: RECON_ROLES, audit: "stream" }, async ({ request, user, params, audit }) => {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const lines = url.searchParams.get("what") === "lines";
  const t = await getTranslations("reconciliation");
  const columns = reconExportColumns(t);
  audit({ targetType: "recon_run", targetId: params.id, detail: `${format} ${lines ? "lines" : "exceptions"}` });
  const rows = iterateRunLines(user, params.id, { exceptionsOnly: !lines });
  const name = `reconciliation-${params.id}-${lines ? "lines" : "exceptions"}`;
  return exportResponse(format, name, format === "csv" ? csvStream(columns, rows) : xlsxStream(t("title"), columns, rows));
});
