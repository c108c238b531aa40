import type { SandboxState } from "../core/state";

/**
 * The custody side's books, kept in the sandbox state (`lanmao:<kind>:<id>`), so a restart
 * keeps what the console was told. Money is integer fen. Everything a check file (§4, the
 * reconciliation issue) needs is here: every transaction with its times, amounts and status
 * (`lanmao:tx:`), and every balance movement in order (`lanmao:journal:`).
 */
export type UserType = "PERSON" | "ENTERPRISE" | "PLATFORM";

export interface Card {
  bankcardNo: string;
  bankcode: string;
  mobile?: string;
  accessType?: "FULL_CHECKED" | "PART_CHECKED";
}

export interface Account {
  platformUserNo: string;
  userType: UserType;
  userRole: string;
  /** Enterprises: AUDIT → PASSED | BACK | REFUSED (§2.2). */
  auditStatus?: string;
  /** The operators' decision, taking effect at `dueAt` (a Beijing `T`), when its notice goes out. */
  auditPending?: { status: "PASSED" | "BACK" | "REFUSED"; dueAt: string };
  active: boolean;
  /** Total = available + frozen. */
  available: number;
  frozen: number;
  card: Card | null;
  /** The contact's or person's mobile, shown by QUERY_USER_INFORMATION. */
  mobile: string;
  realName?: string;
  idCardNo?: string;
  enterpriseName?: string;
  createdAt: string;
}

export interface Holding {
  /** Principal lent and not yet repaid or transferred away. */
  principal: number;
  /** The confirmations that gave it (CONFIRM_LOAN or a transfer's requestNo): §2.18 originalConfirmRequestNo. */
  confirmRequestNos: string[];
}

export interface Project {
  projectNo: string;
  platformUserNo: string;
  projectAmount: number;
  projectName: string;
  projectType: string;
  annnualInterestRate: string;
  repaymentWay: string;
  status: "COLLECTING" | "REPAYING" | "FINISH" | "MISCARRY";
  loanAmount: number;
  repaymentAmount: number;
  income: number;
  commission: number;
  holdings: Record<string, Holding>;
  createdAt: string;
}

export interface PreTransaction {
  requestNo: string;
  /** PRETRANSATION (user) or PLATFORM_RETRANSATION (platform), as §3.3 spells them. */
  pretransactionType: "PRETRANSATION" | "PLATFORM_RETRANSATION";
  bizType: string;
  platformUserNo: string;
  projectNo?: string;
  amount: number;
  /** Confirmed or cancelled so far (§3.3 unfreezeAmount). */
  released: number;
  createTime: string;
  transactionTime: string;
}

export interface Freeze {
  requestNo: string;
  platformUserNo: string;
  amount: number;
  released: boolean;
  createTime: string;
  transactionTime: string;
  releaseTime?: string;
}

/** One transaction as a check file will list it. */
export interface TxRecord {
  requestNo: string;
  service: string;
  /** QUERY_TRANSACTION type (5.3.19). */
  transactionType: string;
  status: "INIT" | "PROCESSING" | "SUCCESS" | "FAIL";
  platformUserNo?: string;
  projectNo?: string;
  amount?: number;
  fee?: number;
  commission?: number;
  /** The request as received (reqData parsed), for the check file and the idempotency answer. */
  reqData: Record<string, unknown>;
  /** The respData answered (direct) or notified (gateway). */
  answer?: Record<string, unknown>;
  createTime: string;
  transactionTime?: string;
}

export interface JournalEntry {
  seq: number;
  time: string;
  requestNo: string;
  service: string;
  platformUserNo: string;
  availableDelta: number;
  frozenDelta: number;
}

export interface PosOrder {
  requestNo: string;
  platformUserNo: string;
  amount?: number;
  createdAt: string;
  expiresAt: string;
  used: boolean;
}

const K = {
  account: (no: string) => `lanmao:account:${no}`,
  project: (no: string) => `lanmao:project:${no}`,
  pretx: (no: string) => `lanmao:pretx:${no}`,
  freeze: (no: string) => `lanmao:freeze:${no}`,
  tx: (no: string) => `lanmao:tx:${no}`,
  pos: (no: string) => `lanmao:pos:${no}`,
  journal: (seq: number) => `lanmao:journal:${String(seq).padStart(12, "0")}`,
  seq: "lanmao:journal-seq",
};

export class LanmaoStore {
  constructor(readonly state: SandboxState) {}

  account = (no: string) => this.state.get<Account>(K.account(no));
  putAccount = (a: Account) => this.state.set(K.account(a.platformUserNo), a);
  accounts = () => this.state.list<Account>("lanmao:account:").map(([, a]) => a);

  project = (no: string) => this.state.get<Project>(K.project(no));
  putProject = (p: Project) => this.state.set(K.project(p.projectNo), p);
  projects = () => this.state.list<Project>("lanmao:project:").map(([, p]) => p);

  pretx = (no: string) => this.state.get<PreTransaction>(K.pretx(no));
  putPretx = (p: PreTransaction) => this.state.set(K.pretx(p.requestNo), p);

  freeze = (no: string) => this.state.get<Freeze>(K.freeze(no));
  putFreeze = (f: Freeze) => this.state.set(K.freeze(f.requestNo), f);

  tx = (no: string) => this.state.get<TxRecord>(K.tx(no));
  putTx = (t: TxRecord) => this.state.set(K.tx(t.requestNo), t);
  transactions = () => this.state.list<TxRecord>("lanmao:tx:").map(([, t]) => t);

  pos = (no: string) => this.state.get<PosOrder>(K.pos(no));
  putPos = (p: PosOrder) => this.state.set(K.pos(p.requestNo), p);

  journal = () => this.state.list<JournalEntry>("lanmao:journal:").map(([, j]) => j);
  addJournal(entry: Omit<JournalEntry, "seq">): void {
    const seq = (this.state.get<number>(K.seq) ?? 0) + 1;
    this.state.set(K.seq, seq);
    this.state.set(K.journal(seq), { seq, ...entry });
  }

  /** Forget every 联银通 record (the control page's reset). */
  clear(): void {
    for (const [key] of this.state.list("lanmao:")) if (key !== "lanmao:settings") this.state.delete(key);
  }
}
