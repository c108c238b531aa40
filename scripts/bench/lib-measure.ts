/**
 * Timing for the list bench: our function through Prisma against the same SQL through `pg`.
 *
 * "The same SQL" is taken from Prisma itself: a second client with query logging runs the case
 * once, and every statement it sent (text and parameters) is replayed through a `pg` pool.
 * Statements that Prisma had in flight together (Promise.all) are replayed together, the rest
 * one after another, so the raw figure has the same shape as ours minus the ORM's own work.
 */
import type pg from "pg";

export type Statement = { sql: string; params: unknown[]; start: number; end: number };

export type Timing = { p50: number; p95: number; runs: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs };
}

/**
 * Times two functions run by run, alternating which goes first, so a burst of load from the
 * other work on the machine lands on both rather than on one.
 */
export async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number, warmup: number): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const once = async (fn: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await once(a, ta);
      await once(b, tb);
    } else {
      await once(b, tb);
      await once(a, ta);
    }
  }
  const stats = (xs: number[]): Timing => {
    xs.sort((x, y) => x - y);
    return { p50: percentile(xs, 50), p95: percentile(xs, 95), runs };
  };
  return [stats(ta), stats(tb)];
}

/** Groups statements into waves: a statement joins the current wave if it began before the wave's last one ended. */
export function toWaves(statements: Statement[]): Statement[][] {
  const sorted = [...statements].sort((a, b) => a.start - b.start);
  const waves: Statement[][] = [];
  let waveEnd = -Infinity;
  for (const s of sorted) {
    if (waves.length && s.start < waveEnd) {
      waves[waves.length - 1].push(s);
      waveEnd = Math.max(waveEnd, s.end);
    } else {
      waves.push([s]);
      waveEnd = s.end;
    }
  }
  return waves;
}

/** Prisma logs parameters as JSON text; `pg` takes them as they are (dates as ISO strings). */
export function parseParams(raw: string): unknown[] {
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

const TX_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SET TRANSACTION|DEALLOCATE)/i;

export function replayer(pool: pg.Pool, statements: Statement[]) {
  const waves = toWaves(statements.filter((s) => !TX_CONTROL.test(s.sql)));
  return async () => {
    for (const wave of waves) await Promise.all(wave.map((s) => pool.query(s.sql, s.params)));
  };
}

export const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");

export type ResultRow = { name: string; p95Ms: number; rawP95Ms: number; ratio: number };

export function printTable(rows: ResultRow[]) {
  const head = ["case", "p95 ms", "raw p95 ms", "ratio"];
  const lines = rows.map((r) => [r.name, fmt(r.p95Ms), fmt(r.rawP95Ms), r.ratio.toFixed(2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(render(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(render(l));
}
