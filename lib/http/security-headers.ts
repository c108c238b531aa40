/**
 * Response headers against injection, framing and leaks (issue 8, security 6). The static ones
 * are set for every path in next.config.mjs; the CSP, whose script nonce changes per request,
 * and HSTS, which depends on the public URL, by proxy.ts for pages. Next reads the nonce from the
 * request's `Content-Security-Policy` header and puts it on its own scripts; the root layout
 * hands it to next-themes' inline theme script (NONCE_HEADER).
 */
export const NONCE_HEADER = "x-nonce";

export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next loads from a nonced script are trusted; no other inline script is.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Radix positions popovers with inline style attributes, next-themes injects a <style>; a
    // nonce cannot cover style attributes, so styles stay 'unsafe-inline' (no script runs from CSS).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    // pdf.js (credit-report viewer) runs its worker from public/pdfjs; 'strict-dynamic' would not cover it.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS for a console served over https: two years, subdomains included. */
export const HSTS = "max-age=63072000; includeSubDomains";
