import { type NextRequest, NextResponse } from "next/server";

/**
 * Convenience only: sends visitors without a session cookie to the sign-in page. Every page,
 * action, route handler and query checks the session and role itself (design.md §4).
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = request.nextUrl.pathname === "/" ? "" : `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but sign-in, the APIs (each checks its own caller) and static assets.
  matcher: ["/((?!login|api/|_next/|favicon.ico|robots.txt).*)"],
};
