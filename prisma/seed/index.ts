import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { DEMO_USERS } from "./demo-users";

/**
 * Synthetic demo data, first sandbox run only (an empty users table). Later issues add their
 * areas' demo records here, always synthetic people (valid-checksum generated ID numbers).
 */
export async function seedIfEmpty(db: Db): Promise<{ seeded: boolean }> {
  if ((await db.user.count()) > 0) return { seeded: false };
  for (const u of DEMO_USERS) {
    await db.user.create({
      data: { username: u.username, displayName: u.displayName, role: u.role, passwordHash: await hashPassword(u.password) },
    });
  }
  return { seeded: true };
}
