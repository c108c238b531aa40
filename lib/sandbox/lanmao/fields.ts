import { badFormat } from "./codes";

/**
 * Reading a reqData the way the custody side would: required fields present, amounts type A
 * (yuan, at most two decimals, under one billion), times `T`. Its own code, not the
 * console's, so a misreading of the document on one side shows up as a refusal. A bad field
 * is 100002 (参数格式错误), naming the field.
 */
export type ReqData = Record<string, unknown>;

export function str(req: ReqData, field: string, opts: { optional?: boolean; max?: number } = {}): string {
  const v = req[field];
  if (v === undefined || v === null || v === "") {
    if (opts.optional) return "";
    throw badFormat(`缺少参数 ${field}`);
  }
  if (typeof v !== "string" && typeof v !== "number") throw badFormat(`参数 ${field} 格式错误`);
  const s = String(v).trim();
  if (s.length > (opts.max ?? 100)) throw badFormat(`参数 ${field} 超长`);
  return s;
}

/** Type A → fen. `positive` refuses zero. */
export function fen(req: ReqData, field: string, opts: { optional?: boolean; positive?: boolean } = {}): number {
  const v = req[field];
  if (v === undefined || v === null || v === "") {
    if (opts.optional) return 0;
    throw badFormat(`缺少参数 ${field}`);
  }
  const text = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw badFormat(`参数 ${field} 不是金额(元,最多两位小数,十亿以内)`);
  const value = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (opts.positive && value === 0) throw badFormat(`参数 ${field} 必须大于 0`);
  return value;
}

export function list(req: ReqData, field: string): ReqData[] {
  let v = req[field];
  // details may arrive as JSON text (the document types some as S).
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      throw badFormat(`参数 ${field} 不是数组`);
    }
  }
  if (!Array.isArray(v) || v.length === 0 || !v.every((d) => d && typeof d === "object")) throw badFormat(`参数 ${field} 必须是非空数组`);
  return v as ReqData[];
}

export function oneOf<T extends string>(req: ReqData, field: string, allowed: readonly T[], opts: { optional?: boolean } = {}): T {
  const v = str(req, field, opts);
  if (opts.optional && v === "") return v as T;
  if (!(allowed as readonly string[]).includes(v)) throw badFormat(`参数 ${field} 取值无效`);
  return v as T;
}

/** fen → type A text. */
export const yuan = (f: number) => `${f < 0 ? "-" : ""}${Math.floor(Math.abs(f) / 100)}.${String(Math.abs(f) % 100).padStart(2, "0")}`;

/** `T` (yyyyMMddHHmmss) Beijing time. */
export function beijingT(at: Date): string {
  const b = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return b.slice(0, 19).replace(/[-T:]/g, "");
}

/** `T` → Date, or null. */
export function fromBeijingT(t: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}
