import "server-only";
import type { Locale } from "@/lib/i18n/config";
import type { NoticeReading } from "@/lib/vendors/lanmao/callback";
import { RETURN_CODES } from "@/lib/vendors/lanmao/enums";
import { isLanmaoServiceName, LANMAO_SERVICES } from "@/lib/vendors/lanmao/services";
import en from "@/messages/en/custody.json";
import zh from "@/messages/zh-CN/custody.json";

/**
 * The public page a customer's browser lands on after the 联银通 gateway (design.md §2): that
 * request's outcome only — interface, request number, success or not, the return code's
 * meaning. No personal data (the return carries name, ID and card for registrations: none of
 * it is shown), no script, no session.
 */
export type ReturnView = { kind: "invalid" } | { kind: "verified"; serviceName: string; requestNo: string; reading: NoticeReading };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderReturnPage(locale: Locale, view: ReturnView): string {
  const t = (locale === "en" ? en : zh).return;
  const body =
    view.kind === "invalid"
      ? `<h1>${esc(t.title)}</h1><p>${esc(t.invalid)}</p>`
      : verified(t, locale, view);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${esc(t.title)}</title></head><body>${body}</body></html>`;
}

function verified(t: typeof zh.return, locale: Locale, view: Extract<ReturnView, { kind: "verified" }>) {
  const heading = view.reading.kind === "success" ? t.success : view.reading.kind === "failure" ? t.failure : t.unknown;
  const service = isLanmaoServiceName(view.serviceName) ? `${LANMAO_SERVICES[view.serviceName].zh} (${view.serviceName})` : view.serviceName;
  const code = view.reading.kind === "unknown" ? null : String(view.reading.data.code);
  const codeText = code === null ? "" : `${code} ${(RETURN_CODES as Record<string, { zh: string; en: string }>)[code]?.[locale === "en" ? "en" : "zh"] ?? ""}`.trim();
  const rows = [
    [t.service, service],
    [t.requestNo, view.requestNo],
    ...(codeText ? [[t.code, codeText]] : []),
  ];
  return `<h1>${esc(t.title)}</h1><h2>${esc(heading)}</h2><dl>${rows.map(([k, v]) => `<dt>${esc(k!)}</dt><dd>${esc(v!)}</dd>`).join("")}</dl><p>${esc(t.note)}</p>`;
}
