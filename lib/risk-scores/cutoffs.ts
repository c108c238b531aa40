import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { ChannelKind } from "@/lib/generated/prisma/enums";

/** 附录二: 前期上线先用650 — 650 for both channel kinds at launch; an admin may later set 630 for a good referral channel. */
export const DEFAULT_CUTOFFS: Record<ChannelKind, number> = { NATURAL: 650, REFERRAL: 650 };
const KEY = "riskScore.cutoffs";

export async function getCutoffs(db: DbOrTx): Promise<Record<ChannelKind, number>> {
  const row = await db.appSetting.findUnique({ where: { key: KEY } });
  const value = (row?.value ?? {}) as Partial<Record<ChannelKind, number>>;
  return { NATURAL: value.NATURAL ?? DEFAULT_CUTOFFS.NATURAL, REFERRAL: value.REFERRAL ?? DEFAULT_CUTOFFS.REFERRAL };
}

export async function setCutoffs(db: DbOrTx, cutoffs: Record<ChannelKind, number>, userId: string) {
  const before = await getCutoffs(db);
  await db.appSetting.upsert({ where: { key: KEY }, create: { key: KEY, value: cutoffs, updatedById: userId }, update: { value: cutoffs, updatedById: userId } });
  return { before, after: cutoffs };
}
