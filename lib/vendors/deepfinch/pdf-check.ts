import { AppError } from "@/lib/errors";

/** The document's limit: 小于等于 30 MB. */
export const MAX_PDF_BYTES = 30 * 1024 * 1024;
const MAGIC = Buffer.from("%PDF-");
const EOF_MARK = Buffer.from("%%EOF");
/** PDF writers may append a newline or a little padding after %%EOF; look in the last KiB. */
const EOF_WINDOW = 1024;

export type PdfCheckFailure = "pdfEmpty" | "pdfNotPdf" | "pdfTruncated" | "pdfTooLarge";

/** Which check a file fails, or null: empty, over 30 MB, no %PDF- header, no %%EOF near its end. */
export function pdfCheckFailure(bytes: Uint8Array): PdfCheckFailure | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return pdfEdgesFailure({ sizeBytes: buf.length, head: buf.subarray(0, MAGIC.length), tail: buf.subarray(Math.max(0, buf.length - EOF_WINDOW)) });
}

/** Bytes of its end a streamed upload keeps for {@link pdfEdgesFailure}. */
export const PDF_TAIL_BYTES = EOF_WINDOW;

/** The same checks from a file's size, its first bytes and its last {@link PDF_TAIL_BYTES} (a streamed upload). */
export function pdfEdgesFailure({ sizeBytes, head, tail }: { sizeBytes: number; head: Buffer; tail: Buffer }): PdfCheckFailure | null {
  if (sizeBytes === 0) return "pdfEmpty";
  if (sizeBytes > MAX_PDF_BYTES) return "pdfTooLarge";
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) return "pdfNotPdf";
  if (tail.subarray(Math.max(0, tail.length - EOF_WINDOW)).indexOf(EOF_MARK) < 0) return "pdfTruncated";
  return null;
}

export function pdfRefusal(failure: PdfCheckFailure): AppError {
  const values = failure === "pdfTooLarge" ? { mb: MAX_PDF_BYTES / 1024 / 1024 } : undefined;
  return new AppError("VALIDATION", `credit report file refused: ${failure}`, { i18n: { key: failure, values } });
}

/** Throws the translated refusal for a file that is not a complete PDF within the limit. */
export function assertPdf(bytes: Uint8Array): void {
  const failure = pdfCheckFailure(bytes);
  if (failure) throw pdfRefusal(failure);
}
