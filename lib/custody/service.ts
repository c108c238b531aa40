import "server-only";
import crypto from "node:crypto";
import type { Db, DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ownerBalances } from "@/lib/ledger/balances";
import type { ConfirmedOperation } from "@/lib/ledger/operations";
import { LedgerRefusal } from "@/lib/ledger/post";
import { planPostings, type HoldState } from "@/lib/ledger/rules";
import { fenFromBigInt } from "@/lib/money";
import { prepareLanmaoRequest, type LanmaoEndpoint, type PreparedLanmaoRequest } from "@/lib/vendors/lanmao/client";
import type { LanmaoGatewayInterface, LanmaoRequest, LanmaoRequestInput } from "@/lib/vendors/lanmao/interfaces";
import { approveRequest, proposeRequest, type Person } from "./approvals/approvals";
import {
  checkConfirmLoan,
  checkConfirmRepayment,
  checkConfirmTransfer,
  checkModifyProject,
  checkPreTransaction,
  checkTransferSellers,
  checkUnbind,
  checkWithdraw,
  type ProjectStatus,
} from "./projects/rules";
import { enforce } from "./refusal";
import { sellerHoldings } from "./repayment-split";
import { checkFileAmount } from "./requests/check-amount";
import { markHandedToBrowser, recordRequest } from "./requests/log";
import type { CustodyPort } from "./requests/port";
import { sendLogged, type SendOutcome } from "./requests/send";

/**
 * Custody operations as the console offers them: each checks the document's rules on what the
 * console knows (refusing with the rule named, nothing sent), builds the reqData with the
 * 联银通 client's schemas (amounts in fen → yuan text), and then
 * - gateway interfaces: logs the request and hands back the signed form for the browser;
 * - direct interfaces that need no approval: logs and sends;
 * - money-moving direct interfaces: proposes them for a second finance user's approval.
 * `endpoint` is lanmaoConfig() in the console; tests pass the twin's.
 */
export type CustodyEndpoint = Pick<LanmaoEndpoint, "platformNo" | "keySerial" | "privateKey"> & { returnUrl: string };

/** `CO` + Beijing yyMMddHHmmss + 10 hex: unique, sortable by time, well under 50 characters. */
export function newRequestNo(now = new Date()): string {
  const bj = new Date(now.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, "").slice(2, 14);
  return `CO${bj}${crypto.randomBytes(5).toString("hex").toUpperCase()}`;
}

type Project = { projectNo: string; borrower: string; status: ProjectStatus };

export async function loadProject(db: DbOrTx, projectNo: string): Promise<Project> {
  const p = await db.custodyProject.findUnique({ where: { projectNo }, select: { projectNo: true, borrower: true, status: true } });
  if (!p) throw new AppError("NOT_FOUND", `project ${projectNo} is not known`);
  return { ...p, status: p.status as ProjectStatus };
}

export async function loadHolds(db: DbOrTx, holdNos: string[]): Promise<Map<string, HoldState>> {
  const rows = await db.ledgerHold.findMany({ where: { holdNo: { in: holdNos } } });
  return new Map(
    rows.map((r) => [
      r.holdNo,
      { holdNo: r.holdNo, owner: r.owner, kind: r.kind, bizType: r.bizType, projectNo: r.projectNo, amount: fenFromBigInt(r.amount), released: fenFromBigInt(r.released) },
    ]),
  );
}

/**
 * The project's investors (§2.16 R4): owners of its tender pre-transactions, and buyers whose
 * credit-assignment hold a debt transfer drew on (§2.18: the buyer holds the debt since).
 */
async function investorsOf(db: DbOrTx, projectNo: string): Promise<Set<string>> {
  const rows = await db.ledgerHold.findMany({
    where: { projectNo, kind: "USER_PRE_TRANSACTION", OR: [{ bizType: "TENDER" }, { bizType: "CREDIT_ASSIGNMENT", released: { gt: 0 } }] },
    select: { owner: true },
  });
  return new Set(rows.map((r) => r.owner));
}

async function balanceOf(db: DbOrTx, owner: string) {
  return (await ownerBalances(db)).get(owner) ?? { owner, available: 0, frozen: 0 };
}

// ---------------------------------------------------------------- gateway (customer's browser)

type GatewayInput<S extends LanmaoGatewayInterface> = Omit<LanmaoRequestInput<S>, "requestNo" | "callbackUrl">;

export async function startGateway<S extends LanmaoGatewayInterface>(
  db: Db,
  endpoint: CustodyEndpoint,
  who: { id: string } | null,
  service: S,
  input: GatewayInput<S>,
): Promise<PreparedLanmaoRequest<S>> {
  const requestNo = newRequestNo();
  const prepared = prepareLanmaoRequest(endpoint, service, { ...input, requestNo, callbackUrl: endpoint.returnUrl } as LanmaoRequestInput<S>);
  const req = prepared.request as Record<string, unknown>;
  const owner = String(req.platformUserNo ?? "");
  if (service === "USER_PRE_TRANSACTION") enforce(checkPreTransaction(await loadProject(db, String(req.projectNo)), String(req.bizType)));
  if (service === "WITHDRAW") {
    const account = await db.custodyAccount.findUnique({ where: { platformUserNo: owner }, select: { cardBound: true } });
    enforce(checkWithdraw({ cardBound: account?.cardBound ?? false }, Number(req.amount), (await balanceOf(db, owner)).available));
  }
  if (service === "UNBIND_BANKCARD") enforce(checkUnbind(await balanceOf(db, owner)));
  await recordRequest(db, {
    requestNo,
    serviceName: service,
    reqData: prepared.form.reqData,
    operation: gatewayOperation(service, prepared.request),
    platformUserNo: owner || null,
    projectNo: req.projectNo ? String(req.projectNo) : null,
    amount: typeof req.amount === "number" ? req.amount : null,
    createdById: who?.id ?? null,
  });
  await markHandedToBrowser(db, requestNo);
  return prepared;
}

function gatewayOperation(service: LanmaoGatewayInterface, r: LanmaoRequest<LanmaoGatewayInterface>): ConfirmedOperation | null {
  const q = r as Record<string, unknown> & { requestNo: string; platformUserNo: string; amount: number };
  switch (service) {
    case "RECHARGE":
      return { kind: "RECHARGE", requestNo: q.requestNo, owner: q.platformUserNo, amount: q.amount, feeMode: q.feeMode === "USER" ? "USER" : "PLATFORM" };
    case "WITHDRAW":
      return { kind: "WITHDRAW", requestNo: q.requestNo, owner: q.platformUserNo, amount: q.amount, feeMode: q.feeMode === "USER" ? "USER" : "PLATFORM" };
    case "USER_PRE_TRANSACTION":
      return { kind: "USER_PRE_TRANSACTION", requestNo: q.requestNo, owner: q.platformUserNo, amount: q.amount, bizType: String(q.bizType), projectNo: String(q.projectNo) };
    default:
      return null;
  }
}

// ---------------------------------------------------------------- direct, no approval

export async function establishProject(db: Db, endpoint: CustodyEndpoint, port: CustodyPort, who: { id: string }, input: Omit<LanmaoRequestInput<"ESTABLISH_PROJECT">, "requestNo">): Promise<SendOutcome> {
  const requestNo = newRequestNo();
  const prepared = prepareLanmaoRequest(endpoint, "ESTABLISH_PROJECT", { ...input, requestNo });
  if (await db.custodyProject.findUnique({ where: { projectNo: prepared.request.projectNo } })) throw new AppError("CONFLICT", `project ${prepared.request.projectNo} exists`);
  await recordRequest(db, {
    requestNo,
    serviceName: "ESTABLISH_PROJECT",
    reqData: prepared.form.reqData,
    platformUserNo: prepared.request.platformUserNo,
    projectNo: prepared.request.projectNo,
    amount: prepared.request.projectAmount,
    createdById: who.id,
  });
  return sendLogged(db, port, requestNo);
}

// ---------------------------------------------------------------- direct, maker-checker

export type ApprovedService =
  | "MODIFY_PROJECT"
  | "CONFIRM_LOAN"
  | "CONFIRM_REPAYMENT"
  | "CONFIRM_COMPENSATORY"
  | "CONFIRM_DEBENTURE_TRANSFER"
  | "CONFIRM_PLATFORM_MARKETING"
  | "PLATFORM_PRE_TRANSACTION"
  | "CANCEL_PRE_TRANSACTION"
  | "FREEZE"
  | "UNFREEZE";

type DirectInput<S extends ApprovedService> = S extends "UNFREEZE" ? LanmaoRequestInput<S> : Omit<LanmaoRequestInput<S>, "requestNo">;

/**
 * Checks the rules, fixes requestNo and reqData, and waits for a second finance user. UNFREEZE
 * has no requestNo on the wire (§2.22): its log entry is `UNFREEZE-<oriRequestNo>`.
 */
export async function proposeDirect<S extends ApprovedService>(db: Db, endpoint: CustodyEndpoint, maker: Person, service: S, input: DirectInput<S>, opts: { completeRepayment?: boolean } = {}): Promise<bigint> {
  const wireRequestNo = service === "UNFREEZE" ? undefined : newRequestNo();
  const prepared = prepareLanmaoRequest(endpoint, service, (wireRequestNo ? { ...input, requestNo: wireRequestNo } : input) as LanmaoRequestInput<S>);
  const r = prepared.request as Record<string, unknown>;
  const logKey = service === "UNFREEZE" ? `UNFREEZE-${String(r.oriRequestNo)}` : wireRequestNo!;
  if (service === "UNFREEZE") await refuseSecondUnfreeze(db, logKey, String(r.oriRequestNo));
  const operation = await checkAndBuild(db, service, r, logKey, opts);
  const projectNo = typeof r.projectNo === "string" ? r.projectNo : null;
  const owner = typeof r.platformUserNo === "string" ? r.platformUserNo : null;
  return proposeRequest(db, maker, {
    serviceName: service,
    requestNo: logKey,
    reqData: prepared.form.reqData,
    summary: { service, ...r },
    operation,
    projectNo,
    platformUserNo: owner,
    amount: checkFileAmount(r, operation, await amountsKnown(db, operation, service === "MODIFY_PROJECT" ? projectNo : null)),
  });
}

/**
 * UNFREEZE carries no requestNo of its own (§2.22): one freeze has one log key, so a second
 * unfreeze of it while the first is waiting or approved is refused by name (found by the
 * ledger-vs-twin property: it used to fail on the unique key); a rejected or expired one frees it.
 */
async function refuseSecondUnfreeze(db: Db, logKey: string, freezeNo: string) {
  // Only a proposal that may still be sent or was holds the key: after a rejection or an expiry
  // the freeze can be proposed for unfreezing again.
  const existing = await db.custodyApproval.findFirst({ where: { requestNo: logKey, status: { in: ["WAITING", "APPROVED"] } }, select: { status: true } });
  if (existing) throw new AppError("CONFLICT", `${logKey} was proposed already (${existing.status})`, { i18n: { key: "custody.unfreezeAlreadyProposed", values: { freezeNo, status: existing.status } } });
}

/** What checkFileAmount cannot read from the request: the hold an UNFREEZE releases, a project's amount. */
async function amountsKnown(db: Db, operation: ConfirmedOperation | null, modifiedProject: string | null) {
  const holdAmount = operation?.kind === "UNFREEZE" ? (await loadHolds(db, [operation.oriRequestNo])).get(operation.oriRequestNo)?.amount : null;
  const project = modifiedProject ? await db.custodyProject.findUnique({ where: { projectNo: modifiedProject }, select: { amount: true } }) : null;
  return { holdAmount, projectAmount: project ? fenFromBigInt(project.amount) : null };
}

/** Approve and send (the checker's half). */
export function approveAndSend(db: Db, port: CustodyPort, checker: Person, approvalId: bigint): Promise<SendOutcome> {
  return approveRequest(db, checker, approvalId, port);
}

type Detail = { preTransactionNo?: string; platformUserNo?: string; amount: number; income?: number; share?: number; originalConfirmRequestNo?: string };

async function checkAndBuild(db: Db, service: ApprovedService, r: Record<string, unknown>, logKey: string, opts: { completeRepayment?: boolean }): Promise<ConfirmedOperation | null> {
  const details = (r.details ?? []) as Detail[];
  const commission = Number(r.commission ?? 0);
  let op: ConfirmedOperation | null;
  switch (service) {
    case "MODIFY_PROJECT": {
      const project = await loadProject(db, String(r.projectNo));
      enforce(checkModifyProject(project, { status: r.status as ProjectStatus | undefined, amount: r.projectAmount as number | undefined }));
      return null;
    }
    case "CONFIRM_LOAN": {
      const project = await loadProject(db, String(r.projectNo));
      const holds = await loadHolds(db, details.map((d) => d.preTransactionNo!));
      const missing = details.find((d) => !holds.has(d.preTransactionNo!));
      if (missing) throw new LedgerRefusal("holdMissing", { holdNo: missing.preTransactionNo! });
      enforce(checkConfirmLoan(project, details.map((d) => ({ hold: holds.get(d.preTransactionNo!)!, amount: d.amount })), commission));
      op = { kind: "CONFIRM_LOAN", requestNo: logKey, projectNo: project.projectNo, borrower: project.borrower, commission, details: details.map((d) => ({ preTransactionNo: d.preTransactionNo!, amount: d.amount })) };
      break;
    }
    case "CONFIRM_REPAYMENT":
    case "CONFIRM_COMPENSATORY": {
      const project = await loadProject(db, String(r.projectNo));
      const hold = (await loadHolds(db, [String(r.preTransactionNo)])).get(String(r.preTransactionNo));
      if (!hold) throw new LedgerRefusal("holdMissing", { holdNo: String(r.preTransactionNo) });
      const rows = details.map((d) => ({ platformUserNo: d.platformUserNo!, amount: d.amount, income: d.income ?? 0 }));
      enforce(checkConfirmRepayment(project, hold, rows, commission, { investors: await investorsOf(db, project.projectNo), complete: opts.completeRepayment }));
      op = { kind: service, requestNo: logKey, projectNo: project.projectNo, preTransactionNo: hold.holdNo, commission, details: rows };
      break;
    }
    case "CONFIRM_DEBENTURE_TRANSFER": {
      const project = await loadProject(db, String(r.projectNo));
      const hold = (await loadHolds(db, [String(r.preTransactionNo)])).get(String(r.preTransactionNo));
      if (!hold) throw new LedgerRefusal("holdMissing", { holdNo: String(r.preTransactionNo) });
      enforce(checkConfirmTransfer(project, hold, details.reduce((a, d) => a + d.amount, 0), commission));
      // Several sellers may share the buyer's hold (§2.18 details): each is checked on its own.
      const sellers = details.map((d) => ({ platformUserNo: d.platformUserNo!, amount: d.amount, share: d.share ?? d.amount, originalConfirmRequestNo: d.originalConfirmRequestNo ?? "" }));
      if (details.some((d) => d.preTransactionNo !== undefined && d.preTransactionNo !== hold.holdNo)) throw new LedgerRefusal("holdWrongKind", { holdNo: String(details.find((d) => d.preTransactionNo !== hold.holdNo)?.preTransactionNo) });
      enforce(checkTransferSellers(hold.owner, sellers, await sellerHoldings(db, project.projectNo)));
      op = {
        kind: "CONFIRM_DEBENTURE_TRANSFER",
        requestNo: logKey,
        projectNo: project.projectNo,
        preTransactionNo: hold.holdNo,
        commission,
        details: details.map((d) => ({ platformUserNo: d.platformUserNo!, amount: d.amount, share: d.share, originalConfirmRequestNo: d.originalConfirmRequestNo })),
      };
      break;
    }
    case "CONFIRM_PLATFORM_MARKETING":
      op = { kind: "CONFIRM_PLATFORM_MARKETING", requestNo: logKey, preTransactionNo: String(r.preTransactionNo), details: details.map((d) => ({ platformUserNo: d.platformUserNo!, amount: d.amount })) };
      break;
    case "PLATFORM_PRE_TRANSACTION":
      if (typeof r.projectNo === "string") enforce(checkPreTransaction(await loadProject(db, r.projectNo), String(r.bizType)));
      op = { kind: "PLATFORM_PRE_TRANSACTION", requestNo: logKey, owner: String(r.platformUserNo), amount: Number(r.amount), bizType: String(r.bizType), projectNo: r.projectNo as string | undefined };
      break;
    case "CANCEL_PRE_TRANSACTION":
      op = { kind: "CANCEL_PRE_TRANSACTION", requestNo: logKey, preTransactionNo: String(r.preTransactionNo), amount: Number(r.amount) };
      break;
    case "FREEZE":
      op = { kind: "FREEZE", requestNo: logKey, owner: String(r.platformUserNo), amount: Number(r.amount) };
      break;
    case "UNFREEZE":
      op = { kind: "UNFREEZE", requestNo: logKey, oriRequestNo: String(r.oriRequestNo) };
      break;
  }
  await dryRun(db, op);
  return op;
}

/** The ledger's own rules on what we know now: refuses (rule named) what could not be posted. */
async function dryRun(db: Db, op: ConfirmedOperation) {
  const holdNos = "preTransactionNo" in op ? [op.preTransactionNo] : op.kind === "UNFREEZE" ? [op.oriRequestNo] : op.kind === "CONFIRM_LOAN" ? op.details.map((d) => d.preTransactionNo) : [];
  const plan = planPostings(op, await loadHolds(db, holdNos));
  if (!plan.ok) throw new LedgerRefusal(plan.rule, plan.values);
  const debits = new Map<string, number>();
  for (const l of plan.lines) if (l.owner !== null && l.bucket === "AVAILABLE" && l.amount < 0) debits.set(l.owner, (debits.get(l.owner) ?? 0) + -l.amount);
  for (const [owner, amount] of debits) {
    const available = (await balanceOf(db, owner)).available;
    if (amount > available) enforce({ rule: "insufficientAvailable", values: { amount, available } });
  }
}
