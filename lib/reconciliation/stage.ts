import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { CheckFileType } from "./checkfile/columns";
import { parseCheckFile } from "./checkfile/parse";

/**
 * Run-scoped staging: two TEMP tables that exist only inside the run's SQL transaction (ON
 * COMMIT DROP), so two runs never see each other's rows and a failed run leaves nothing behind.
 * The custody side's records are streamed into `recon_theirs` with COPY straight from the
 * parser; our side is snapshotted into `recon_ours` by one INSERT … SELECT. Matching is SQL
 * over the two (match.ts): neither side is ever held in Node memory.
 */
export async function createStagingTables(client: pg.PoolClient | pg.Client): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE recon_theirs (
      file_type TEXT NOT NULL, line_no INTEGER NOT NULL, request_no TEXT NOT NULL, detail_no TEXT NOT NULL,
      platform_user_no TEXT NOT NULL, amount BIGINT NOT NULL, fee BIGINT NOT NULL, frozen BIGINT NOT NULL, status TEXT NOT NULL
    ) ON COMMIT DROP`);
  await client.query(`
    CREATE TEMP TABLE recon_ours (
      file_type TEXT NOT NULL, match_key TEXT NOT NULL, platform_user_no TEXT, amount BIGINT NOT NULL, fee BIGINT NOT NULL,
      frozen BIGINT NOT NULL, status TEXT NOT NULL
    ) ON COMMIT DROP`);
}

export type StageProgress = (fileType: CheckFileType, lines: number) => void;

/**
 * Streams one check file through the parser into `recon_theirs` with COPY. A parse error
 * aborts the COPY and rethrows: the caller's transaction is then rolled back.
 */
export async function copyTheirs(
  client: pg.PoolClient | pg.Client,
  input: { fileType: CheckFileType; fileDate: string; platformNo: string; source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> },
  onProgress?: StageProgress,
): Promise<number> {
  const stream = client.query(
    copyFrom("COPY recon_theirs (file_type, line_no, request_no, detail_no, platform_user_no, amount, fee, frozen, status) FROM STDIN"),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  let lines = 0;
  try {
    const ft = input.fileType;
    for await (const batch of parseCheckFile(input.source, input)) {
      let text = "";
      for (const r of batch) {
        text += `${ft}\t${r.lineNo}\t${esc(r.requestNo)}\t${esc(r.detailNo)}\t${esc(r.platformUserNo)}\t${r.amount}\t${r.fee}\t${r.frozen}\t${esc(r.status)}\n`;
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

const NEEDS_ESCAPE = /[\\\t\n\r]/;
/** COPY text format: backslash, tab and line ends are escaped; everything else is literal. */
function esc(v: string): string {
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}
