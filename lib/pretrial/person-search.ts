"use server";

import { isValidIdNumber, isValidMobile } from "@/lib/pii/id-card";
import { indexPii } from "@/lib/pii/vault";
import { roleActionClient } from "@/lib/safe-action";
import { z } from "@/lib/validation";
import { PRETRIAL_READ_ROLES } from "./access";

/**
 * Exact search by ID number or mobile without the number ever entering a URL (design.md §5):
 * the browser sends the value once, in a POST body, and puts the returned blind-index token
 * in the URL instead. `id.<hmac>` or `mobile.<hmac>`.
 */
export const personSearchTokenAction = roleActionClient(PRETRIAL_READ_ROLES)
  .metadata({ name: "pretrial.personSearch" })
  .inputSchema(
    z.object({
      value: z
        .string()
        .trim()
        .toUpperCase()
        .refine((v) => isValidIdNumber(v) || isValidMobile(v), "personQuery"),
    }),
  )
  .action(async ({ parsedInput: { value } }) => {
    const kind = isValidIdNumber(value) ? "id" : "mobile";
    return { token: `${kind}.${indexPii(value, kind)}` };
  });
