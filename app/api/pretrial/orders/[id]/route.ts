import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { userRoute } from "@/lib/http/route";
import { PRETRIAL_READ_ROLES } from "@/lib/pretrial/access";
import { getPretrialOrderForUser } from "@/lib/pretrial/queries";

export const dynamic = "force-dynamic";

/** The order page polls this while the order is in flight (no manual reload needed). */
export const GET = userRoute<{ id: string }>({ name: "pretrial.read", roles: PRETRIAL_READ_ROLES }, async ({ user, params }) => {
  const order = await getPretrialOrderForUser(getDb(), user, params.id);
  if (!order) throw new AppError("NOT_FOUND", `pretrial order ${params.id}`);
  return Response.json(order, { headers: { "cache-control": "no-store" } });
});
