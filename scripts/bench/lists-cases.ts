/**
 * The list bench's cases: one entry per list view, home figure set and export. A new list
 * (risk cases, ledger, reconciliation lines) joins by adding entries here.
 *
 * `run` calls the console's own query function (through Prisma); the bench replays the SQL it
 * sent through `pg` for the raw figure. Export cases also give `floor`: a bare `pg` keyset walk
 * over the same rows, which is what an export cannot beat.
 */
import type pg from "pg";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { BENCH_USERS } from "./lists-fill";

export type ListCase = {
  name: string;
  run: (db: DbOrTx) => Promise<unknown>;
  /** Export cases only: the keyset floor through `pg`. */
  floor?: (pool: pg.Pool) => Promise<unknown>;
};

const DAY = 24 * 3600_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const admin: SessionUser = BENCH_USERS.admin;
const officer: SessionUser = BENCH_USERS.officer;
const analyst: SessionUser = BENCH_USERS.analyst;

/** Consumes an async iterator (an export's rows) and counts them. */
async function drain(rows: AsyncIterable<unknown>) {
  let n = 0;
  for await (const _ of rows) n++;
  return n;
}

/** A bare keyset walk: `select` over `from`/`where`, newest first, 1,000 rows a page. */
export async function keysetFloor(pool: pg.Pool, sql: { select: string; from: string; where: string; params: unknown[]; key: string }) {
  let cursor: [unknown, unknown] | null = null;
  let n = 0;
  for (;;) {
    const extra: string = cursor ? ` AND (${sql.key}, ${sql.key.split(".")[0]}.id) < ($${sql.params.length + 1}, $${sql.params.length + 2})` : "";
    const { rows }: { rows: { _k: unknown; id: unknown }[] } = await pool.query<{ _k: unknown; id: unknown }>(
      `SELECT ${sql.select}, ${sql.key} AS _k FROM ${sql.from} WHERE ${sql.where}${extra} ORDER BY ${sql.key} DESC, ${sql.key.split(".")[0]}.id DESC LIMIT 1000`,
      cursor ? [...sql.params, ...cursor] : sql.params,
    );
    n += rows.length;
    if (rows.length < 1000) return n;
    const last: { _k: unknown; id: unknown } = rows[rows.length - 1];
    cursor = [last._k, last.id];
  }
}

/**
 * The cursor a user holds on reaching row `offset` of a list (what "page N" is under keyset
 * paging): the key and id of the row before it, read once through `pg`.
 */
async function cursorAt(pool: pg.Pool, sql: { key: string; id: string; from: string; where: string; params: unknown[] }, offset: number) {
  const { encodeCursor } = await import("@/lib/list/cursor");
  const { rows } = await pool.query<{ k: string; id: string }>(
    `SELECT CAST(${sql.key} AS text) AS k, CAST(${sql.id} AS text) AS id FROM ${sql.from} WHERE ${sql.where} ORDER BY ${sql.key} DESC, ${sql.id} DESC OFFSET ${offset - 1} LIMIT 1`,
    sql.params,
  );
  return rows[0] ? encodeCursor("next", rows[0].k, rows[0].id) : null;
}

export async function buildCases(pool: pg.Pool): Promise<ListCase[]> {
  const pretrial = await import("@/lib/pretrial/queries");
  const scores = await import("@/lib/risk-scores/queries");
  const audit = await import("@/lib/audit/queries");
  const inbox = await import("@/lib/inbox/queries");
  const capital = await import("@/lib/capital/queries");
  const home = await import("@/lib/home/queries");
  const cases = await import("@/lib/risk-cases/queries");
  const created = { field: "createdAt" as const, dir: "desc" as const };
  const first = { cursor: null, perPage: 20 };
  const last30 = { from: daysAgo(30), to: null };
  // "Page 500" and "page 1000" of 20 rows: the cursor a user holds after paging that far.
  const deep = {
    pretrialPassed: await cursorAt(pool, { key: "created_at", id: "id", from: "pretrial_orders", where: "status = 'PASSED' AND created_at >= $1", params: [last30.from] }, 9980),
    pretrialAll: await cursorAt(pool, { key: "created_at", id: "id", from: "pretrial_orders", where: "TRUE", params: [] }, 19980),
    scoresAll: await cursorAt(pool, { key: "created_at", id: "id", from: "risk_score_requests", where: "TRUE", params: [] }, 19980),
    auditAll: await cursorAt(pool, { key: "at", id: "id", from: "audit_logs", where: "TRUE", params: [] }, 19980),
    inboxAll: await cursorAt(pool, { key: "received_at", id: "id", from: "inbound_events", where: "TRUE", params: [] }, 19980),
    casesAll: await cursorAt(pool, { key: "create_time", id: "id", from: "risk_cases", where: "TRUE", params: [] }, 19980),
  };
  const caseSort = { field: "createTime" as const, dir: "desc" as const };

  return [
    { name: "pretrial: all, page 1", run: (db) => pretrial.listPretrialOrders(db, admin, {}, { ...first, sort: created }) },
    { name: "pretrial: status+30 days, page 1", run: (db) => pretrial.listPretrialOrders(db, admin, { tab: "passed", ...last30 }, { ...first, sort: created }) },
    { name: "pretrial: status+30 days, page 500", run: (db) => pretrial.listPretrialOrders(db, admin, { tab: "passed", ...last30 }, { ...first, cursor: deep.pretrialPassed, sort: created }) },
    { name: "pretrial: all, page 1000", run: (db) => pretrial.listPretrialOrders(db, admin, {}, { ...first, cursor: deep.pretrialAll, sort: created }) },
    { name: "pretrial: dealer substring, page 1", run: (db) => pretrial.listPretrialOrders(db, admin, { dealer: "成都恒信" }, { ...first, sort: created }) },
    { name: "pretrial: officer's own, page 1", run: (db) => pretrial.listPretrialOrders(db, officer, {}, { ...first, sort: created }) },
    { name: "pretrial: officer awaiting signature", run: (db) => pretrial.listPretrialOrders(db, officer, { tab: "awaiting" }, { ...first, sort: created }) },
    { name: "risk scores: all, page 1", run: (db) => scores.listScoreRequests(db, analyst, {}, { ...first, sort: created }) },
    { name: "risk scores: status+30 days, page 1", run: (db) => scores.listScoreRequests(db, analyst, { status: "SCORED", ...last30 }, { ...first, sort: created }) },
    { name: "risk scores: all, page 1000", run: (db) => scores.listScoreRequests(db, analyst, {}, { ...first, cursor: deep.scoresAll, sort: created }) },
    { name: "risk scores: by score, page 1", run: (db) => scores.listScoreRequests(db, analyst, {}, { ...first, sort: { field: "score", dir: "desc" } }) },
    { name: "risk scores: chart (default window)", run: (db) => scores.getScoreDistribution(db, analyst, {}) },
    { name: "audit: all, page 1", run: (db) => audit.listAuditLogs(db, {}, { ...first, sortDir: "desc" }) },
    { name: "audit: action+outcome, page 1", run: (db) => audit.listAuditLogs(db, { action: "pii.reveal", outcome: "denied" }, { ...first, sortDir: "desc" }) },
    { name: "audit: all, page 1000", run: (db) => audit.listAuditLogs(db, {}, { ...first, cursor: deep.auditAll, sortDir: "desc" }) },
    { name: "inbox: all, page 1", run: (db) => inbox.listInboundEvents(db, {}, { ...first, sortDir: "desc" }) },
    { name: "inbox: failed, page 1", run: (db) => inbox.listInboundEvents(db, { status: "FAILED" }, { ...first, sortDir: "desc" }) },
    { name: "inbox: all, page 1000", run: (db) => inbox.listInboundEvents(db, {}, { ...first, cursor: deep.inboxAll, sortDir: "desc" }) },
    { name: "inbox: source filter options", run: (db) => inbox.listInboxSources(db) },
    { name: "risk cases: all, page 1 (+4 tab counts)", run: (db) => cases.listRiskCases(db, analyst, {}, { ...first, sort: caseSort }) },
    { name: "risk cases: open tab, page 1", run: (db) => cases.listRiskCases(db, analyst, { status: "INVESTIGATING" }, { ...first, sort: caseSort }) },
    { name: "risk cases: merchant number, page 1", run: (db) => cases.listRiskCases(db, analyst, { mercNum: "833100000001234" }, { ...first, sort: caseSort }) },
    { name: "risk cases: rule + 30 days, page 1", run: (db) => cases.listRiskCases(db, analyst, { rule: "SR00012", ...last30 }, { ...first, sort: caseSort }) },
    { name: "risk cases: merchant name substring, page 1", run: (db) => cases.listRiskCases(db, analyst, { merc: "兴宇装饰" }, { ...first, sort: caseSort }) },
    { name: "risk cases: mine, page 1", run: (db) => cases.listRiskCases(db, analyst, { mine: true }, { ...first, sort: caseSort }) },
    { name: "risk cases: unassigned, page 1", run: (db) => cases.listRiskCases(db, analyst, { assignee: "none" }, { ...first, sort: caseSort }) },
    { name: "risk cases: province, page 1", run: (db) => cases.listRiskCases(db, analyst, { prov: "440000" }, { ...first, sort: caseSort }) },
    { name: "risk cases: all, page 1000", run: (db) => cases.listRiskCases(db, analyst, {}, { ...first, cursor: deep.casesAll, sort: caseSort }) },
    { name: "risk cases: snoozed view, page 1", run: (db) => cases.listRiskCases(db, analyst, { snoozed: "yes" }, { ...first, sort: caseSort }) },
    { name: "risk cases: escalated to me (admin), page 1", run: (db) => cases.listRiskCases(db, admin, { escalated: "me" }, { ...first, sort: caseSort }) },
    { name: "capital: providers", run: (db) => capital.listCapitalProviders(db, admin) },
    { name: "capital: products", run: (db) => capital.listCapitalProducts(db, admin) },
    { name: "home: admin", run: (db) => home.getWorkbench(db, admin) },
    { name: "home: loan officer", run: (db) => home.getWorkbench(db, officer) },
    { name: "home: risk analyst", run: (db) => home.getWorkbench(db, analyst) },
    ...(await custodyCases(pool)),
    ...(await creditReportCases(pool)),
    ...(await reconLineCases(pool)),
    {
      name: "pretrial: export, 30 days",
      run: (db) => drain(pretrial.iteratePretrialOrders(db, admin, last30, created)),
      floor: (pool) =>
        keysetFloor(pool, {
          select: "o.id, o.outside_order_id, o.query_sn, o.status, o.customer_name_masked, o.err_reason, o.id_number_masked, o.mobile_masked, o.dealer_name, o.customer_level, o.pretrial_status, o.last_error, o.result_at, u.display_name",
          from: "pretrial_orders o JOIN users u ON u.id = o.officer_id",
          where: "o.created_at >= $1",
          params: [last30.from],
          key: "o.created_at",
        }),
    },
    {
      name: "risk cases: export, rule + 30 days",
      run: (db) => drain(cases.iterateRiskCases(db, analyst, { rule: "SR00012", ...last30 }, caseSort)),
      floor: (pool) =>
        keysetFloor(pool, {
          select: "c.id, c.case_no, c.merc_num, c.merc_name, c.agent_no, c.agent_name, c.risk_type_rules, c.type_no, c.audit_status, c.flow_node_key, c.case_deal_way, c.area_code, c.status, c.conclusion, c.schema_valid, u.display_name",
          from: "risk_cases c LEFT JOIN users u ON u.id = c.assignee_id",
          where: "c.risk_type_rules = 'SR00012' AND c.create_time >= $1",
          params: [last30.from],
          key: "c.create_time",
        }),
    },
    {
      name: "risk scores: export, 30 days",
      run: (db) => drain(scores.iterateScoreRequests(db, analyst, last30, created)),
      floor: (pool) =>
        keysetFloor(pool, {
          select: "r.id, r.zw_order, r.status, r.score, r.score_raw, r.cutoff, r.decision, r.channel_kind, r.scored_at, r.last_error, r.attempts, r.pretrial_order_id, r.from_history, p.real_name, p.id_number_masked",
          from: "risk_score_requests r JOIN risk_profiles p ON p.id = r.profile_id",
          where: "r.created_at >= $1",
          params: [last30.from],
          key: "r.created_at",
        }),
    },
  ];
}

/** Custody lists (issue 11): request log, accounts with ledger balances, projects, finance's home. */
async function custodyCases(pool: pg.Pool): Promise<ListCase[]> {
  const custody = await import("@/lib/custody/queries");
  const params = await import("@/lib/custody/list-params");
  const home = await import("@/lib/home/queries");
  const finance: SessionUser = BENCH_USERS.finance;
  const deep = await cursorAt(pool, { key: "created_at", id: "id", from: "custody_requests", where: "TRUE", params: [] }, 19980);
  const requests = (q: Record<string, string>) => params.requestList.loadSearchParams(q);
  return [
    { name: "custody requests: all, page 1", run: (db) => custody.listCustodyRequests(db, finance, requests({})) },
    { name: "custody requests: unknown, page 1", run: (db) => custody.listCustodyRequests(db, finance, requests({ status: "UNKNOWN" })) },
    { name: "custody requests: interface, page 1", run: (db) => custody.listCustodyRequests(db, finance, requests({ service: "CONFIRM_LOAN" })) },
    { name: "custody requests: all, page 1000", run: (db) => custody.listCustodyRequests(db, finance, { ...requests({}), cursor: deep }) },
    { name: "custody accounts: all, page 1", run: (db) => custody.listAccounts(db, finance, params.accountList.loadSearchParams({})) },
    { name: "custody projects: repaying, page 1", run: (db) => custody.listProjects(db, finance, params.projectList.loadSearchParams({ status: "REPAYING" })) },
    { name: "home: finance (custody cards)", run: (db) => home.getWorkbench(db, finance) },
  ];
}

/** Credit reports (issue 10): the analysts' list with its filters, deep paging and export. */
async function creditReportCases(pool: pg.Pool): Promise<ListCase[]> {
  const reports = await import("@/lib/credit-reports/queries");
  const { benchReportNo } = await import("./lists-fill-credit-reports");
  const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM credit_reports");
  const total = Number(rows[0]?.n ?? 0);
  const sort = { field: "createdAt" as const, dir: "desc" as const };
  const first = { cursor: null, perPage: 20, sort };
  const last30 = { from: daysAgo(30), to: null };
  const deep = await cursorAt(pool, { key: "created_at", id: "id", from: "credit_reports", where: "TRUE", params: [] }, Math.min(19980, Math.max(1, total - 20)));
  return [
    { name: "credit reports: all, page 1", run: (db) => reports.listCreditReports(db, analyst, {}, first) },
    { name: "credit reports: failed, page 1", run: (db) => reports.listCreditReports(db, analyst, { status: "FAILED" }, first) },
    { name: "credit reports: overdue only + 30 days, page 1", run: (db) => reports.listCreditReports(db, analyst, { overdueOnly: true, ...last30 }, first) },
    { name: "credit reports: report number", run: (db) => reports.listCreditReports(db, analyst, { q: benchReportNo(total) }, first) },
    { name: "credit reports: ID number (blind index)", run: (db) => reports.listCreditReports(db, analyst, { q: "11010519491231002X" }, first) },
    { name: "credit reports: all, page 1000", run: (db) => reports.listCreditReports(db, analyst, {}, { ...first, cursor: deep }) },
    {
      name: "credit reports: export, 30 days",
      run: (db) => drain(reports.iterateCreditReports(db, analyst, last30, sort)),
      floor: (pool) =>
        keysetFloor(pool, {
          select: "c.id, c.status, c.report_no, c.report_time, c.subject_name_masked, c.subject_id_masked, c.failure_code, c.indicators, c.pretrial_order_id",
          from: "credit_reports c",
          where: "c.created_at >= $1",
          params: [last30.from],
          key: "c.created_at",
        }),
    },
  ];
}

/**
 * Reconciliation lines (issue 12): one run of 100,000 exception lines (BENCH_RECON_LINES),
 * filled here in SQL — kinds, file types and states spread by hash — then the run page's list:
 * every exception, each filter, the filters combined and a deep page.
 */
async function reconLineCases(pool: pg.Pool): Promise<ListCase[]> {
  const lines = await import("@/lib/reconciliation/lines");
  const n = Number(process.env.BENCH_RECON_LINES) || 100_000;
  const finance: SessionUser = BENCH_USERS.finance;
  let run = (await pool.query<{ id: string }>("SELECT id::text FROM recon_runs WHERE file_date = '2020-01-01'")).rows[0]?.id;
  if (!run) {
    run = (await pool.query<{ id: string }>("INSERT INTO recon_runs (file_date, status, summary) VALUES ('2020-01-01', 'MATCHED', '{}') RETURNING id::text")).rows[0]!.id;
    await pool.query(
      `INSERT INTO recon_lines (run_id, file_type, match_key, kind, their_lines, our_rows, first_line, platform_user_no, their_amount, our_amount, their_status, our_status, state, resolution, note)
       SELECT $1, (ARRAY['USER','RECHARGE','WITHDRAW','TRANSACTION','PROJECT','UNREGISTER','BALANCE'])[1 + (g::bigint * 7919) % 7],
         'BR' || g, (ARRAY['DUPLICATE','MISSING_OURS','MISSING_THEIRS','STATUS_MISMATCH','AMOUNT_MISMATCH','FEE_MISMATCH'])[1 + (g::bigint * 104729) % 6],
         1, 1, g + 1, 'U' || (g % 5000), g * 100, g * 100 + 1, 'SUCCESS', 'SUCCESS',
         CASE WHEN g % 5 = 0 THEN 'RESOLVED' ELSE 'OPEN' END, CASE WHEN g % 5 = 0 THEN 'EXPLAINED' END, CASE WHEN g % 5 = 0 THEN 'bench note' END
       FROM generate_series(1, $2::int) g`,
      [run, n],
    );
    await pool.query("ANALYZE recon_lines");
  }
  const deps = { pool: () => pool, platformNo: () => "BENCH" };
  const asc = { field: "line" as const, dir: "asc" as const };
  const page1 = { cursor: null, perPage: 20, sort: asc };
  const deep = await cursorAt(pool, { key: "id", id: "id", from: "recon_lines", where: "run_id = $1 AND kind IS NOT NULL", params: [run] }, Math.min(19980, Math.max(1, n - 20)));
  const runId = run;
  return [
    { name: "recon lines: every exception, page 1", run: (db) => lines.listRunLines(db, finance, runId, {}, page1, deps) },
    { name: "recon lines: kind, page 1", run: (db) => lines.listRunLines(db, finance, runId, { kind: "AMOUNT_MISMATCH" }, page1, deps) },
    { name: "recon lines: file type, page 1", run: (db) => lines.listRunLines(db, finance, runId, { type: "RECHARGE" }, page1, deps) },
    { name: "recon lines: state resolved, page 1", run: (db) => lines.listRunLines(db, finance, runId, { state: "RESOLVED" }, page1, deps) },
    { name: "recon lines: type + kind + state, page 1", run: (db) => lines.listRunLines(db, finance, runId, { type: "WITHDRAW", kind: "FEE_MISMATCH", state: "OPEN" }, page1, deps) },
    { name: "recon lines: every exception, page 1000", run: (db) => lines.listRunLines(db, finance, runId, {}, { ...page1, cursor: deep, sort: { field: "line", dir: "desc" } }, deps) },
  ];
}
