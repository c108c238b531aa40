import { CREDIT_REPORT_ROLES } from "@/lib/credit-reports/access";
import { assertAnalyst } from "@/lib/credit-reports/view";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readFile } from "@/lib/files/store";
import { userRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The original PDF for the viewer's pane (decrypted on the fly; every opening audited). */
export const GET = userRoute<{ id: string }>({ name: "credit-report.pdf", roles: CREDIT_REPORT_ROLES, audit: "success" }, async ({ params, user, audit }) => {
  assertAnalyst(user);
  const db = getDb();
  const row = await db.creditReport.findUnique({ where: { id: params.id }, select: { fileId: true } });
  const file = row && (await readFile(db, row.fileId));
  if (!file) throw new AppError("NOT_FOUND", "credit report file not found");
  audit({ targetType: "CreditReport", targetId: params.id, detail: "opened the PDF" });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="credit-report-${params.id}.pdf"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
