import { fromWireTime } from "@/lib/vendors/risk-case/transform";

/**
 * Arguments of `npm run risk-cases:sync -- --from 2026-11-01 --to 2026-11-30` (pure, tested).
 * Times are Beijing time: `yyyy-MM-dd` (a --to day runs to its last second) or
 * `yyyy-MM-dd HH:mm:ss`. Neither given: the incremental window, as the schedule runs it.
 */
export const USAGE = `usage: npm run risk-cases:sync -- [--from <yyyy-MM-dd[ HH:mm:ss]> --to <yyyy-MM-dd[ HH:mm:ss]>] [--refresh]
  --from/--to  backfill that createTime window (Beijing time); a failed backfill resumes when run again with the same window
  --refresh    re-fetch open cases by caseNo instead
  (no options) the incremental sync from the last successful window`;

export type SyncArgs = { ok: true; from?: Date; to?: Date; refresh: boolean; help: boolean } | { ok: false; problem: string };

function parseTime(text: string, endOfDay: boolean): Date | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return fromWireTime(`${t} ${endOfDay ? "23:59:59" : "00:00:00"}`);
  return /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/.test(t) ? fromWireTime(t.replace("T", " ")) : null;
}

export function parseSyncArgs(argv: string[]): SyncArgs {
  let fromText: string | undefined;
  let toText: string | undefined;
  let refresh = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (flag === "--from" || flag === "--to") {
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, problem: `${flag} needs a time` };
      if (flag === "--from") fromText = value;
      else toText = value;
    } else if (flag === "--refresh") refresh = true;
    else if (flag === "--help" || flag === "-h") help = true;
    else return { ok: false, problem: `unknown option ${a}` };
  }
  if ((fromText === undefined) !== (toText === undefined)) return { ok: false, problem: "give both --from and --to, or neither" };
  if (fromText === undefined || toText === undefined) return { ok: true, refresh, help };
  const from = parseTime(fromText, false);
  const to = parseTime(toText, true);
  if (!from) return { ok: false, problem: "--from is not yyyy-MM-dd or yyyy-MM-dd HH:mm:ss" };
  if (!to) return { ok: false, problem: "--to is not yyyy-MM-dd or yyyy-MM-dd HH:mm:ss" };
  if (from.getTime() > to.getTime()) return { ok: false, problem: "--from is after --to" };
  if (refresh) return { ok: false, problem: "--refresh takes no window" };
  return { ok: true, from, to, refresh, help };
}
