import { createHash } from "node:crypto";
import type pg from "pg";
import type { CheckFileType } from "./checkfile/columns";

/**
 * Check files are kept in PostgreSQL (replicas are stateless; design.md §1), in 1 MiB chunks,
 * once per content: a re-download of the same bytes for the same day and type is recognised by
 * its SHA-256 and the stored file is reused.
 */
export const CHUNK_BYTES = 1024 * 1024;

export type StoredCheckFile = { fileId: string; sha256: string; sizeBytes: number; reused: boolean };

export async function storeCheckFile(
  client: pg.PoolClient | pg.Client,
  input: { fileDate: string; fileType: CheckFileType; source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> },
): Promise<StoredCheckFile> {
  const hash = createHash("sha256");
  let digest: string | undefined;
  await client.query("BEGIN");
  try {
    const placeholder = `pending-${process.pid}-${Date.now()}-${Math.random()}`;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO recon_files (file_date, file_type, sha256, size_bytes) VALUES (to_date($1, 'YYYYMMDD'), $2, $3, 0) RETURNING id::text`,
      [input.fileDate, input.fileType, placeholder],
    );
    const fileId = rows[0]!.id;
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      await client.query("INSERT INTO recon_file_chunks (file_id, seq, data) VALUES ($1, $2, $3)", [fileId, seq++, Buffer.concat(pending)]);
      pending = [];
      pendingBytes = 0;
    };
    for await (const chunk of input.source) {
      const b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      hash.update(b);
      size += b.length;
      pending.push(Buffer.from(b));
      pendingBytes += b.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    const sha256 = (digest = hash.digest("hex"));
    const existing = await client.query<{ id: string; size_bytes: string }>(
      `SELECT id::text, size_bytes::text FROM recon_files WHERE file_date = to_date($1, 'YYYYMMDD') AND file_type = $2 AND sha256 = $3`,
      [input.fileDate, input.fileType, sha256],
    );
    if (existing.rows[0]) {
      await client.query("ROLLBACK");
      return { fileId: existing.rows[0].id, sha256, sizeBytes: Number(existing.rows[0].size_bytes), reused: true };
    }
    await client.query("UPDATE recon_files SET sha256 = $2, size_bytes = $3 WHERE id = $1", [fileId, sha256, size]);
    await client.query("COMMIT");
    return { fileId, sha256, sizeBytes: size, reused: false };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    // The same content stored at the same moment by another run: theirs won, reuse it.
    if ((err as { code?: string }).code === "23505" && digest) {
      const sha256 = digest;
      const again = await client.query<{ id: string; size_bytes: string }>(
        `SELECT id::text, size_bytes::text FROM recon_files WHERE file_date = to_date($1, 'YYYYMMDD') AND file_type = $2 AND sha256 = $3`,
        [input.fileDate, input.fileType, sha256],
      );
      if (again.rows[0]) return { fileId: again.rows[0].id, sha256, sizeBytes: Number(again.rows[0].size_bytes), reused: true };
    }
    throw err;
  }
}

/** Chunks come back as raw bytes: binary format, no parser (text format would be hex, twice the size, decoded in Node). */
const RAW_BYTES = { getTypeParser: () => (value: Buffer) => value };

/**
 * The stored bytes, chunk by chunk (never the whole file in memory). The next chunk is asked
 * for while the caller works on the current one, so a parser never waits for the database.
 */
export async function* readCheckFile(client: pg.PoolClient | pg.Client, fileId: string): AsyncGenerator<Uint8Array> {
  const fetch = (seq: number) => {
    // `binary` is a query option of node-postgres its type declarations leave out.
    const config: pg.QueryConfig & { binary: boolean } = {
      text: "SELECT data FROM recon_file_chunks WHERE file_id = $1 AND seq = $2",
      values: [fileId, seq],
      binary: true,
      types: RAW_BYTES as unknown as pg.CustomTypesConfig,
    };
    return client.query<{ data: Buffer }>(config as pg.QueryConfig).then((r) => r.rows[0]?.data ?? null);
  };
  let next: Promise<Buffer | null> = fetch(0);
  try {
    for (let seq = 0; ; seq++) {
      const data = await next;
      if (!data) return;
      next = fetch(seq + 1);
      yield data;
    }
  } finally {
    // A caller that stops early (a refused line) leaves one read in flight: let it end here.
    await next.catch(() => null);
  }
}
