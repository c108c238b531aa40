import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { readStoredBody } from "@/lib/inbox/body";
import { orderScope } from "@/lib/pretrial/access";
import { decryptPii } from "./vault";

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

/** Encrypted column of each revealable field (names, addresses and numbers, design.md §5). */
const ORDER_FIELDS = { customerName: "customerNameEnc", idNumber: "idNumberEnc", mobile: "mobileEnc" } as const;
const PROFILE_FIELDS = {
  realName: "realNameEnc", userAddress: "userAddressEnc", companyAddress: "companyAddressEnc", birthplace: "birthplaceEnc",
  name1: "name1Enc", name2: "name2Enc", cardUserName: "cardUserNameEnc",
} as const;

export const REVEALERS: Record<string, Revealer> = {
  /** The customer of a pretrial order: the officer who owns it (row scope) and admins. */
  pretrialOrder: {
    roles: ["ADMIN", "LOAN_OFFICER"],
    fields: Object.keys(ORDER_FIELDS),
    async reveal(db, targetId, field, user) {
      const column = ORDER_FIELDS[field as keyof typeof ORDER_FIELDS];
      const row = await db.pretrialOrder.findFirst({ where: { AND: [{ id: targetId }, orderScope(user)] }, select: { [column]: true } });
      const token = (row as Record<string, string | null> | null)?.[column];
      return token ? decryptPii(token) : null;
    },
  },
  /** An applicant profile's names and addresses: analysts (who review the score) and admins. */
  riskProfile: {
    roles: ["ADMIN", "RISK_ANALYST"],
    fields: Object.keys(PROFILE_FIELDS),
    async reveal(db, targetId, field) {
      const column = PROFILE_FIELDS[field as keyof typeof PROFILE_FIELDS];
      const row = await db.riskProfile.findUnique({ where: { id: targetId }, select: { [column]: true } });
      const token = (row as Record<string, string | null> | null)?.[column];
      return token ? decryptPii(token) : null;
    },
  },
  /** A risk case's legal person (name, mobile, card): analysts and admins, always with a reason. */
  riskCase: {
    roles: ["ADMIN", "RISK_ANALYST"],
    fields: ["legalPerson", "legalPhone", "cardNo"],
    requiresReason: true,
    async reveal(db, targetId, field) {
      const column = `${field}Enc` as "legalPersonEnc" | "legalPhoneEnc" | "cardNoEnc";
      const row = await db.riskCase.findUnique({ where: { id: targetId }, select: { [column]: true } });
      const token = (row as Record<string, string | null> | null)?.[column];
      return token ? decryptPii(token) : null;
    },
  },
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
