/** Pure geometry for the score histogram, kept apart from the SVG so it can be tested alone. */
export const BUCKET = 25;

export type ScoreBucket = { bucket: number; NATURAL: number; REFERRAL: number };

const floorTo = (value: number) => Math.floor(value / BUCKET) * BUCKET;

/**
 * A continuous run of buckets (empty ones included, so gaps read as gaps) wide enough to show
 * both cut-off lines with a bucket of room on either side, even when no score lies near them.
 */
export function fillBuckets(buckets: readonly ScoreBucket[], cutoffs: readonly number[]): ScoreBucket[] {
  const starts = [...buckets.map((b) => b.bucket), ...cutoffs.map((c) => floorTo(c) - BUCKET)];
  const ends = [...buckets.map((b) => b.bucket), ...cutoffs.map((c) => floorTo(c) + BUCKET)];
  const start = Math.min(...starts);
  const end = Math.max(...ends);
  const byStart = new Map(buckets.map((b) => [b.bucket, b]));
  const out: ScoreBucket[] = [];
  for (let b = start; b <= end; b += BUCKET) out.push(byStart.get(b) ?? { bucket: b, NATURAL: 0, REFERRAL: 0 });
  return out;
}

/** 1, 2 or 5 × 10ⁿ: tick steps people read at a glance. Counts are whole, so never below 1. */
export function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
}

/** Y ticks from 0 to a round top at or above the tallest bar, about four steps. */
export function countTicks(max: number): number[] {
  const step = niceStep(max / 4);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/** Every how many buckets an x label fits: 25, 50, 100 or 200 points apart. */
export function labelEvery(bucketCount: number): number {
  if (bucketCount <= 12) return 1;
  if (bucketCount <= 24) return 2;
  if (bucketCount <= 48) return 4;
  return 8;
}

/** Rough width of an 11-unit SVG label (CJK glyphs are square, Latin about half): enough to keep it inside. */
export function labelWidth(text: string, fontSize = 11): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? fontSize : fontSize * 0.6;
  return w;
}
