import "server-only";
import type { DbOrTx } from "@/lib/db";

export async function listUsers(db: DbOrTx) {
  return db.user.findMany({
    orderBy: [{ disabled: "asc" }, { createdAt: "asc" }],
    select: { id: true, username: true, displayName: true, role: true, disabled: true, lastLoginAt: true, createdAt: true },
  });
}
export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
