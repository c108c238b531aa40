import { guardRoute } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db";
import { PRETRIAL_READ_ROLES } from "@/lib/pretrial/access";
import { getPretrialOrderForUser } from "@/lib/pretrial/queries";

export const dynamic = "force-dynamic";

/** The order page polls this while the order is in flight (no manual reload needed). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await guardRoute(request, PRETRIAL_READ_ROLES, "pretrial.read");
  if ("response" in guard) return guard.response;
  const order = await getPretrialOrderForUser(getDb(), guard.user, (await params).id);
  if (!order) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  return Response.json(order, { headers: { "cache-control": "no-store" } });
}
