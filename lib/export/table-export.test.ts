import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { csvStream, displayWidth, formatBeijing, xlsxStream } from "./table-export";

async function* rowsOf<T>(rows: T[]) {
  yield* rows;
}

describe("exports", () => {
  it("write times in Beijing, whatever the server's time zone", () => {
    expect(formatBeijing(new Date("2026-11-30T16:05:09.123Z"))).toBe("2026-12-01 00:05:09");
  });

  it("give CSV dates as yyyy-MM-dd HH:mm:ss and keep formulas inert", async () => {
    const body = csvStream([{ header: "at", value: (r: { at: Date; s: string }) => r.at }, { header: "s", value: (r) => r.s }], rowsOf([{ at: new Date("2026-01-01T00:00:00Z"), s: "=1+1" }]));
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(body).arrayBuffer());
    expect(text).toBe("\uFEFFat,s\r\n2026-01-01 08:00:00,'=1+1\r\n");
  });

  it("count wide characters twice when sizing columns", () => {
    expect(displayWidth("成都恒信")).toBe(8);
    expect(displayWidth("CR2611300001")).toBe(12);
    expect(displayWidth(null)).toBe(0);
  });

  it("write XLSX times as date cells in Beijing time and size columns to their content", async () => {
    type Row = { at: Date; dealer: string };
    const rows: Row[] = [{ at: new Date("2026-11-30T16:05:09Z"), dealer: "成都恒信汽车销售服务有限公司" }];
    const body = xlsxStream<Row>("s", [{ header: "时间", value: (r) => r.at }, { header: "车商", value: (r) => r.dealer }], rowsOf(rows));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await new Response(body).arrayBuffer());
    const sheet = book.worksheets[0];
    const cell = sheet.getRow(2).getCell(1);
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe("2026-12-01T00:05:09.000Z");
    expect(cell.numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect(sheet.getColumn(2).width).toBe(30);
  });
});
