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
  if (bytes.byteLength === 0) return "pdfEmpty";
  if (bytes.byteLength > MAX_PDF_BYTES) return "pdfTooLarge";
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) return "pdfNotPdf";
  if (buf.subarray(Math.max(0, buf.length - EOF_WINDOW)).indexOf(EOF_MARK) < 0) return "pdfTruncated";
  return null;
}

/** Throws the translated refusal for a file that is not a complete PDF within the limit. */
export function assertPdf(bytes: Uint8Array): void {
  const failure = pdfCheckFailure(bytes);
  if (!failure) return;
  const values = failure === "pdfTooLarge" ? { mb: MAX_PDF_BYTES / 1024 / 1024 } : undefined;
  throw new AppError("VALIDATION", `credit report file refused: ${failure}`, { i18n: { key: failure, values } });
}
