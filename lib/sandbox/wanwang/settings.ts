import { z } from "zod";
import type { SandboxState } from "../core/state";

/**
 * Timing knobs of the 万网 twin, changed with `PUT /wanwang/_sandbox/settings`. Kept in the
 * sandbox state so a restarted sandbox keeps behaving the way a test or demo set it up.
 */
export interface WanwangSettings {
  /** Lifetime of issued access tokens (the document's real value: 7200). */
  tokenTtlSeconds: number;
  /** Gap between the callbacks that follow signing (signed 0–3, then pretrialResult). */
  callbackIntervalMs: number;
  /** Wait between a successful netCredit and its wechatShare callback. */
  wechatShareDelayMs: number;
  /** Wait before an errorSync (decline, or an error test input right after netCredit). */
  errorSyncDelayMs: number;
  /** Fetch the two licence URLs after netCredit and record what came back. */
  checkLicences: boolean;
  /**
   * Refuse a repeated outsideOrderId as a duplicate (code 500, 三方订单号已存在) instead of
   * answering with the order it already opened: how a real 万网 may treat a resend after a
   * lost answer (issue 8, wire 3).
   */
  refuseRepeatedOutsideOrderId: boolean;
}

export const DEFAULT_WANWANG_SETTINGS: Readonly<WanwangSettings> = Object.freeze({
  tokenTtlSeconds: 7200,
  callbackIntervalMs: 1500,
  wechatShareDelayMs: 1000,
  errorSyncDelayMs: 1000,
  checkLicences: true,
  refuseRepeatedOutsideOrderId: false,
});

const delayMs = z.number().int().min(0).max(60_000).optional();

// Strict, so a misspelt knob is refused instead of silently doing nothing.
export const ZWanwangSettingsPatch = z.strictObject({
  tokenTtlSeconds: z.number().int().min(1).max(86_400).optional(),
  callbackIntervalMs: delayMs,
  wechatShareDelayMs: delayMs,
  errorSyncDelayMs: delayMs,
  checkLicences: z.boolean().optional(),
  refuseRepeatedOutsideOrderId: z.boolean().optional(),
});
export type TWanwangSettingsPatch = z.infer<typeof ZWanwangSettingsPatch>;

const SETTINGS_KEY = "wanwang:settings";

export function getSettings(state: SandboxState): WanwangSettings {
  return { ...DEFAULT_WANWANG_SETTINGS, ...state.get<Partial<WanwangSettings>>(SETTINGS_KEY) };
}

export function updateSettings(state: SandboxState, patch: TWanwangSettingsPatch): WanwangSettings {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next = { ...getSettings(state), ...defined };
  state.set(SETTINGS_KEY, next);
  return next;
}

export function resetSettings(state: SandboxState): WanwangSettings {
  state.delete(SETTINGS_KEY);
  return getSettings(state);
}
