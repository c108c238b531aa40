import "server-only";
import ExcelJS from "exceljs";
import { PassThrough, Readable } from "node:stream";

/** A Date is a point in time: CSV writes it as Beijing `yyyy-MM-dd HH:mm:ss`, XLSX as a real date cell in Beijing time. */
export type ExportValue = string | number | Date | null;
export type ExportColumn<T> = { header: string; value: (row: T) => ExportValue };

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, whatever the server's TZ. */
export function formatBeijing(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** Excel dates have no time zone: the cell holds Beijing wall-clock time. */
function excelDate(date: Date): Date {
  return new Date(date.getTime() + BEIJING_OFFSET_MS);
}

/** Display width of a cell: CJK and other wide characters take two columns. */
export function displayWidth(value: ExportValue): number {
  if (value === null) return 0;
  if (value instanceof Date) return 19;
  let w = 0;
  for (const ch of String(value)) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Rows looked at to size the columns before the streaming writer fixes them. */
const SIZING_ROWS = 200;

/**
 * Spreadsheet cells that start with = + - @ are formulas to Excel; a customer name or dealer
 * could carry one. Prefixing a quote keeps them text (OWASP CSV injection).
 */
function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: ExportValue): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : value instanceof Date ? formatBeijing(value) : neutralize(value);
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

/**
 * XLSX through exceljs' streaming writer, so a large export never sits in memory whole. The
 * first rows are held back to size each column to its content (a streamed sheet fixes widths
 * before its first row); times are date cells in Beijing time.
 */
export function xlsxStream<T>(sheetName: string, columns: ExportColumn<T>[], rows: AsyncIterable<T>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  const cells = (row: T) =>
    columns.map((c) => {
      const v = c.value(row);
      return typeof v === "string" ? neutralize(v) : v instanceof Date ? excelDate(v) : v;
    });
  (async () => {
    const iterator = rows[Symbol.asyncIterator]();
    const head: T[] = [];
    while (head.length < SIZING_ROWS) {
      const next = await iterator.next();
      if (next.done) break;
      head.push(next.value);
    }
    const widths = columns.map((c) => displayWidth(c.header));
    for (const row of head) columns.forEach((c, i) => (widths[i] = Math.max(widths[i], displayWidth(c.value(row)))));
    sheet.columns = columns.map((c, i) => ({ header: c.header, width: Math.min(60, Math.max(8, widths[i] + 2)) }));
    sheet.getRow(1).font = { bold: true };
    const write = (row: T) => {
      const values = cells(row);
      const r = sheet.addRow(values);
      values.forEach((v, i) => {
        if (v instanceof Date) {
          r.getCell(i + 1).numFmt = "yyyy-mm-dd hh:mm:ss";
        }
      });
      r.commit();
    };
    for (const row of head) write(row);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) write(next.value);
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
