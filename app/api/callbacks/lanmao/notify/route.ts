import { LANMAO_NOTIFY_EVENT } from "@/lib/custody/callbacks/events";
import { receiveCallback } from "@/lib/inbox/receive";

/** 联银通 NOTIFY: one URL for every interface, typed by `serviceName` in the body (design.md §2). */
export const POST = (request: Request) => receiveCallback(request, LANMAO_NOTIFY_EVENT);
