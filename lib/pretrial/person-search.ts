"use server";

import { indexPii } from "@/lib/pii/vault";
import { roleActionClient } from "@/lib/safe-action";
import { z } from "@/lib/validation";
import { PRETRIAL_READ_ROLES } from "./access";
import { personQueryKind } from "./person-query";

/**
 * Exact search by ID number, mobile or full name without the value ever entering a URL
 * (design.md §5): the browser sends it once, in a POST body, and puts the returned blind-index
 * token in the URL instead: `id.<hmac>`, `mobile.<hmac>` or `name.<hmac>` (the name normalised
 * first, lib/pii/blind-index.ts, so `李 明` finds 李明).
 */
export const personSearchTokenAction = roleActionClient(PRETRIAL_READ_ROLES)
  .metadata({ name: "pretrial.personSearch" })
  .inputSchema(
    z.object({
      value: z
        .string()
        .trim()
        .max(64, "personQuery")
        .refine((v) => personQueryKind(v) !== null, "personQuery"),
    }),
  )
  .action(async ({ parsedInput: { value } }) => {
    const kind = personQueryKind(value)!;
    const canonical = kind === "id" ? value.toUpperCase() : value;
    return { token: `${kind}.${indexPii(canonical, kind)}` };
  });
