/**
 * Credit reports for the list bench (issue 10): `n` synthetic reports over a year, each with
 * its stored-file row (the report's file_id is unique and a foreign key), in SQL with the
 * helpers of lists-fill.ts (pg_temp.enc/idx/h). Status by hash: 90 % done, 4 % failed, 3 %
 * uploaded, 3 % recognising; a done report has a placeholder answer (bytea), a report number
 * `CR<row>`, masked subject and list indicators; ~8 % of done reports have a current overdue.
 */
type Step = (label: string, sql: string) => Promise<void>;

/** A report number the bench's search case looks up (row 123,457 when there are that many). */
export const benchReportNo = (n: number) => `CR${String(Math.min(123_457, n)).padStart(10, "0")}`;

export async function fillCreditReports(step: Step, n: number) {
  const gap = (365 * 24 * 3600) / n;
  await step(
    `credit-report files (${n.toLocaleString("en")})`,
    `INSERT INTO stored_files (id, purpose, mime_type, size_bytes, sha256, storage_path, created_by_id, created_at)
     SELECT 'crf' || lpad(g::text, 8, '0'), 'credit-report', 'application/pdf', 200000 + pg_temp.h(g, 40), encode(sha256(convert_to('crf' || g, 'UTF8')), 'hex'),
       'files/bench/crf' || g || '.bin', 'bench-analyst-' || (1 + pg_temp.h(g, 41) % 20), now() - make_interval(secs => g * ${gap})
     FROM generate_series(1, ${n}) g`,
  );
  await step(
    `credit reports (${n.toLocaleString("en")})`,
    `INSERT INTO credit_reports (id, file_id, file_sha256, file_size_bytes, status, attempts, failure_code, raw_answer_enc, report_no, report_time,
       subject_name_enc, subject_name_idx, subject_name_masked, subject_id_enc, subject_id_idx, subject_id_masked, indicators, overdue_amount_fen,
       uploaded_by_id, created_at, updated_at, recognised_at)
     SELECT 'cr' || lpad(g::text, 8, '0'), 'crf' || lpad(g::text, 8, '0'), encode(sha256(convert_to('crf' || g, 'UTF8')), 'hex'), 200000 + pg_temp.h(g, 40),
       s.status::"CreditReportStatus", CASE WHEN s.status = 'UPLOADED' THEN 0 ELSE 1 END,
       CASE WHEN s.status = 'FAILED' THEN (ARRAY['DETECTION_FAILED', 'INVALID_ARGUMENT', 'OUT_OF_QUOTA'])[1 + pg_temp.h(g, 42) % 3] END,
       CASE WHEN s.done THEN convert_to(pg_temp.enc('raw' || g), 'UTF8') END,
       CASE WHEN s.done THEN 'CR' || lpad(g::text, 10, '0') END, CASE WHEN s.done THEN t.created - interval '2 days' END,
       CASE WHEN s.done THEN pg_temp.enc('sn' || g) END, CASE WHEN s.done THEN pg_temp.idx('sn' || g) END, CASE WHEN s.done THEN '张*' END,
       CASE WHEN s.done THEN pg_temp.enc('si' || g) END, CASE WHEN s.done THEN pg_temp.idx('si' || g) END,
       CASE WHEN s.done THEN '5101**********' || lpad((g % 10000)::text, 4, '0') END,
       CASE WHEN s.done THEN jsonb_build_object('queries3m', pg_temp.h(g, 43) % 9, 'overdueAccounts', CASE WHEN s.overdue > 0 THEN 1 ELSE 0 END,
         'overdueAmountFen', s.overdue, 'worstStatus24m', CASE WHEN s.overdue > 0 THEN '2' ELSE 'N' END, 'cardUtilisationBp', pg_temp.h(g, 44) % 10000,
         'totalDebtFen', pg_temp.h(g, 45) * 1000, 'flags', '[]'::jsonb) END,
       CASE WHEN s.done THEN s.overdue END,
       'bench-analyst-' || (1 + pg_temp.h(g, 41) % 20), t.created, t.created + interval '1 minute', CASE WHEN s.done THEN t.created + interval '1 minute' END
     FROM generate_series(1, ${n}) g
     CROSS JOIN LATERAL (SELECT now() - make_interval(secs => g * ${gap}) AS created) t
     CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.h(g, 46) % 100 < 90 THEN 'DONE' WHEN pg_temp.h(g, 46) % 100 < 94 THEN 'FAILED'
                                     WHEN pg_temp.h(g, 46) % 100 < 97 THEN 'UPLOADED' ELSE 'RECOGNISING' END AS status) s0
     CROSS JOIN LATERAL (SELECT s0.status, s0.status = 'DONE' AS done,
                                CASE WHEN pg_temp.h(g, 47) % 100 < 8 THEN (1 + pg_temp.h(g, 48)) * 100 ELSE 0 END::bigint AS overdue) s`,
  );
}
