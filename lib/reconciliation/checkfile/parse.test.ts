import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHECK_FILE_COLUMNS, CHECK_FILE_TYPES } from "./columns";
import { CheckFileError } from "./errors";
import { checkFileHeader, checkFileLine, fenToYuanText } from "./format";
import { parseCheckFile, parseCheckFileText, type ParseOptions, yuanToFen } from "./parse";

const opts: ParseOptions = { fileType: "RECHARGE", fileDate: "20261130", platformNo: "P001" };
const HEADER = "platformNo|requestNo|platformUserNo|amount|fee|rechargeWay|bankcode|status|createTime|transactionTime\n";
const line = (over: Partial<Record<string, string>> = {}) => {
  const v = { platformNo: "P001", requestNo: "R1", platformUserNo: "U1", amount: "1234.50", fee: "0.05", rechargeWay: "NETBANK_B2C", bankcode: "CIBK", status: "SUCCESS", createTime: "20261130093000", transactionTime: "20261130093005", ...over };
  return `${v.platformNo}|${v.requestNo}|${v.platformUserNo}|${v.amount}|${v.fee}|${v.rechargeWay}|${v.bankcode}|${v.status}|${v.createTime}|${v.transactionTime}\n`;
};

async function refusal(text: string | Uint8Array, o = opts): Promise<CheckFileError> {
  try {
    await parseCheckFileText(text, o);
  } catch (e) {
    if (e instanceof CheckFileError) return e;
    throw e;
  }
  throw new Error("the file was accepted");
}

describe("check file parser", () => {
  it("reads records by column name into integer fen", async () => {
    const recs = await parseCheckFileText(HEADER + line() + line({ requestNo: "R2", amount: "7", fee: "0.1" }), opts);
    expect(recs).toHaveLength(2);
    expect(recs[0]).toMatchObject({ lineNo: 2, requestNo: "R1", platformUserNo: "U1", amount: 123450, fee: 5, status: "SUCCESS", transactionTime: "20261130093005" });
    expect(recs[1]).toMatchObject({ lineNo: 3, amount: 700, fee: 10 });
  });

  it("reads columns in any order, keeps going past unknown columns, accepts CRLF and a BOM", async () => {
    const text = "\uFEFFtransactionTime|newField|status|fee|amount|platformUserNo|requestNo|platformNo\r\n20261130235959|x|FAIL|0.00|0.01|U9|R9|P001\r\n";
    const [r] = await parseCheckFileText(text, opts);
    expect(r).toMatchObject({ requestNo: "R9", platformUserNo: "U9", amount: 1, fee: 0, status: "FAIL" });
  });

  it("fails naming a required column that is missing", async () => {
    const e = await refusal(HEADER.replace("|fee", "") + "P001|R1|U1|1.00|x|y|SUCCESS|20261130093000|20261130093005\n");
    expect(e).toMatchObject({ problem: "missing_column", column: "fee", line: 1 });
  });

  it("fails on a truncated last line, naming it", async () => {
    const e = await refusal(HEADER + line() + line().slice(0, 20));
    expect(e).toMatchObject({ problem: "truncated", line: 3 });
  });

  it("fails on a line with the wrong number of fields", async () => {
    const e = await refusal(HEADER + line() + "P001|R2|U1|1.00\n");
    expect(e).toMatchObject({ problem: "field_count", line: 3 });
  });

  it("fails on bytes that are not UTF-8", async () => {
    const bytes = Buffer.concat([Buffer.from(HEADER), Buffer.from([0xff, 0xfe, 0x0a])]);
    expect((await refusal(bytes)).problem).toBe("encoding");
  });

  it("fails on an empty file", async () => {
    expect((await refusal("")).problem).toBe("empty");
  });

  it("fails on a record of another day (Beijing), naming the line", async () => {
    const e = await refusal(HEADER + line() + line({ transactionTime: "20261201000000" }));
    expect(e).toMatchObject({ problem: "wrong_date", line: 3, column: "transactionTime" });
  });

  it("fails on a record of another platform", async () => {
    const e = await refusal(HEADER + line({ platformNo: "P002" }));
    expect(e).toMatchObject({ problem: "other_platform", line: 2 });
  });

  it.each([["1.234"], ["-1.00"], ["1e3"], ["1,000.00"], [""], ["1000000000.00"], ["12."]])("refuses the amount %j", async (amount) => {
    const e = await refusal(HEADER + line({ amount }));
    expect(e).toMatchObject({ problem: "bad_value", line: 2, column: "amount" });
  });

  it("refuses an impossible time", async () => {
    expect((await refusal(HEADER + line({ transactionTime: "20261130250000" }))).problem).toBe("bad_value");
    expect((await refusal(HEADER + line({ createTime: "20260230120000" }))).problem).toBe("bad_value");
  });

  it("never puts a value in its message", async () => {
    const e = await refusal(HEADER + line({ amount: "6222021234567890" }));
    expect(e.message).not.toContain("6222021234567890");
  });

  it("checks BALANCE lines add up and are of the file's day", async () => {
    const o = { ...opts, fileType: "BALANCE" as const };
    const h = checkFileHeader("BALANCE");
    const ok = await parseCheckFileText(h + checkFileLine("BALANCE", { platformNo: "P001", platformUserNo: "U1", balance: 1500, availableAmount: 1000, freezeAmount: 500, balanceDate: "20261130" }), o);
    expect(ok[0]).toMatchObject({ amount: 1500, fee: 1000, frozen: 500 });
    const bad = await refusal(h + checkFileLine("BALANCE", { platformNo: "P001", platformUserNo: "U1", balance: 1501, availableAmount: 1000, freezeAmount: 500 }), o);
    expect(bad.problem).toBe("balance_sum");
    const day = await refusal(h + checkFileLine("BALANCE", { platformNo: "P001", platformUserNo: "U1", balance: 0, availableAmount: 0, freezeAmount: 0, balanceDate: "20261129" }), o);
    expect(day.problem).toBe("wrong_date");
  });

  it("streams: records split across arbitrary chunk boundaries parse the same", async () => {
    const text = HEADER + line() + line({ requestNo: "R2", amount: "0.99" }) + line({ requestNo: "汉字R3" });
    const bytes = Buffer.from(text);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let prev = 0;
        for (const p of [...points, bytes.length]) {
          chunks.push(bytes.subarray(prev, p));
          prev = p;
        }
        const out = [];
        for await (const b of parseCheckFile(chunks, opts)) out.push(...b);
        expect(out.map((r) => r.requestNo)).toEqual(["R1", "R2", "汉字R3"]);
        expect(out.map((r) => r.amount)).toEqual([123450, 99, 123450]);
      }),
    );
  });

  it("yuan ↔ fen round-trips exactly for every amount under one billion yuan", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 - 1 }), (fen) => {
        expect(yuanToFen(fenToYuanText(fen), "RECHARGE", 2, "amount")).toBe(fen);
      }),
    );
  });

  it("every file type's own header and a full line parse back", async () => {
    for (const t of CHECK_FILE_TYPES) {
      const values: Record<string, string | number> = {};
      for (const c of CHECK_FILE_COLUMNS[t]) values[c.name] = c.kind === "A" ? 0 : c.kind === "T" ? "20261130120000" : c.kind === "D" ? "20261130" : "X";
      values.platformNo = "P001";
      const recs = await parseCheckFileText(checkFileHeader(t) + checkFileLine(t, values), { ...opts, fileType: t });
      expect(recs).toHaveLength(1);
    }
  });
});
