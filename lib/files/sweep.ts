import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { dataDir } from "@/lib/paths";
import { deleteFile } from "./store";

/** Uploads no record points at are removed once they are this old (a form still being saved is younger). */
export const ORPHAN_FILE_HOURS = 24;

/**
 * Removes uploads that no record uses (issue 8, security 7): ID photos whose order was never
 * saved, and encrypted files on disk without a row (a crash between the write and the insert,
 * a rolled-back transaction). Only purposes whose referencing columns are listed here are
 * swept; an area that stores files of a new purpose adds its columns before its files can go.
 */
const SWEPT_PURPOSES = ["id-photo-front", "id-photo-back"];

export async function sweepOrphanFiles(db: Db, opts: { olderThanHours?: number; now?: Date; batch?: number } = {}) {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - (opts.olderThanHours ?? ORPHAN_FILE_HOURS) * 3600_000);
  const orphans = await db.$queryRaw<{ id: string }[]>`
    SELECT f."id" FROM "stored_files" f
    WHERE f."created_at" < ${cutoff} AND f."purpose" = ANY(${SWEPT_PURPOSES})
      AND NOT EXISTS (SELECT 1 FROM "pretrial_orders" o WHERE o."photo_front_id" = f."id" OR o."photo_back_id" = f."id")
    LIMIT ${opts.batch ?? 1000}`;
  for (const { id } of orphans) await deleteFile(db, id);

  let strays = 0;
  const root = path.join(dataDir(), "files");
  for (const file of await listFiles(root)) {
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || stat.mtime >= cutoff) continue;
    const id = path.basename(file).split(".")[0] ?? "";
    const known = file.endsWith(".bin") && (await db.storedFile.findUnique({ where: { id }, select: { id: true } }));
    if (known) continue;
    await fs.rm(file, { force: true });
    strays++;
  }
  if (orphans.length || strays) logger.info({ rows: orphans.length, strays }, "orphan uploads removed");
  return { rows: orphans.length, strays };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}
