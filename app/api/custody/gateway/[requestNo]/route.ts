import { gatewayPageResponse } from "@/lib/custody/gateway-page";
import { getDb } from "@/lib/db";
import { userRoute } from "@/lib/http/route";

/** Finance opens a logged gateway request's page (the customer's step at 联银通) — audited. */
export const GET = userRoute<{ requestNo: string }>({ name: "custody.gatewayPage", roles: ["FINANCE", "ADMIN"], audit: "success" }, ({ params }) =>
  gatewayPageResponse(getDb(), decodeURIComponent(params.requestNo)),
);
