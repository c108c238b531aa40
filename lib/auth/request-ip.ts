import "server-only";
import { headers } from "next/headers";
import { clientIpFrom } from "./client-ip";

/** The client address of the current request (pages, actions), as the server entry computed it. */
export async function requestIp(): Promise<string> {
  return clientIpFrom(await headers());
}
