import { z } from "zod";
import { BEIJING_OFFSET_MS } from "@/lib/format/dates";

/**
 * 联银通 times (vendor doc 004 §1.4): `T` = yyyyMMddHHmmss, `D` = yyyyMMdd, Beijing time
 * (GMT+8, no daylight saving), whatever the server's `TZ`. Only UTC getters are used on a
 * shifted instant, so the process time zone never leaks in.
 */
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function beijingParts(at: Date) {
  if (Number.isNaN(at.getTime())) throw new RangeError("invalid date");
  const b = new Date(at.getTime() + BEIJING_OFFSET_MS);
  return { y: b.getUTCFullYear(), mo: b.getUTCMonth() + 1, d: b.getUTCDate(), h: b.getUTCHours(), mi: b.getUTCMinutes(), s: b.getUTCSeconds() };
}

/** `T`: 20141213123456. */
export function toLanmaoTime(at: Date): string {
  const p = beijingParts(at);
  return `${pad(p.y, 4)}${pad(p.mo)}${pad(p.d)}${pad(p.h)}${pad(p.mi)}${pad(p.s)}`;
}

/** `D`: 20141213, the Beijing calendar day of `at`. */
export function toLanmaoDate(at: Date): string {
  return toLanmaoTime(at).slice(0, 8);
}

function fromParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  // Date.UTC rolls 20180230 over into March: refuse it rather than read another day.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return new Date(utc - BEIJING_OFFSET_MS);
}

/** `T` → the instant, or null when it is not a real Beijing date-time. */
export function parseLanmaoTime(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return fromParts(y, mo, d, h, mi, s);
}

/** `D` → the instant its Beijing day begins, or null. */
export function parseLanmaoDate(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d] = m.map(Number);
  return fromParts(y, mo, d);
}

/** The document's default page expiry for gateway requests: 15 minutes from now (§2.6, §2.9, §2.12). */
export const DEFAULT_EXPIRY_MS = 15 * 60_000;
export const defaultExpired = (now: Date) => toLanmaoTime(new Date(now.getTime() + DEFAULT_EXPIRY_MS));

/** zod: a `T` field; kept as the wire text (the raw is what was signed). */
export const ZLanmaoTime = z.string().refine((t) => parseLanmaoTime(t) !== null, "not a yyyyMMddHHmmss Beijing time");
export const ZLanmaoDate = z.string().refine((t) => parseLanmaoDate(t) !== null, "not a yyyyMMdd date");
