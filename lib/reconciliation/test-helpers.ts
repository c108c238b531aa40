import type pg from "pg";
import type { CheckFileType } from "./checkfile/columns";
import { checkFileHeader, checkFileLine } from "./checkfile/format";
import { storeCheckFile } from "./files";

/** Test and benchmark helpers: our side written straight in SQL, check files stored from values. */
export type OurRequest = {
  requestNo: string;
  serviceName: string;
  status?: "PREPARED" | "SENT" | "UNKNOWN" | "SUCCEEDED" | "FAILED";
  amount?: number | null;
  fee?: number;
  commission?: number;
  platformUserNo?: string;
  confirmedAt?: Date | null;
  createdAt?: Date;
};

export async function insertOurRequests(db: pg.Pool | pg.PoolClient | pg.Client, rows: readonly OurRequest[]): Promise<void> {
  for (const r of rows) {
    const op: Record<string, number> = {};
    if (r.fee !== undefined) op.fee = r.fee;
    if (r.commission !== undefined) op.commission = r.commission;
    const status = r.status ?? "SUCCEEDED";
    await db.query(
      `INSERT INTO custody_requests (request_no, service_name, mode, status, body_enc, body_masked, operation, platform_user_no, amount, confirmed_at, created_at)
       VALUES ($1, $2, 'direct', $3, 'x', '{}', $4, $5, $6, $7, $8)`,
      [
        r.requestNo,
        r.serviceName,
        status,
        Object.keys(op).length ? JSON.stringify(op) : null,
        r.platformUserNo ?? null,
        r.amount ?? null,
        r.confirmedAt === undefined ? (status === "SUCCEEDED" ? (r.createdAt ?? new Date()) : null) : r.confirmedAt,
        r.createdAt ?? new Date(),
      ],
    );
  }
}

/** Stores a check file made from rows of values (amounts as numbers of fen). */
export async function storeFileFromValues(
  client: pg.PoolClient | pg.Client,
  fileDate: string,
  fileType: CheckFileType,
  rows: readonly Record<string, string | number | undefined>[],
): Promise<string> {
  const text = checkFileHeader(fileType) + rows.map((r) => checkFileLine(fileType, r)).join("");
  return (await storeCheckFile(client, { fileDate, fileType, source: [Buffer.from(text)] })).fileId;
}
