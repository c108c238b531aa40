import { writeAudit } from "@/lib/audit";
import { guardRoute } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db";
import { readEventBodyMasked } from "@/lib/inbox/queries";

export const dynamic = "force-dynamic";

/**
 * The whole masked body of an inbound event, as a download: the detail page shows at most 64 KB
 * of it. Admins only, like the inbox; every download is in the audit log.
 * (To move onto the shared route wrapper, lib/http/route.ts, once it exists.)
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await guardRoute(request, ["ADMIN"], "inbox.body.download");
  if ("response" in guard) return guard.response;
  const { id } = await params;
  if (!/^\d{1,18}$/.test(id)) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  const db = getDb();
  const body = await readEventBodyMasked(db, BigInt(id));
  if (body === null) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  await writeAudit(db, {
    actor: { id: guard.user.id, name: guard.user.username, role: guard.user.role },
    action: "inbox.body.download",
    outcome: "ok",
    targetType: "inboundEvent",
    targetId: id,
    ip: guard.ip,
  });
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="inbound-event-${id}-masked.json"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
