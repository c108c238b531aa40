import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { userRoute } from "@/lib/http/route";
import { readEventBodyMasked } from "@/lib/inbox/queries";

export const dynamic = "force-dynamic";

/**
 * The whole masked body of an inbound event, as a download: the detail page shows at most 64 KB
 * of it. Admins only, like the inbox; every download is in the audit log (when its stream ends).
 */
export const GET = userRoute<{ id: string }>({ name: "inbox.body.download", roles: ["ADMIN"], audit: "stream" }, async ({ params, audit }) => {
  if (!/^\d{1,18}$/.test(params.id)) throw new AppError("NOT_FOUND", `inbound event ${params.id}`);
  const body = await readEventBodyMasked(getDb(), BigInt(params.id));
  if (body === null) throw new AppError("NOT_FOUND", `inbound event ${params.id}`);
  audit({ targetType: "inboundEvent", targetId: params.id });
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="inbound-event-${params.id}-masked.json"`,
      "cache-control": "no-store",
    },
  });
});
