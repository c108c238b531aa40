import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { DEMO_USERS } from "./demo-users";
import { seedDemoCreditReports } from "./demo-credit-reports";
import { seedDemoOrders } from "./demo-orders";

/**
 * Synthetic demo data, first sandbox run only (an empty users table). Later issues add their
 * areas' demo records here, always synthetic people (valid-checksum generated ID numbers).
 */
export async function seedIfEmpty(db: Db): Promise<{ seeded: boolean }> {
  if ((await db.user.count()) > 0) return { seeded: false };
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const created = await db.user.create({
      data: { username: u.username, displayName: u.displayName, role: u.role, passwordHash: await hashPassword(u.password) },
    });
    ids[u.role] = created.id;
  }
  await seedDemoOrders(db, ids.LOAN_OFFICER);
  await seedDemoCreditReports(db, ids.RISK_ANALYST);
  return { seeded: true };
}
