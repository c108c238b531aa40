import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { readStoredBody } from "@/lib/inbox/body";

/**
 * What may be revealed, by whom. Each area that stores personal data adds an entry; the
 * reveal action (reveal-action.ts) checks the roles, audits, and returns the clear value.
 * `reveal` may apply row-level rules too (a loan officer only for their own orders).
 */
export type Revealer = {
  roles: readonly Role[];
  fields: readonly string[];
  /** The user must say why (kept in the audit row): the value holds other people's data too. */
  requiresReason?: boolean;
  reveal(db: Db, targetId: string, field: string, user: SessionUser): Promise<string | null>;
};

export const REVEALERS: Record<string, Revealer> = {
  /** The raw body of a vendor callback, as received (admins investigating a callback). */
  inboundEvent: {
    roles: ["ADMIN"],
    fields: ["body"],
    requiresReason: true,
    async reveal(db, targetId) {
      if (!/^\d+$/.test(targetId)) return null;
      const row = await db.inboundEvent.findUnique({ where: { id: BigInt(targetId) }, select: { bodyEncrypted: true } });
      return row ? readStoredBody(row.bodyEncrypted).toString("utf8") : null;
    },
  },
};
