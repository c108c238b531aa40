/**
 * Fills the bench database with synthetic rows at production scale, all in SQL
 * (`INSERT … SELECT generate_series`): encrypting a million values in JavaScript would take
 * minutes and measure nothing the lists do. Personal-data columns get placeholders of the
 * stored shape (`v1.<iv>.<ct>.<tag>` tokens, 64-hex blind indexes, masks); nothing here can be
 * decrypted and no real person is involved.
 *
 * Row i of each table is deterministic (hash of i), so two runs fill the same data.
 */
import type pg from "pg";
import { fillCreditReports } from "./lists-fill-credit-reports";
import { fillRiskCases } from "./lists-fill-risk-cases";

export type FillSizes = { orders: number; scores: number; inbox: number; audit: number; officers: number; custodyRequests?: number; custodyAccounts?: number; projects?: number; creditReports?: number };

export function fillSizes(scale: number): FillSizes {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  return { orders: n(1_000_000), scores: n(860_000), inbox: n(1_000_000), audit: n(500_000), officers: 200, custodyRequests: n(1_000_000), custodyAccounts: n(200_000), projects: n(50_000),
    // BENCH_CREDIT_REPORTS: the credit-report fill is quick, so it can run at full size while the rest is scaled down.
    creditReports: Number(process.env.BENCH_CREDIT_REPORTS) || n(1_000_000) };
}

/** Users the bench signs in as; ids are fixed so cases can name them. */
export const BENCH_USERS = {
  admin: { id: "bench-admin", username: "bench-admin", displayName: "Bench Admin", role: "ADMIN" as const },
  analyst: { id: "bench-analyst-1", username: "bench-analyst-1", displayName: "Bench Analyst 1", role: "RISK_ANALYST" as const },
  finance: { id: "bench-finance-1", username: "bench-finance-1", displayName: "Bench Finance 1", role: "FINANCE" as const },
  /** The busiest officer has about 1/200 of the orders, like every other. */
  officer: { id: "bench-officer-007", username: "bench-officer-007", displayName: "Bench Officer 7", role: "LOAN_OFFICER" as const },
};

// Placeholder builders, defined once per session. hash(i, salt) spreads rows without random().
const HELPERS = `
CREATE FUNCTION pg_temp.b64(seed text, len int) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT substr(translate(encode(sha256(convert_to(seed, 'UTF8')), 'base64'), '+/=', '-_'), 1, len) $$;
CREATE FUNCTION pg_temp.enc(seed text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT 'v1.' || pg_temp.b64('iv' || seed, 16) || '.' || pg_temp.b64('ct' || seed, 24) || '.' || pg_temp.b64('tag' || seed, 22) $$;
CREATE FUNCTION pg_temp.idx(seed text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT encode(sha256(convert_to('idx' || seed, 'UTF8')), 'hex') $$;
CREATE FUNCTION pg_temp.h(i bigint, salt int) RETURNS int LANGUAGE sql IMMUTABLE AS
  $$ SELECT ((i * 2654435761 + salt * 40503) % 1000003)::int $$;
`;

const CITIES = ["成都", "重庆", "西安", "武汉", "长沙", "郑州", "昆明", "贵阳", "南宁", "合肥", "南昌", "福州", "济南", "太原", "石家庄", "兰州", "银川", "西宁", "乌鲁木齐", "呼和浩特"];
const NAMES = ["锦程", "华宇", "恒信", "中升", "永达", "广汇", "庞大", "利星", "宝信", "天泰", "润通", "鑫源", "远航", "瑞丰", "德诚", "安吉", "众和", "星驰", "博远", "嘉禾", "金桥", "鸿运", "盛世", "汇丰", "长安"];
const SURNAMES = ["张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(",")}]`;

/** Rows per second the fill assumes for its time spread: one order every ~31.5 s over a year. */
export async function fillBenchData(client: pg.Client, sizes: FillSizes, log: (line: string) => void) {
  const step = async (label: string, sql: string) => {
    const t0 = performance.now();
    await client.query(sql);
    log(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };
  await client.query(HELPERS);
  // The fill is throwaway: no WAL flush per statement.
  await client.query("SET synchronous_commit = off");

  const span = 365 * 24 * 3600; // seconds of history
  const orderGap = span / sizes.orders;

  await step(
    "users",
    `INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at)
     SELECT id, username, display_name, role::"Role", password_hash, created_at, updated_at FROM (SELECT 'bench-officer-' || lpad(g::text, 3, '0'), 'bench-officer-' || lpad(g::text, 3, '0'), 'Bench Officer ' || g, 'LOAN_OFFICER', 'x', now(), now()
     FROM generate_series(1, ${sizes.officers}) g
     UNION ALL SELECT 'bench-analyst-' || g, 'bench-analyst-' || g, 'Bench Analyst ' || g, 'RISK_ANALYST', 'x', now(), now() FROM generate_series(1, 20) g
     UNION ALL SELECT 'bench-finance-' || g, 'bench-finance-' || g, 'Bench Finance ' || g, 'FINANCE', 'x', now(), now() FROM generate_series(1, 5) g
     UNION ALL SELECT 'bench-admin', 'bench-admin', 'Bench Admin', 'ADMIN', 'x', now(), now()) u(id, username, display_name, role, password_hash, created_at, updated_at)`,
  );

  await step(
    "capital providers",
    `INSERT INTO capital_providers (id, platform, product_code, product_name, label_id, first_seen_at, last_seen_at)
     SELECT 'cap-' || g, 'wanwang', 'P' || (g % 8), '产品 ' || (g % 8), 'L' || g, now() - interval '300 days', now()
     FROM generate_series(0, 39) g`,
  );

  // Status by a hash of the row: 45 % passed, 20 % failed, 5 % rejected, 3 % error, the rest
  // in flight; results come ten minutes after the order.
  await step(
    `pretrial orders (${sizes.orders.toLocaleString("en")})`,
    `INSERT INTO pretrial_orders (id, idempotency_key, outside_order_id, query_sn, status, customer_name_enc, customer_name_idx, customer_name_masked,
       id_number_enc, id_number_idx, id_number_masked, mobile_enc, mobile_idx, mobile_masked, birth_date, sex,
       dealer_name, channel, credit_type, social_credit_code, photo_front_id, photo_back_id, customer_level,
       pretrial_status, last_error, submit_attempts, officer_id, submitted_at, result_at, created_at, updated_at)
     SELECT 'bo' || lpad(g::text, 8, '0'), 'bk' || g, 'CR' || to_char(t.created, 'YYMMDD') || lpad(g::text, 8, '0'), 'ZX' || lpad(g::text, 10, '0'),
       t.status::"PretrialStatus",
       -- Names are stored encrypted with a blind index and a mask (design.md §5), never in clear.
       pg_temp.enc('cn' || g), pg_temp.idx('cn' || g), (${arr(SURNAMES)})[1 + pg_temp.h(g, 1) % 10] || '*',
       pg_temp.enc('id' || g), pg_temp.idx('id' || g), '5101**********' || lpad((g % 10000)::text, 4, '0'),
       pg_temp.enc('m' || g), pg_temp.idx('m' || g), '1' || (30 + g % 60) || '****' || lpad((g % 10000)::text, 4, '0'),
       '1990-01-01', CASE WHEN g % 2 = 0 THEN '男' ELSE '女' END,
       (${arr(CITIES)})[1 + pg_temp.h(g, 3) % 20] || (${arr(NAMES)})[1 + pg_temp.h(g, 4) % 25] || '汽车销售服务有限公司',
       'CH01', '1', '91510100MA61234567', 'file-front', 'file-back',
       CASE WHEN t.status IN ('PASSED', 'FAILED') THEN (ARRAY['A','B','C','D'])[1 + g % 4] END,
       CASE t.status WHEN 'PASSED' THEN 1 WHEN 'FAILED' THEN 0 END,
       CASE WHEN t.status = 'ERROR' THEN 'vendor timeout' END, 1,
       'bench-officer-' || lpad((1 + pg_temp.h(g, 5) % ${sizes.officers})::text, 3, '0'),
       t.created + interval '1 second',
       CASE WHEN t.status IN ('PASSED', 'FAILED') THEN t.created + interval '10 minutes' END,
       t.created,
       t.created + CASE WHEN t.status IN ('PASSED', 'FAILED', 'ERROR', 'REJECTED') THEN interval '10 minutes' ELSE interval '1 minute' END
     FROM generate_series(1, ${sizes.orders}) g
     CROSS JOIN LATERAL (SELECT now() - make_interval(secs => g * ${orderGap}) AS created,
       CASE WHEN pg_temp.h(g, 0) % 100 < 45 THEN 'PASSED' WHEN pg_temp.h(g, 0) % 100 < 65 THEN 'FAILED'
            WHEN pg_temp.h(g, 0) % 100 < 70 THEN 'REJECTED' WHEN pg_temp.h(g, 0) % 100 < 73 THEN 'ERROR'
            WHEN pg_temp.h(g, 0) % 100 < 80 THEN 'AWAITING_SIGNATURE' WHEN pg_temp.h(g, 0) % 100 < 82 THEN 'SUBMITTING'
            WHEN pg_temp.h(g, 0) % 100 < 86 THEN 'SIGNED' WHEN pg_temp.h(g, 0) % 100 < 90 THEN 'PBOC_REQUESTED'
            WHEN pg_temp.h(g, 0) % 100 < 95 THEN 'PBOC_PULLED' ELSE 'BIGDATA_RETURNED' END AS status) t`,
  );

  await step(
    "capital recommendations (two per passed order)",
    `INSERT INTO pretrial_recommendations (order_id, capital_id, position, created_at)
     SELECT o.id, 'cap-' || ((hashtext(o.id) & 1023) % 40 + k * 7) % 40, k, o.result_at
     FROM pretrial_orders o CROSS JOIN generate_series(0, 1) k WHERE o.status = 'PASSED'`,
  );

  // One profile per score request; request i belongs to order i (and its officer).
  await step(
    `risk profiles (${sizes.scores.toLocaleString("en")})`,
    `INSERT INTO risk_profiles (id, pretrial_order_id, real_name_enc, real_name_idx, real_name_masked, gender, id_number_enc, id_number_idx, id_number_masked,
       mobile_enc, mobile_idx, mobile_masked, user_address_enc, user_address_masked, relation1, name1_enc, name1_idx, name1_masked, phone1_enc, phone1_masked,
       relation2, name2_enc, name2_idx, name2_masked, phone2_enc, phone2_masked, channel_id, channel_kind, created_by_id, created_at, updated_at)
     SELECT 'bp' || substr(o.id, 3), o.id, o.customer_name_enc, o.customer_name_idx, o.customer_name_masked, o.sex, o.id_number_enc, o.id_number_idx, o.id_number_masked,
       o.mobile_enc, o.mobile_idx, o.mobile_masked, pg_temp.enc('addr' || o.id), '上海市浦****', '配偶', pg_temp.enc('n1' || o.id), pg_temp.idx('n1' || o.id), '李*',
       pg_temp.enc('p1' || o.id), '138****0001',
       '朋友', pg_temp.enc('n2' || o.id), pg_temp.idx('n2' || o.id), '王*', pg_temp.enc('p2' || o.id), '139****0002', 'CH01',
       CASE WHEN hashtext(o.id) % 5 = 0 THEN 'REFERRAL' ELSE 'NATURAL' END::"ChannelKind", o.officer_id, o.created_at, o.created_at
     FROM pretrial_orders o WHERE o.id <= 'bo' || lpad('${sizes.scores}', 8, '0')`,
  );

  await step(
    `risk score requests (${sizes.scores.toLocaleString("en")})`,
    `INSERT INTO risk_score_requests (id, zw_order, profile_id, pretrial_order_id, requested_by_id, channel_kind, status, score, score_raw,
       cutoff, decision, vendor_code, last_error, attempts, scored_at, created_at, updated_at)
     SELECT 'bs' || substr(p.id, 3), 'ZW' || substr(p.id, 3), p.id, p.pretrial_order_id, p.created_by_id, p.channel_kind, s.status::"RiskScoreStatus",
       CASE WHEN s.status = 'SCORED' THEN s.score END, CASE WHEN s.status = 'SCORED' THEN s.score::text WHEN s.status = 'MODEL_ERROR' THEN '-666666.0' END,
       CASE WHEN s.status IN ('SCORED', 'MODEL_ERROR') THEN 650 END,
       CASE WHEN s.status = 'SCORED' THEN CASE WHEN s.score >= 650 THEN 'pass' ELSE 'fail' END WHEN s.status = 'MODEL_ERROR' THEN 'model-error' END,
       CASE WHEN s.status = 'FAILED' THEN '100' END, CASE WHEN s.status = 'FAILED' THEN 'vendor refused' END, 1,
       CASE WHEN s.status IN ('SCORED', 'MODEL_ERROR') THEN p.created_at + interval '20 minutes' END,
       p.created_at + interval '15 minutes', p.created_at + interval '20 minutes'
     FROM risk_profiles p
     CROSS JOIN LATERAL (SELECT CASE WHEN hashtext(p.id) & 1023 < 870 THEN 'SCORED' WHEN hashtext(p.id) & 1023 < 922 THEN 'MODEL_ERROR'
                                     WHEN hashtext(p.id) & 1023 < 973 THEN 'FAILED' ELSE 'PENDING' END AS status,
                                (480 + (hashtext(p.id || 's') & 1023) * 0.3)::numeric(10, 2) AS score) s`,
  );

  // Callback inbox: mostly processed, a few duplicates, unmatched, rejected and failed.
  const inboxGap = span / sizes.inbox;
  await step(
    `inbound events (${sizes.inbox.toLocaleString("en")})`,
    `INSERT INTO inbound_events (source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked,
       target_type, target_id, attempts, last_error, received_at, processed_at)
     SELECT 'wanwang', e.type, 'ZX' || lpad(g::text, 10, '0') || ':' || e.type, e.status::"InboundStatus", e.status <> 'REJECTED', 'POST',
       '/api/callbacks/wanwang/' || e.type, '{"content-type":"application/json"}', convert_to(pg_temp.enc('body' || g), 'UTF8'),
       '{"querySn":"ZX' || lpad(g::text, 10, '0') || '","idNumber":"5101**********1234"}',
       'pretrial_order', 'bo' || lpad((1 + g % ${sizes.orders})::text, 8, '0'), 1,
       CASE WHEN e.status = 'FAILED' THEN 'handler error' END,
       now() - make_interval(secs => g * ${inboxGap}), now() - make_interval(secs => g * ${inboxGap}) + interval '50 milliseconds'
     FROM generate_series(1, ${sizes.inbox}) g
     CROSS JOIN LATERAL (SELECT (ARRAY['signed', 'pretrialResult', 'wechatShare', 'errorSync'])[1 + pg_temp.h(g, 6) % 4] AS type,
       CASE WHEN pg_temp.h(g, 7) % 1000 < 900 THEN 'PROCESSED' WHEN pg_temp.h(g, 7) % 1000 < 950 THEN 'DUPLICATE'
            WHEN pg_temp.h(g, 7) % 1000 < 970 THEN 'UNMATCHED' WHEN pg_temp.h(g, 7) % 1000 < 990 THEN 'REJECTED' ELSE 'FAILED' END AS status) e`,
  );

  const auditGap = span / sizes.audit;
  await step(
    `audit rows (${sizes.audit.toLocaleString("en")})`,
    `INSERT INTO audit_logs (at, actor_id, actor_name, actor_role, action, outcome, target_type, target_id, detail, ip)
     SELECT now() - make_interval(secs => g * ${auditGap}), a.id, a.id, a.role::"Role",
       (ARRAY['auth.login', 'pretrial.create', 'pretrial.export', 'riskScore.request', 'pii.reveal', 'inbox.rerun'])[1 + pg_temp.h(g, 8) % 6],
       CASE WHEN pg_temp.h(g, 9) % 100 < 95 THEN 'ok' WHEN pg_temp.h(g, 9) % 100 < 99 THEN 'denied' ELSE 'error' END,
       'pretrial_order', 'bo' || lpad((1 + g % ${sizes.orders})::text, 8, '0'), NULL, '10.0.0.' || (g % 250)
     FROM generate_series(1, ${sizes.audit}) g
     CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 = 0 THEN 'bench-admin' ELSE 'bench-officer-' || lpad((1 + g % ${sizes.officers})::text, 3, '0') END AS id,
       CASE WHEN g % 10 = 0 THEN 'ADMIN' ELSE 'LOAN_OFFICER' END AS role) a`,
  );

  if (sizes.custodyRequests && sizes.custodyAccounts && sizes.projects) await fillCustody(step, { requests: sizes.custodyRequests, accounts: sizes.custodyAccounts, projects: sizes.projects }, span);
  await fillRiskCases(step, sizes.orders);
  if (sizes.creditReports) await fillCreditReports(step, sizes.creditReports);

  await step("VACUUM ANALYZE", "VACUUM ANALYZE");
}

/** Custody (issue 11): the request log, accounts with ledger buckets, projects. Bodies are placeholders. */
async function fillCustody(step: (label: string, sql: string) => Promise<void>, n: { requests: number; accounts: number; projects: number }, span: number) {
  await step(
    `custody requests (${n.requests.toLocaleString("en")})`,
    `INSERT INTO custody_requests (request_no, service_name, mode, status, body_enc, body_masked, platform_user_no, project_no, amount, attempts,
       code, created_at, confirmed_at, updated_at, ledger_status)
     SELECT 'CO' || lpad(g::text, 12, '0'), s.name, s.mode, s.status, pg_temp.enc('req' || g), '{}', 'U' || lpad((1 + g % ${n.accounts})::text, 8, '0'),
       'P' || lpad((1 + g % ${n.projects})::text, 7, '0'), 100 + pg_temp.h(g, 20) * 10, 1, CASE WHEN s.status = 'SUCCEEDED' THEN '0' END,
       now() - make_interval(secs => g * ${span / n.requests}), CASE WHEN s.status = 'SUCCEEDED' THEN now() - make_interval(secs => g * ${span / n.requests}) END,
       now() - make_interval(secs => g * ${span / n.requests}), CASE WHEN s.status = 'SUCCEEDED' THEN 'POSTED' ELSE 'NONE' END
     FROM generate_series(1, ${n.requests}) g
     CROSS JOIN LATERAL (SELECT (ARRAY['RECHARGE', 'WITHDRAW', 'USER_PRE_TRANSACTION', 'CONFIRM_LOAN', 'CONFIRM_REPAYMENT', 'FREEZE'])[1 + pg_temp.h(g, 21) % 6] AS name,
       CASE WHEN pg_temp.h(g, 21) % 6 < 3 THEN 'gateway' ELSE 'direct' END AS mode,
       CASE WHEN pg_temp.h(g, 22) % 100 < 93 THEN 'SUCCEEDED' WHEN pg_temp.h(g, 22) % 100 < 98 THEN 'FAILED' WHEN pg_temp.h(g, 22) % 100 < 99 THEN 'SENT' ELSE 'UNKNOWN' END AS status) s`,
  );
  await step(
    `custody accounts (${n.accounts.toLocaleString("en")}) with ledger buckets`,
    `INSERT INTO custody_accounts (platform_user_no, user_type, user_role, status, card_bound, bankcard_masked, bankcode, created_at)
       SELECT 'U' || lpad(g::text, 8, '0'), 'PERSON', 'NORMAL', 'ACTIVE', true, '622202******' || lpad((g % 10000)::text, 4, '0'), 'ICBK',
         now() - make_interval(secs => g * ${span / n.accounts}) FROM generate_series(1, ${n.accounts}) g;
     INSERT INTO ledger_accounts (id, owner, bucket, balance)
       SELECT b || ':U' || lpad(g::text, 8, '0'), 'U' || lpad(g::text, 8, '0'), b, pg_temp.h(g, 23) * 100
       FROM generate_series(1, ${n.accounts}) g CROSS JOIN unnest(ARRAY['AVAILABLE', 'FROZEN']) b`,
  );
  await step(
    `projects (${n.projects.toLocaleString("en")})`,
    `INSERT INTO custody_projects (project_no, borrower, name, project_type, annual_rate, repayment_way, amount, status, created_at)
     SELECT 'P' || lpad(g::text, 7, '0'), 'U' || lpad((1 + g % ${n.accounts})::text, 8, '0'), '标的' || g, 'STANDARDPOWDER', '0.1', 'ONE_TIME_SERVICING',
       1000000, (ARRAY['COLLECTING', 'REPAYING', 'FINISH', 'MISCARRY'])[1 + pg_temp.h(g, 24) % 4], now() - make_interval(secs => g * ${span / n.projects})
     FROM generate_series(1, ${n.projects}) g`,
  );
}
