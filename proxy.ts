import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, HSTS, newNonce, NONCE_HEADER } from "@/lib/http/security-headers";

/**
 * For every page: the Content-Security-Policy with a fresh script nonce (and HSTS when the
 * public URL is https); then, as a convenience only, visitors without a session cookie go to
 * the sign-in page. Every page, action, route handler and query checks the session and role
 * itself (design.md §4).
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const config = env();
  const nonce = newNonce();
  const https = config.appBaseUrl.startsWith("https:");
  const lanmao = config.vendors.lanmao;
  const gateway = new URL(lanmao.mode === "live" && lanmao.values.LANMAO_BASE_URL ? lanmao.values.LANMAO_BASE_URL : config.sandboxUrl).origin;
  const csp = contentSecurityPolicy(nonce, { dev: config.nodeEnv === "development", https, formActions: [gateway] });

  const { pathname } = request.nextUrl;
  const open = pathname === "/login" || pathname.startsWith("/login/");
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (open || hasSession) {
    const headers = new Headers(request.headers);
    headers.set(NONCE_HEADER, nonce);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
  } else {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + request.nextUrl.search)}`;
    response = NextResponse.redirect(url);
  }
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  // Every page, sign-in included; not the APIs (each checks its own caller) or static assets.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
