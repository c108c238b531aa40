import { multipartFormRoute } from "@/lib/auth/multipart-route";
import { getDb } from "@/lib/db";
import { PRETRIAL_WRITE_ROLES } from "@/lib/pretrial/access";
import { createOrderFromForm } from "@/lib/pretrial/create-order";

export const dynamic = "force-dynamic";

/**
 * New pretrial order. A route handler rather than a server action because the two ID photos
 * (up to 10 MB each) exceed the server-action body limit. 201 when created, 200 when the
 * idempotency key found the order of an earlier submit.
 */
export const POST = multipartFormRoute(
  PRETRIAL_WRITE_ROLES,
  "pretrial.create",
  (user, form, ip) => createOrderFromForm(getDb(), user, form, ip),
  (result: { orderId: string; created: boolean }) => (result.created ? 201 : 200),
);
