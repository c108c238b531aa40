import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { CHECK_FILE_TYPES, type CheckFileType } from "./checkfile/columns";
import { copyLines, type KeySeen, StagedSums } from "./copy-lines";

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

/** A file type's number in the staged rows (`ft`): 1-based position in CHECK_FILE_TYPES. */
export function fileTypeCode(fileType: CheckFileType): number {
  const i = (CHECK_FILE_TYPES as readonly string[]).indexOf(fileType);
  if (i < 0) throw new Error(`not a check file type: ${fileType}`);
  return i + 1;
}

export async function createStageTable(client: pg.PoolClient | pg.Client, table: string, opts: { temporary?: boolean } = {}): Promise<void> {
  // TEMP lives in the session's own buffers and vanishes with the transaction: right for an export.
  const kind = opts.temporary ? "TEMPORARY" : "UNLOGGED";
  const tail = opts.temporary ? "ON COMMIT DROP" : "WITH (autovacuum_enabled = false)";
  // Fixed-width columns first (no alignment padding), the file type as a small number: a
  // narrower row is fewer pages to write, scan and hash. `rep`: the parser saw the key before
  // (or could not rule it out) — only keys of such lines can have several lines (copyTheirs).
  await client.query(`
    CREATE ${kind} TABLE ${table} (
      amount BIGINT NOT NULL, fee BIGINT NOT NULL, frozen BIGINT NOT NULL, line_no INTEGER NOT NULL, ft SMALLINT NOT NULL, rep BOOLEAN NOT NULL,
      k TEXT NOT NULL, detail_no TEXT NOT NULL, platform_user_no TEXT NOT NULL, status TEXT NOT NULL
    ) ${tail}`);
}

export type StageProgress = (fileType: CheckFileType, lines: number) => void;

/**
 * What staging learnt of a file on the way, so the match need not read the staged rows again
 * for it: its lines, the sums of their amounts (null: too large to add up exactly in Node), and
 * the keys whose lines were marked `rep` (null: more than KeyFilter keeps).
 */
export type StagedFile = { lines: number; sums: { amount: number; fee: number; frozen: number } | null; repeatedKeys: string[] | null };

/**
 * Streams one check file into the staging table `table` with COPY, read and written as bytes by
 * copyLines (copy-lines.ts: plain lines on a fast path, any other by the parser of
 * checkfile/parse.ts). A refused line aborts the COPY and rethrows: the caller's transaction is
 * then rolled back. The table must have been created in the caller's transaction
 * (createStageTable): the rows are written frozen.
 */
export async function copyTheirs(
  client: pg.PoolClient | pg.Client,
  table: string,
  input: { fileType: CheckFileType; fileDate: string; platformNo: string; source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> },
  onProgress?: StageProgress,
): Promise<StagedFile> {
  const ft = input.fileType;
  const code = fileTypeCode(ft);
  // The file type is the same on every line of a file: a column default, not a field of each
  // of a million COPY lines.
  await client.query(`ALTER TABLE ${table} ALTER COLUMN ft SET DEFAULT ${code}`);
  // FREEZE: the table was created in this transaction, so its rows need no visibility hint
  // bits later — the match's first scan would otherwise dirty (and write back) every page.
  const stream = client.query(copyFrom(`COPY ${table} (k, detail_no, line_no, platform_user_no, amount, fee, frozen, status, rep) FROM STDIN WITH (FREEZE)`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  const seen = new KeyFilter();
  const sums = new StagedSums();
  let lines = 0;
  try {
    for await (const chunk of copyLines(input.source, input, seen, sums)) {
      lines = chunk.lines;
      if (!stream.write(chunk.text)) await Promise.race([once(stream, "drain"), done]);
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
  return { lines, sums: sums.exact ? { amount: sums.amount, fee: sums.fee, frozen: sums.frozen } : null, repeatedKeys: seen.repeatedKeys() };
}

/**
 * Which keys may have been seen before in this file: a blocked Bloom filter (4 MiB, 4 probes in
 * one cache line) — no false "new" ever, a rare false "seen" (≈ 0.004 % of a million keys). The
 * match groups only the keys answered "seen" (a few, usually: most keys have one line; kept here
 * for it, see repeatedKeys) and joins every other line directly, instead of grouping a million
 * keys to find the few that repeat. A false "seen" only sends a single-line key through the
 * grouping, which gives it the same result. Fixed memory whatever the file's size (a bigger
 * file just gets more false "seen").
 */
export class KeyFilter implements KeySeen {
  private readonly bits = new Int32Array(1 << 20); // 2^25 bits
  /** The keys answered "seen", up to REPEATED_KEYS_KEPT of them (then null). */
  private repeated: Set<string> | null = new Set();

  /** The keys add / addAscii answered true for; null when there were too many to keep. */
  repeatedKeys(): string[] | null {
    return this.repeated ? [...this.repeated] : null;
  }

  private keep(key: string): void {
    if (!this.repeated) return;
    this.repeated.add(key);
    if (this.repeated.size > REPEATED_KEYS_KEPT) this.repeated = null;
  }

  /** Adds `key`; true when it may have been added before. */
  add(key: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    const seen = this.set(h1, h2);
    if (seen) this.keep(key);
    return seen;
  }

  /** add(prefix + the ASCII bytes[from, to)), without making the string (the same hashes) unless it was seen. */
  addAscii(bytes: Uint8Array, from: number, to: number, prefix: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < prefix.length; i++) {
      const c = prefix.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    for (let i = from; i < to; i++) {
      const c = bytes[i]!;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    const seen = this.set(h1, h2);
    if (seen && this.repeated) this.keep(prefix + Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString("latin1"));
    return seen;
  }

  /**
   * Two 32-bit hashes of the key (FNV-1a and a multiplicative one): h1's top 16 bits choose a
   * block of 512 bits (one 64-byte cache line, so one memory miss per key, not four), and four
   * 9-bit slices of h2 (the last topped up from h1) the bits within it.
   */
  private set(h1: number, h2: number): boolean {
    const base = (h1 >>> 16) << 4; // 16 words of 32 bits per block
    let seen = true;
    for (let i = 0; i < 4; i++) {
      const bit = i < 3 ? (h2 >>> (9 * i)) & 511 : ((h2 >>> 27) | ((h1 & 0xf) << 5)) & 511;
      const word = base + (bit >>> 5);
      const mask = 1 << (bit & 31);
      if ((this.bits[word]! & mask) === 0) {
        seen = false;
        this.bits[word]! |= mask;
      }
    }
    return seen;
  }

}

/**
 * Repeated keys kept in Node for the match's small table of them (match.ts); a file with more
 * leaves the match to find them in the staged rows.
 */
const REPEATED_KEYS_KEPT = 100_000;
