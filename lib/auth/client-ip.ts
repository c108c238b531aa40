import { isIP } from "node:net";

/**
 * The client address (design.md §2 "Client addresses"), one for throttling, the audit log and
 * the inbox. The console's server entry (scripts/console-server.ts) computes it from the socket
 * and `TRUSTED_PROXY_HOPS` and writes it into CLIENT_IP_HEADER, replacing any copy the client
 * sent; the app only reads that header. A client-sent `X-Forwarded-For` is never believed on
 * its own word. (issue 8, security 3)
 */
export const CLIENT_IP_HEADER = "x-creditops-client-ip";

export function clientIpFrom(headers: { get(name: string): string | null }): string {
  return headers.get(CLIENT_IP_HEADER)?.trim() || "unknown";
}

/**
 * The address `hops` places from the right of the chain `X-Forwarded-For entries…, socket peer`.
 * With 0 trusted proxies it is the socket's peer. Each trusted proxy appends the address it saw,
 * so with N of them the entry N places left of the socket is what the outermost one saw; entries
 * further left were written by the client and are ignored. A chain shorter than N gives its
 * leftmost entry.
 */
export function clientAddressFrom(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? ""];
  const picked = chain[Math.max(0, chain.length - 1 - Math.max(0, Math.floor(hops)))] ?? "";
  return normalizeAddress(picked) || "unknown";
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; `[::1]:443` / `1.2.3.4:80` → the address; garbage → "". */
function normalizeAddress(raw: string): string {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value : "";
}
