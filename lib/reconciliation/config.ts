import { env } from "@/lib/env";

/**
 * Reconciliation settings from the environment (lib/env.ts checks them at start-up):
 * - RECON_CLOSE_MODE: CONFIRM (CONFIRM_CHECKFILE, 厦门银行 mode; default) or UPLOAD
 *   (UPLOAD_CHECKFILE, 中信银行 mode) — which closing call closes a day;
 * - RECON_START_TIME: Beijing HH:mm from which the scheduled run of yesterday starts (default
 *   01:30: the files are there from 01:00, §4.1). The worker ticks every 10 minutes from 01:00
 *   to 07:50 Beijing, so the setting lies in that window.
 */
export type ReconConfig = { closeMode: "CONFIRM" | "UPLOAD"; startMinutes: number };

export function reconConfig(): ReconConfig {
  const raw = env().raw;
  const [h, m] = raw.RECON_START_TIME.split(":").map(Number) as [number, number];
  return { closeMode: raw.RECON_CLOSE_MODE, startMinutes: h * 60 + m };
}
