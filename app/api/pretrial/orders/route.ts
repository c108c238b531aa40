import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ONE_MB, userRoute } from "@/lib/http/route";
import { PRETRIAL_WRITE_ROLES } from "@/lib/pretrial/access";
import { createOrderFromForm } from "@/lib/pretrial/create-order";

export const dynamic = "force-dynamic";

/**
 * New pretrial order. A route handler rather than a server action because the two ID photos
 * (up to 10 MB each) exceed the server-action body limit. 201 when created, 200 when the
 * idempotency key found the order of an earlier submit; 400 with field errors the form shows.
 */
export const POST = userRoute(
  { name: "pretrial.create", roles: PRETRIAL_WRITE_ROLES, body: "multipart", bodyLimit: 21 * ONE_MB },
  async ({ form, user, audit }) => {
    const outcome = await createOrderFromForm(getDb(), user, form);
    if (!outcome.ok) throw new AppError("VALIDATION", "invalid order form", { fieldErrors: outcome.fieldErrors });
    audit(outcome.audit);
    return Response.json({ orderId: outcome.orderId, created: outcome.created }, { status: outcome.created ? 201 : 200 });
  },
);
