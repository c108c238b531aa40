import type pg from "pg";
import type { LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { CHECK_FILE_TYPES, type CheckFileType } from "../checkfile/columns";
import { readCheckFile } from "../files";
import type { CloseMode } from "../workflow";
import { type CheckFileEncryption, confirmCheckFile, signFileBytes, uploadCheckFiles } from "./close-calls";

/**
 * The closing call of a run's day, by the configured mode (RECON_CLOSE_MODE): CONFIRM_CHECKFILE
 * per kept file (厦门银行) or one UPLOAD_CHECKFILE of all kept files (中信银行). closeDay calls it
 * once its checks pass; it throws CheckFileCloseError when 联银通 refuses, and then nothing closes.
 */
export async function sendClosingCall(pool: pg.Pool, endpoint: LanmaoEndpoint, runId: string, mode: CloseMode, opts: { encrypt?: CheckFileEncryption } = {}): Promise<void> {
  const run = await pool.query<{ file_date: string; exceptions: number; matched: number }>(
    `SELECT to_char(file_date, 'YYYYMMDD') AS file_date,
            (SELECT count(*)::int FROM recon_lines WHERE run_id = $1 AND kind IS NOT NULL) AS exceptions,
            -- Matched lines are not kept one by one (match.ts): the run's summary counts them.
            (SELECT COALESCE(sum((o->>'count')::int), 0)::int FROM jsonb_array_elements(COALESCE(summary->'outcomes', '[]'::jsonb)) o
             WHERE o->>'outcome' = 'MATCHED') AS matched
     FROM recon_runs WHERE id = $1`,
    [runId],
  );
  const files = await pool.query<{ file_type: string; file_id: string }>("SELECT file_type, file_id::text FROM recon_run_files WHERE run_id = $1 ORDER BY file_type", [runId]);
  const fileDate = run.rows[0]!.file_date;
  const kept = files.rows.filter((f) => (CHECK_FILE_TYPES as readonly string[]).includes(f.file_type)) as { file_type: CheckFileType; file_id: string }[];
  const c = await pool.connect();
  try {
    if (mode === "UPLOAD") {
      // 中信银行 mode: every kept file of the run, renamed, in one zip (close-calls.ts).
      const data: { fileType: CheckFileType; data: Buffer }[] = [];
      for (const f of kept) {
        const chunks: Buffer[] = [];
        for await (const chunk of readCheckFile(c, f.file_id)) chunks.push(Buffer.from(chunk));
        data.push({ fileType: f.file_type, data: Buffer.concat(chunks) });
      }
      await uploadCheckFiles(endpoint, { requestNo: `RU${fileDate}${Date.now().toString(36)}`, fileDate, files: data, encrypt: opts.encrypt });
      return;
    }
    for (const f of kept) {
      const fileSign = await signFileBytes(readCheckFile(c, f.file_id), endpoint.privateKey);
      await confirmCheckFile(endpoint, {
        requestNo: `RC${fileDate}${f.file_type.slice(0, 3)}${Date.now().toString(36)}`,
        fileDate,
        fileType: f.file_type,
        fileSign,
        result: run.rows[0]!.exceptions === 0 ? "SUCCESS" : "FAIL",
        matched: run.rows[0]!.matched,
        exceptions: run.rows[0]!.exceptions,
      });
    }
  } finally {
    c.release();
  }
}
