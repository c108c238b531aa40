/** What the home page queries for one user, as `app/(console)/page.tsx` does it. */
import type { SessionUser } from "@/lib/auth/session";
import { areasFor } from "@/lib/auth/roles";
import type { DbOrTx } from "@/lib/db";
import { getCapitalCardStats } from "@/lib/capital/queries";
import { startOfBeijingDay } from "@/lib/format/dates";
import { getAuditCardStats, getInboxCardStats, getUsersCardStats } from "@/lib/home/queries";
import { getPretrialCardStats } from "@/lib/pretrial/queries";
import { getScoreCardStats } from "@/lib/risk-scores/queries";

export async function loadHome(db: DbOrTx, user: SessionUser) {
  const areas = areasFor(user.role);
  const out: unknown[] = [];
  if (areas.includes("pretrial")) out.push(await getPretrialCardStats(db, user, startOfBeijingDay()));
  if (areas.includes("risk-scores")) out.push(await getScoreCardStats(db, user, startOfBeijingDay()));
  if (areas.includes("capital")) out.push(await getCapitalCardStats(db));
  if (areas.includes("inbox")) out.push(await getInboxCardStats(db));
  if (areas.includes("audit")) out.push(await getAuditCardStats(db));
  if (areas.includes("users")) out.push(await getUsersCardStats(db));
  return out;
}
