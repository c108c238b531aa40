/**
 * The client address as the console sees it. Behind a load balancer the first
 * `x-forwarded-for` entry is the client; Next.js sets the header itself when serving directly.
 */
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
