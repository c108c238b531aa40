import { guardRoute } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db";
import { PRETRIAL_WRITE_ROLES } from "@/lib/pretrial/access";
import { createOrderFromForm } from "@/lib/pretrial/create-order";

export const dynamic = "force-dynamic";

/**
 * New pretrial order. A route handler rather than a server action because the two ID photos
 * (up to 10 MB each) exceed the server-action body limit.
 */
export async function POST(request: Request) {
  const guard = await guardRoute(request, PRETRIAL_WRITE_ROLES, "pretrial.create");
  if ("response" in guard) return guard.response;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: "VALIDATION", fieldErrors: {} }, { status: 400 });
  }
  const outcome = await createOrderFromForm(getDb(), guard.user, form, guard.ip);
  if (!outcome.ok) return Response.json({ error: "VALIDATION", fieldErrors: outcome.fieldErrors }, { status: 400 });
  return Response.json({ orderId: outcome.orderId, created: outcome.created }, { status: outcome.created ? 201 : 200 });
}
