import { createHash } from "node:crypto";

/** mulberry32 seeded from a file's SHA-256: the same file always gets the same report. */
export function rngFromBytes(bytes: Uint8Array): () => number {
  const seed = createHash("sha256").update(bytes).digest().readUInt32BE(0);
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
export const chance = (rng: Rng, p: number) => rng() < p;

/** Yuan with thousands separators, as the report prints them: 1234567 fen → "12,345.67"; whole yuan without decimals. */
export function yuanText(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString("en-US");
  return fen % 100 === 0 ? yuan : `${yuan}.${String(fen % 100).padStart(2, "0")}`;
}

export type Month = { year: number; month: number };
export const addMonths = (m: Month, n: number): Month => {
  const i = m.year * 12 + m.month - 1 + n;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
};
const p2 = (n: number) => String(n).padStart(2, "0");
export const dotMonth = (m: Month) => `${m.year}.${p2(m.month)}`;
export const dotDay = (m: Month, day: number) => `${m.year}.${p2(m.month)}.${p2(day)}`;
export const cnDay = (m: Month, day: number) => `${m.year}年${p2(m.month)}月${p2(day)}日`;
export const cnMonth = (m: Month) => `${m.year}年${p2(m.month)}月`;
