import "server-only";
import ExcelJS from "exceljs";
import { PassThrough, Readable } from "node:stream";

export type ExportColumn<T> = { header: string; value: (row: T) => string | number | null };

/**
 * Spreadsheet cells that start with = + - @ are formulas to Excel; a customer name or dealer
 * could carry one. Prefixing a quote keeps them text (OWASP CSV injection).
 */
function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : neutralize(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV, UTF-8 with a BOM so Excel opens Chinese text correctly; streamed row by row. */
export function csvStream<T>(columns: ExportColumn<T>[], rows: AsyncIterable<T>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  async function* lines() {
    yield encoder.encode(`\uFEFF${columns.map((c) => csvCell(c.header)).join(",")}\r\n`);
    for await (const row of rows) yield encoder.encode(`${columns.map((c) => csvCell(c.value(row))).join(",")}\r\n`);
  }
  return Readable.toWeb(Readable.from(lines())) as ReadableStream<Uint8Array>;
}

/** XLSX through exceljs' streaming writer, so a large export never sits in memory whole. */
export function xlsxStream<T>(sheetName: string, columns: ExportColumn<T>[], rows: AsyncIterable<T>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const row of rows) {
      sheet.addRow(columns.map((c) => {
        const v = c.value(row);
        return typeof v === "string" ? neutralize(v) : v;
      })).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export function exportResponse(format: "csv" | "xlsx", baseName: string, body: ReadableStream<Uint8Array>): Response {
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `${baseName}-${stamp}.${format}`;
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "no-store",
    },
  });
}
