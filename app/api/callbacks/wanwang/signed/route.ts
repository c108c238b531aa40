import { inboundRoute } from "@/lib/inbox/route";

export const POST = inboundRoute("wanwang", "signed");
