import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { beginStreamedFile, deleteFile, type StreamedFile } from "@/lib/files/store";
import { Prisma } from "@/lib/generated/prisma/client";
import { streamMultipart } from "@/lib/http/multipart-stream";
import { MAX_PDF_BYTES, PDF_TAIL_BYTES, pdfEdgesFailure, pdfRefusal } from "@/lib/vendors/deepfinch/pdf-check";

export const CREDIT_REPORT_PURPOSE = "credit-report";

export type UploadOutcome = { reportId: string; created: boolean };

/**
 * Stores an uploaded report PDF while it streams in: the multipart `file` part goes chunk by
 * chunk into an encrypted temp file (lib/files/store.ts beginStreamedFile), hashed as it goes,
 * refused as soon as it crosses 30 MB; `%PDF-` is checked on its first bytes and `%%EOF` on its
 * last KiB once it has ended. Only then is it moved under its generated name with its row and
 * the report's row in UPLOADED (the caller enqueues recognition). The same bytes uploaded again
 * (by SHA-256) open the existing report instead — also when two uploads race (the unique index
 * decides, the loser's file is removed). Any refusal removes the temp file: nothing half-stored.
 */
export async function uploadCreditReportStream(db: Db, user: SessionUser, request: Request, bodyLimit: number): Promise<UploadOutcome> {
  let file: StreamedFile | null = null;
  try {
    let size = 0;
    const { fields } = await streamMultipart(request, {
      bodyLimit,
      fileField: "file",
      openFile: async () => {
        const opened = await beginStreamedFile({ headBytes: 8, tailBytes: PDF_TAIL_BYTES });
        file = opened;
        return {
          write: async (chunk) => {
            size += chunk.byteLength;
            if (size > MAX_PDF_BYTES) throw pdfRefusal("pdfTooLarge");
            await opened.write(chunk);
          },
        };
      },
    });
    const streamed = file as StreamedFile | null;
    if (!streamed) throw new AppError("VALIDATION", "no file part", { i18n: { key: "pdfEmpty" }, fieldErrors: { file: ["pdfEmpty"] } });
    const info = await streamed.finish();
    const failure = pdfEdgesFailure(info);
    if (failure) throw pdfRefusal(failure);

    const existing = await db.creditReport.findUnique({ where: { fileSha256: info.sha256 }, select: { id: true } });
    if (existing) {
      await streamed.abort();
      return { reportId: existing.id, created: false };
    }

    const pretrialOrderId = fields.get("pretrialOrderId")?.trim() || null;
    if (pretrialOrderId && !(await db.pretrialOrder.findUnique({ where: { id: pretrialOrderId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "pretrial order to link not found", { fieldErrors: { pretrialOrderId: ["notFound"] } });
    }

    const stored = await streamed.commit(db, { mimeType: "application/pdf", purpose: CREDIT_REPORT_PURPOSE, createdById: user.id });
    try {
      const row = await db.creditReport.create({
        data: { fileId: stored.id, fileSha256: info.sha256, fileSizeBytes: info.sizeBytes, pretrialOrderId, status: "UPLOADED", uploadedById: user.id },
        select: { id: true },
      });
      return { reportId: row.id, created: true };
    } catch (err) {
      await deleteFile(db, stored.id).catch(() => undefined);
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
        const winner = await db.creditReport.findUnique({ where: { fileSha256: info.sha256 }, select: { id: true } });
        if (winner) return { reportId: winner.id, created: false };
      }
      throw err;
    }
  } catch (err) {
    await (file as StreamedFile | null)?.abort().catch(() => undefined);
    throw err;
  }
}

/** The same from a FormData already in hand (tests, seed): streamed through the same parser. */
export function uploadCreditReport(db: Db, user: SessionUser, form: FormData): Promise<UploadOutcome> {
  return uploadCreditReportStream(db, user, new Request("http://localhost/upload", { method: "POST", body: form }), Number.POSITIVE_INFINITY);
}
