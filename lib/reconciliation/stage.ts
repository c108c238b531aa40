import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { CHECK_FILE_TYPES, type CheckFileType } from "./checkfile/columns";
import { parseCheckFile } from "./checkfile/parse";

/**
 * Run-scoped staging: one UNLOGGED table per run (`recon_stage_<run id>`), created inside the
 * run's SQL transaction and dropped before it commits, so two runs never see each other's rows
 * and a failed or dry run leaves nothing behind (its creation rolls back). The custody side's
 * records are streamed into it with COPY straight from the parser; our side is read in place
 * by the match (match.ts). Neither side is ever held in Node memory.
 */
export function stageTableName(runId: string): string {
  if (!/^\d+$/.test(runId)) throw new Error("run id must be digits");
  return `recon_stage_${runId}`;
}

/** The temporary table an export derives matched lines in (dropped at its transaction's end). */
export const REDERIVE_TABLE = "recon_rederive";

export async function createStageTable(client: pg.PoolClient | pg.Client, table: string, opts: { temporary?: boolean } = {}): Promise<void> {
  // TEMP lives in the session's own buffers and vanishes with the transaction: right for an export.
  const kind = opts.temporary ? "TEMPORARY" : "UNLOGGED";
  const tail = opts.temporary ? "ON COMMIT DROP" : "WITH (autovacuum_enabled = false)";
  await client.query(`
    CREATE ${kind} TABLE ${table} (
      file_type TEXT NOT NULL, k TEXT NOT NULL, detail_no TEXT NOT NULL, line_no INTEGER NOT NULL,
      platform_user_no TEXT NOT NULL, amount BIGINT NOT NULL, fee BIGINT NOT NULL, frozen BIGINT NOT NULL, status TEXT NOT NULL
    ) ${tail}`);
}

export type StageProgress = (fileType: CheckFileType, lines: number) => void;

/**
 * Streams one check file through the parser into the staging table `table` with COPY. A parse error
 * aborts the COPY and rethrows: the caller's transaction is then rolled back.
 */
export async function copyTheirs(
  client: pg.PoolClient | pg.Client,
  table: string,
  input: { fileType: CheckFileType; fileDate: string; platformNo: string; source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> },
  onProgress?: StageProgress,
): Promise<number> {
  if (!(CHECK_FILE_TYPES as readonly string[]).includes(input.fileType)) throw new Error(`not a check file type: ${input.fileType}`);
  // The file type is the same on every line of a file: a column default, not a field of each
  // of a million COPY lines.
  await client.query(`ALTER TABLE ${table} ALTER COLUMN file_type SET DEFAULT '${input.fileType}'`);
  const stream = client.query(copyFrom(`COPY ${table} (k, detail_no, line_no, platform_user_no, amount, fee, frozen, status) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  let lines = 0;
  try {
    const ft = input.fileType;
    const byUser = ft === "BALANCE"; // BALANCE lines are keyed by account, the others by requestNo
    for await (const batch of parseCheckFile(input.source, input)) {
      let text = "";
      for (const r of batch) {
        const k = byUser ? r.platformUserNo : ft === "TRANSACTION" && r.kind === "UNFREEZE" ? unfreezeKey(r.requestNo) : r.requestNo;
        text += `${esc(k)}\t${esc(r.detailNo)}\t${r.lineNo}\t${esc(r.platformUserNo)}\t${r.amount}\t${r.fee}\t${r.frozen}\t${esc(r.status)}\n`;
      }
      lines += batch.length;
      if (!stream.write(text)) await Promise.race([once(stream, "drain"), done]);
      onProgress?.(ft, lines);
    }
  } catch (err) {
    // Ends the COPY with an error: PostgreSQL discards what it received and fails the transaction.
    stream.destroy(err as Error);
    await done.catch(() => undefined);
    throw err;
  }
  stream.end();
  await done;
  return lines;
}

/**
 * UNFREEZE has no requestNo on the wire (§2.22): the custody side reports it under the freeze's
 * requestNo, our request log under `UNFREEZE-<freeze requestNo>` (lib/custody/service.ts).
 */
function unfreezeKey(requestNo: string): string {
  return requestNo.startsWith("UNFREEZE-") ? requestNo : `UNFREEZE-${requestNo}`;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
/** COPY text format: backslash, tab and line ends are escaped; everything else is literal. */
function esc(v: string): string {
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}
