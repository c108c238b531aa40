import { inboundRoute } from "@/lib/inbox/route";

export const POST = inboundRoute("wanwang", "error-sync");
