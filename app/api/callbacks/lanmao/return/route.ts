import { lanmaoReturnResponse } from "@/lib/custody/callbacks/return-route";

/** The customer's browser back from the 联银通 gateway: GET or a cross-site POST (design.md §2). */
export const GET = (request: Request) => lanmaoReturnResponse(request);
export const POST = (request: Request) => lanmaoReturnResponse(request);
