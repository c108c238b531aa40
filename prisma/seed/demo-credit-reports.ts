import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db";
import { saveFile } from "@/lib/files/store";

/** The committed sample PDFs (synthetic text; scripts/make-credit-report-pdfs.ts). */
const SAMPLES = ["credit-report-sample-1.pdf", "credit-report-sample-2.pdf"];

/**
 * Two demo credit reports, stored as uploads waiting for recognition: the worker's minute
 * sweep sends them to the DeepFinch twin, which answers a synthetic report, so a first start
 * shows the viewer populated. A marker after %%EOF keeps their hashes apart from the samples
 * an analyst may upload by hand. The first is linked to the first demo order.
 */
export async function seedDemoCreditReports(db: Db, analystId: string) {
  const order = await db.pretrialOrder.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
  for (const [i, name] of SAMPLES.entries()) {
    const sample = readFileSync(path.join(process.cwd(), "lib/sandbox/deepfinch/fixtures", name));
    const bytes = Buffer.concat([sample, Buffer.from(`\n% demo seed ${i + 1}\n%%EOF\n`)]);
    const file = await saveFile(db, { bytes, mimeType: "application/pdf", purpose: "credit-report", createdById: analystId });
    await db.creditReport.create({
      data: {
        fileId: file.id,
        fileSha256: createHash("sha256").update(bytes).digest("hex"),
        fileSizeBytes: bytes.length,
        pretrialOrderId: i === 0 ? (order?.id ?? null) : null,
        status: "UPLOADED",
        uploadedById: analystId,
      },
    });
  }
}
