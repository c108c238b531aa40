import "server-only";
import { createHash } from "node:crypto";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteFile, saveFile } from "@/lib/files/store";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertPdf } from "@/lib/vendors/deepfinch/pdf-check";

export const CREDIT_REPORT_PURPOSE = "credit-report";

export type UploadOutcome = { reportId: string; created: boolean };

/**
 * Stores an uploaded report PDF (encrypted at rest, under a generated name) and its row in
 * UPLOADED; the caller enqueues recognition. The same bytes uploaded again (by SHA-256) open
 * the existing report instead — also when two uploads race (the unique index decides, the
 * loser's file is removed). Nothing is stored for a file that is not a complete PDF.
 */
export async function uploadCreditReport(db: Db, user: SessionUser, form: FormData): Promise<UploadOutcome> {
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
    throw new AppError("VALIDATION", "no file part", { i18n: { key: "pdfEmpty" }, fieldErrors: { file: ["pdfEmpty"] } });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  assertPdf(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  const existing = await db.creditReport.findUnique({ where: { fileSha256: sha256 }, select: { id: true } });
  if (existing) return { reportId: existing.id, created: false };

  const orderField = form.get("pretrialOrderId");
  const pretrialOrderId = typeof orderField === "string" && orderField.trim() ? orderField.trim() : null;
  if (pretrialOrderId && !(await db.pretrialOrder.findUnique({ where: { id: pretrialOrderId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "pretrial order to link not found", { fieldErrors: { pretrialOrderId: ["notFound"] } });
  }

  const stored = await saveFile(db, { bytes, mimeType: "application/pdf", purpose: CREDIT_REPORT_PURPOSE, createdById: user.id });
  try {
    const row = await db.creditReport.create({
      data: { fileId: stored.id, fileSha256: sha256, fileSizeBytes: bytes.length, pretrialOrderId, status: "UPLOADED", uploadedById: user.id },
      select: { id: true },
    });
    return { reportId: row.id, created: true };
  } catch (err) {
    await deleteFile(db, stored.id).catch(() => undefined);
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const winner = await db.creditReport.findUnique({ where: { fileSha256: sha256 }, select: { id: true } });
      if (winner) return { reportId: winner.id, created: false };
    }
    throw err;
  }
}
