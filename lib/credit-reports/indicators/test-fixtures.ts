import { parseReport, type TReportSections } from "@/lib/vendors/deepfinch/report";

/**
 * Tests only: hand-built reports in DeepFinch's wire shape (text everywhere, amounts with
 * thousands separators), parsed by the real model so the indicators see what production sees.
 */
type Wire = Record<string, unknown>;

/** A 60-month record ending at `end` ("2024.03"): `states` are the last months, oldest first. */
export function grid(end: string, states: string[]): Wire {
  const [y, m] = end.split(".").map(Number);
  const months: { year: number; month: number; state: string }[] = [];
  for (let i = 0; i < states.length; i++) {
    const idx = y * 12 + (m - 1) - (states.length - 1 - i);
    months.push({ year: Math.floor(idx / 12), month: (idx % 12) + 1, state: states[i] });
  }
  const years = new Map<number, Wire[]>();
  for (const x of months) years.set(x.year, [...(years.get(x.year) ?? []), { monthValue: String(x.month), amount: "1,000", state: x.state }]);
  return { dateRange: "", startDate: "", endDate: end, detail: [...years].map(([year, month]) => ({ year: String(year), month })) };
}

export function loan(opts: { company?: string; state?: string; balance?: string; overdue?: string; states?: string[]; end?: string } = {}): Wire {
  const state = opts.state ?? "正常";
  return {
    manageCompany: opts.company ?? "甲银行",
    refundAmount: "100,000",
    accountState:
      state === "结清" ? { value: state, clear: { accountClosedDate: "2023.01" } }
      : state === "呆账" ? { value: state, badDebt: { surplusAmount: opts.balance ?? "10,000", latestRepayDate: "2023.01.01" } }
      : { value: state, normal: { surplusAmount: opts.balance ?? "50,000", currOverdueAmount: opts.overdue ?? "0", fiveLevelType: "正常" } },
    refundRecord: grid(opts.end ?? "2024.03", opts.states ?? ["N"]),
  };
}

export function card(opts: { company?: string; state?: string; limit?: string; used?: string; avg6?: string; overdue?: string; states?: string[] } = {}): Wire {
  const state = opts.state ?? "正常";
  return {
    cardCompany: opts.company ?? "乙银行",
    accountExtensionAmount: opts.limit ?? "10,000",
    accountState:
      state === "销户" ? { value: state, accountCanceled: { canceledDate: "2023.05.01" } }
      : { value: state, normal: { usedAmount: opts.used ?? "0", avg6monthPay: opts.avg6 ?? "0", currOverdueAmount: opts.overdue ?? "0" } },
    refundRecord: grid("2024.03", opts.states ?? ["N"]),
  };
}

export function report(parts: { reportTime?: string; loans?: Wire[]; cards?: Wire[]; queries?: [string, string][]; extra?: Wire } = {}): TReportSections {
  const wire = {
    creditHeader: { serialNo: "2024031500000000000001", reportTime: parts.reportTime ?? "2024.03.15 10:00:00" },
    creditTransInfoDetail: { acyclicCreditAccount: parts.loans ?? [], creditAccount: parts.cards ?? [] },
    queryRecord: (parts.queries ?? []).map(([date, queryReason], i) => ({ no: String(i + 1), date, queryCompany: "丙银行", queryReason })),
    ...parts.extra,
  };
  const parsed = parseReport(wire);
  if (parsed.unreadable.length) throw new Error(`fixture unreadable: ${JSON.stringify(parsed.unreadable)}`);
  return parsed.sections;
}
