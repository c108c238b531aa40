/**
 * Cross-site request check for route handlers users call (issue 8, security 8). Server actions
 * get the same from Next itself; vendor endpoints are verified by signature or token instead
 * (design.md §2) and never use this.
 *
 * Same origin means the `Origin` header equals the request's own origin (from its URL, or from
 * `Host` + `X-Forwarded-Proto`) or the console's public URL (`APP_BASE_URL`). `Origin: null`
 * (sandboxed frames, some redirects) is refused. A request without `Origin` is accepted only
 * when `Sec-Fetch-Site` is absent too or says same-origin: every browser sends one of them on
 * a cross-site POST, and a client that sends neither is not a browser carrying someone's cookie.
 */
export const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isSameOriginRequest(request: Request, publicBaseUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  return allowedOrigins(request, publicBaseUrl).has(origin.toLowerCase());
}

function allowedOrigins(request: Request, publicBaseUrl: string): Set<string> {
  const allowed = new Set<string>();
  const add = (url: string) => {
    try {
      allowed.add(new URL(url).origin.toLowerCase());
    } catch {
      // not a URL: nothing to allow
    }
  };
  add(request.url);
  add(publicBaseUrl);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? new URL(request.url).protocol.replace(":", "");
    add(`${proto}://${host}`);
  }
  return allowed;
}
