import "server-only";
import type crypto from "node:crypto";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { BodyTooLargeError, readBodyLimited } from "@/lib/http/read-body";
import { readLanmaoReturn } from "@/lib/vendors/lanmao/callback";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";
import { renderReturnPage } from "./return-page";

const LIMIT = 64 * 1024;

/**
 * GET (query string) or POST (form body): the signature is verified with the custody side's key
 * before anything is shown; an unverifiable return shows nothing but that. Nothing is changed
 * here — the NOTIFY moves the request and the money.
 */
export async function lanmaoReturnResponse(request: Request, publicKey: crypto.KeyObject = lanmaoConfig().publicKey): Promise<Response> {
  const locale = localeOf(request);
  let fields: URLSearchParams;
  if (request.method === "POST") {
    try {
      fields = new URLSearchParams((await readBodyLimited(request, LIMIT)).toString("utf8"));
    } catch (err) {
      if (err instanceof BodyTooLargeError) return html(renderReturnPage(locale, { kind: "invalid" }), 413);
      throw err;
    }
  } else fields = new URL(request.url).searchParams;
  const read = readLanmaoReturn(publicKey, fields);
  if (!read.ok) return html(renderReturnPage(locale, { kind: "invalid" }), read.reason === "signature" ? 401 : 400);
  let requestNo = "";
  try {
    requestNo = String((JSON.parse(read.notice.respData) as { requestNo?: unknown }).requestNo ?? "");
  } catch {
    // readNotice said unknown already; the page says the outcome cannot be confirmed.
  }
  return html(renderReturnPage(locale, { kind: "verified", serviceName: read.reading.service, requestNo, reading: read.reading }));
}

function localeOf(request: Request): Locale {
  const cookie = request.headers.get("cookie") ?? "";
  const fromCookie = cookie.split(/;\s*/).find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.slice(LOCALE_COOKIE.length + 1);
  if (isLocale(fromCookie)) return fromCookie;
  return /^\s*en\b/i.test(request.headers.get("accept-language") ?? "") ? "en" : DEFAULT_LOCALE;
}

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" } });
