"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { roleActionClient } from "@/lib/safe-action";
import { z } from "@/lib/validation";
import { processInboundEvent } from "./process";

/** Admins re-run an unmatched or failed callback, e.g. after the order it names exists. */
export const rerunInboundEventAction = roleActionClient(["ADMIN"])
  .metadata({ name: "inbox.rerun" })
  .inputSchema(z.object({ eventId: z.string().regex(/^\d+$/) }))
  .action(async ({ parsedInput, ctx }) => {
    const db = getDb();
    const id = BigInt(parsedInput.eventId);
    const before = await db.inboundEvent.findUnique({ where: { id }, select: { status: true } });
    if (!before) throw new AppError("NOT_FOUND", `inbound event ${id}`);
    if (before.status === "DUPLICATE" || before.status === "REJECTED") {
      throw new AppError("INVALID_STATE", "cannot re-run", { i18n: { key: "rerunNotAllowed" } });
    }
    const result = await processInboundEvent(db, id);
    const after = await db.inboundEvent.findUniqueOrThrow({ where: { id }, select: { status: true } });
    ctx.audit({ targetType: "inboundEvent", targetId: parsedInput.eventId, before, after });
    revalidatePath("/inbox");
    return { status: after.status, result: result.status };
  });
