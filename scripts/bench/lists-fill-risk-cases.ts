/**
 * Risk cases for the list bench (issue 9): `n` synthetic cases over a year, in SQL, with the
 * helpers of lists-fill.ts (pg_temp.enc/idx/h). Status by hash: 70 % closed, 10 % new, 12 %
 * investigating, 8 % waiting; non-new cases assigned to one of the 20 bench analysts; 1 in 20
 * merchants per 50 cases; six rules, four types; ~1 % snoozed, ~0.5 % escalated (to the bench admin), 0.1 % flagged.
 */
import type pg from "pg";

const NAMES = ["兴宇", "恒达", "瑞丰", "鑫源", "嘉禾", "华信", "永昌", "博远", "晨光", "泰和", "宏图", "锦程"];
const TRADES = ["装饰工程服务", "餐饮管理", "商贸", "便利店", "汽车维修", "电子科技", "服装", "五金建材", "美容美发", "物流"];
const PROVS = ["110000", "310000", "440000", "510000", "330000", "320000", "420000", "610000", "370000", "500000"];
const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(",")}]`;

export async function fillRiskCases(step: (label: string, sql: string) => Promise<void>, n: number) {
  const gap = (365 * 24 * 3600) / n;
  await step(
    `risk cases (${n.toLocaleString("en")})`,
    `INSERT INTO risk_cases (id, case_no, merc_num, merc_name, agent_no, agent_name, first_agent_no, level, risk_type_rules, type_no,
       risk_type_case_deal_way, case_deal_way, flow_node_key, audit_status, create_way, prov_code, city_code, area_code, create_time,
       legal_person_enc, legal_person_idx, legal_person_masked, legal_phone_enc, legal_phone_idx, legal_phone_masked,
       raw_enc, schema_valid, schema_issues, first_seen_at, last_fetched_at, status, assignee_id, conclusion, closed_at, snoozed_until, escalated_at, escalation_reason, escalated_to_id, version)
     SELECT 'rc' || lpad(g::text, 8, '0'), to_char(t.created, 'YYYYMMDDHH24MISS') || lpad(g::text, 15, '0'),
       '8331' || lpad((g / 50)::text, 11, '0'),
       (${arr(NAMES)})[1 + pg_temp.h(g / 50, 21) % 12] || (${arr(TRADES)})[1 + pg_temp.h(g / 50, 22) % 10] || '有限公司',
       'FW1000' || (100 + pg_temp.h(g / 50, 23) % 30), '测试服务商' || (1 + pg_temp.h(g / 50, 23) % 30) || '号', 'FW1000' || (100 + pg_temp.h(g / 50, 23) % 5), '1级服务商',
       'SR000' || (10 + pg_temp.h(g, 24) % 6), 'T000' || (10 + pg_temp.h(g, 25) % 4), 'investigate', 'investigate',
       (ARRAY['SAASSH', 'FKSH', 'DCZ'])[1 + pg_temp.h(g, 26) % 3], (ARRAY['DSH', 'SHZ', 'SHTG', 'SHBH'])[1 + pg_temp.h(g, 27) % 4], 'AUTO',
       p.prov, substr(p.prov, 1, 2) || '0100', substr(p.prov, 1, 2) || '0101', t.created,
       pg_temp.enc('lp' || g), pg_temp.idx('lp' || g), '张*', pg_temp.enc('lm' || g), pg_temp.idx('lm' || g), '138****' || lpad((g % 10000)::text, 4, '0'),
       convert_to(pg_temp.enc('raw' || g), 'UTF8'), g % 1000 <> 7, CASE WHEN g % 1000 = 7 THEN 'createTime' END, t.created, t.created,
       s.status::"RiskCaseStatus",
       CASE WHEN s.status <> 'NEW' THEN 'bench-analyst-' || (1 + pg_temp.h(g, 28) % 20) END,
       CASE WHEN s.status = 'CLOSED' THEN (ARRAY['CONFIRMED_RISK', 'NO_RISK', 'RECTIFIED'])[1 + pg_temp.h(g, 29) % 3]::"RiskCaseConclusion" END,
       CASE WHEN s.status = 'CLOSED' THEN t.created + interval '3 days' END,
       CASE WHEN s.status <> 'CLOSED' AND pg_temp.h(g, 30) % 100 = 0 THEN now() + interval '5 days' END,
       CASE WHEN s.status <> 'CLOSED' AND pg_temp.h(g, 31) % 200 = 0 THEN t.created + interval '1 day' END,
       CASE WHEN s.status <> 'CLOSED' AND pg_temp.h(g, 31) % 200 = 0 THEN 'bench' END,
       CASE WHEN s.status <> 'CLOSED' AND pg_temp.h(g, 31) % 200 = 0 THEN 'bench-admin' END, 1
     FROM generate_series(1, ${n}) g
     CROSS JOIN LATERAL (SELECT now() - make_interval(secs => g * ${gap}) AS created) t
     CROSS JOIN LATERAL (SELECT (${arr(PROVS)})[1 + pg_temp.h(g / 50, 32) % 10] AS prov) p
     CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.h(g, 33) % 100 < 70 THEN 'CLOSED' WHEN pg_temp.h(g, 33) % 100 < 80 THEN 'NEW'
                                     WHEN pg_temp.h(g, 33) % 100 < 92 THEN 'INVESTIGATING' ELSE 'WAITING' END AS status) s`,
  );
}

export type { pg };
