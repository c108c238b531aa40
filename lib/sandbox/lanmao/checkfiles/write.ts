import { CHECK_FILE_TYPES, type CheckFileType, SERVICES_BY_FILE_TYPE } from "@/lib/reconciliation/checkfile/columns";
import { checkFileHeader, checkFileLine } from "@/lib/reconciliation/checkfile/format";
import type { LanmaoStore, TxRecord } from "../store";

/**
 * The twin's check files (vendor doc 004 §4.2, design.md §3), written from its own books: the
 * transactions (`lanmao:tx:`) of the Beijing day by their transaction time, and each account's
 * end-of-day balance from the journal. Switches inject one discrepancy of each kind, each on a
 * different record, so the console's reconciliation can be shown to type every one.
 */
export type CheckFileInjection = {
  /** First money line: amount one fen more. */
  amount?: boolean;
  /** Second money line: fee / commission one fen more. */
  fee?: boolean;
  /** Third: SUCCESS reported as FAIL. */
  status?: boolean;
  /** Fourth: left out of the file (missing on their side). */
  missingTheirs?: boolean;
  /** Fifth: listed twice. */
  duplicate?: boolean;
  /** A recharge only the custody side has (missing on our side), to injectUser when one is named. */
  missingOurs?: boolean;
  /** First BALANCE line: available one fen more. */
  balance?: boolean;
};

export const INJECTION_KINDS = ["amount", "fee", "status", "missingTheirs", "duplicate", "missingOurs", "balance"] as const;

const typeOfService = new Map<string, CheckFileType>();
for (const t of CHECK_FILE_TYPES) {
  if (t === "BALANCE") continue;
  for (const s of SERVICES_BY_FILE_TYPE[t]) typeOfService.set(s, t);
}

type Row = Record<string, string | number | undefined>;

function rowOf(tx: TxRecord, type: CheckFileType, platformNo: string, store: LanmaoStore): Row {
  const base: Row = { platformNo, requestNo: tx.requestNo, platformUserNo: tx.platformUserNo ?? "", status: tx.status, createTime: tx.createTime, transactionTime: tx.transactionTime ?? tx.createTime };
  switch (type) {
    case "RECHARGE":
    case "WITHDRAW":
      return { ...base, amount: tx.amount ?? 0, fee: tx.fee ?? 0 };
    case "TRANSACTION":
      // UNFREEZE has no requestNo of its own (§2.22): its line carries the freeze's, as the
      // freeze query answers it (§3.3), told apart by tradeType.
      if (tx.service === "UNFREEZE") base.requestNo = tx.requestNo.replace(/#UNFREEZE$/, "");
      return { ...base, tradeType: tx.service, projectNo: tx.projectNo, sourcePlatformUserNo: tx.platformUserNo, platformUserNo: undefined, amount: tx.amount ?? 0, commission: tx.commission ?? 0 };
    case "PROJECT": {
      // The project's amount as this request left it (a later change has its own line).
      const p = tx.projectNo ? store.project(tx.projectNo) : undefined;
      return { ...base, projectNo: tx.projectNo ?? "", platformUserNo: p?.platformUserNo ?? tx.platformUserNo ?? "", projectAmount: tx.amount ?? p?.projectAmount ?? 0, projectStatus: p?.status ?? "COLLECTING" };
    }
    default:
      return base;
  }
}

export function writeCheckFiles(store: LanmaoStore, opts: InjectOptions): Record<CheckFileType, string> {
  const rows: Record<CheckFileType, Row[]> = { USER: [], RECHARGE: [], WITHDRAW: [], TRANSACTION: [], PROJECT: [], UNREGISTER: [], BALANCE: [] };
  const txs = store
    .transactions()
    .filter((t) => (t.transactionTime ?? t.createTime).startsWith(opts.fileDate))
    .sort((a, b) => (a.transactionTime ?? a.createTime).localeCompare(b.transactionTime ?? b.createTime) || a.requestNo.localeCompare(b.requestNo));
  for (const tx of txs) {
    const type = typeOfService.get(tx.service);
    if (type) rows[type].push(rowOf(tx, type, opts.platformNo, store));
  }
  // End-of-day balances: every account's journal up to the day's end (times are Beijing T).
  const dayEnd = `${opts.fileDate}235959`;
  const balances = new Map<string, { available: number; frozen: number }>();
  for (const a of store.accounts()) balances.set(a.platformUserNo, { available: 0, frozen: 0 });
  for (const j of store.journal()) {
    if (j.time > dayEnd) continue;
    const b = balances.get(j.platformUserNo) ?? { available: 0, frozen: 0 };
    b.available += j.availableDelta;
    b.frozen += j.frozenDelta;
    balances.set(j.platformUserNo, b);
  }
  for (const [platformUserNo, b] of [...balances].sort(([a], [c]) => a.localeCompare(c))) {
    rows.BALANCE.push({ platformNo: opts.platformNo, platformUserNo, balance: b.available + b.frozen, availableAmount: b.available, freezeAmount: b.frozen, balanceDate: opts.fileDate });
  }
  inject(rows, opts);
  const out = {} as Record<CheckFileType, string>;
  for (const t of CHECK_FILE_TYPES) out[t] = checkFileHeader(t) + rows[t].map((r) => checkFileLine(t, r)).join("");
  return out;
}

type InjectOptions = { platformNo: string; fileDate: string; inject?: CheckFileInjection; injectUser?: string | null };

function inject(rows: Record<CheckFileType, Row[]>, opts: InjectOptions) {
  const want = opts.inject ?? {};
  // Money lines that succeeded, in file order, across RECHARGE, WITHDRAW and TRANSACTION.
  const money = (["RECHARGE", "WITHDRAW", "TRANSACTION"] as const).flatMap((t) =>
    rows[t].filter((r) => r.status === "SUCCESS" && (!opts.injectUser || r.platformUserNo === opts.injectUser)).map((r) => ({ t, r })),
  );
  let next = 0;
  const take = () => money[next++];
  if (want.amount) {
    const m = take();
    if (m) m.r.amount = Number(m.r.amount) + 1;
  }
  if (want.fee) {
    const m = take();
    if (m) {
      if (m.t === "TRANSACTION") m.r.commission = Number(m.r.commission ?? 0) + 1;
      else m.r.fee = Number(m.r.fee ?? 0) + 1;
    }
  }
  if (want.status) {
    const m = take();
    if (m) m.r.status = "FAIL";
  }
  if (want.missingTheirs) {
    const m = take();
    if (m) rows[m.t].splice(rows[m.t].indexOf(m.r), 1);
  }
  if (want.duplicate) {
    const m = take();
    if (m) rows[m.t].splice(rows[m.t].indexOf(m.r) + 1, 0, { ...m.r });
  }
  if (want.missingOurs) {
    const time = `${opts.fileDate}120000`;
    const first = rows.BALANCE[0];
    rows.RECHARGE.push({ platformNo: opts.platformNo, requestNo: `SBX-ONLY-${opts.fileDate}`, platformUserNo: opts.injectUser ?? String(first?.platformUserNo ?? "SBX-USER"), amount: 100, fee: 0, status: "SUCCESS", createTime: time, transactionTime: time });
  }
  if (want.balance && rows.BALANCE[0]) {
    const b = rows.BALANCE[0];
    b.availableAmount = Number(b.availableAmount) + 1;
    b.balance = Number(b.balance) + 1;
  }
}
