import { z } from "zod";
import type { SandboxContext, SandboxRequest, SandboxResponse, SandboxRoute } from "../core/types";
import { readSettingsPatch } from "../core/settings-patch";

/**
 * What the risk-case twin serves, kept in ctx.state so a restart answers the same cases.
 * Not part of the vendor's protocol: `GET | PUT | DELETE /risk-case/_sandbox/settings`.
 */
export interface RiskCaseSettings {
  /** How many cases exist (deterministic: case i is the same on every machine). */
  population: number;
  /** The newest case's createTime (Beijing, `yyyy-MM-dd HH:mm:ss`); older ones spread back from it. */
  newestCreateTime: string;
  /** Minutes between two consecutive cases' createTime. */
  spacingMinutes: number;
  /** `data`: total/rows inside `data` (the document's table); `flat`: beside return_code (its example). */
  envelope: "data" | "flat";
  /** Every Nth case is sent with a malformed createTime (a record failing the schema); 0 = none. */
  badRecordEvery: number;
  /** How many times the vendor-side change switch was pulled. */
  changeRounds: number;
}

const KEY = "risk-case:settings";
const WIRE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export const ZRiskCaseSettingsPatch = z.strictObject({
  population: z.number().int().min(0).max(2_000_000).optional(),
  newestCreateTime: z.string().regex(WIRE_TIME, "yyyy-MM-dd HH:mm:ss").optional(),
  spacingMinutes: z.number().int().min(1).max(10_000).optional(),
  envelope: z.enum(["data", "flat"]).optional(),
  badRecordEvery: z.number().int().min(0).optional(),
  changeRounds: z.number().int().min(0).max(1000).optional(),
});

/** The Beijing wall clock of `now`, `yyyy-MM-dd HH:mm:ss`. */
export function beijingWireTime(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

function defaults(): RiskCaseSettings {
  return { population: 5000, newestCreateTime: beijingWireTime(new Date()), spacingMinutes: 17, envelope: "data", badRecordEvery: 0, changeRounds: 0 };
}

/**
 * The first read pins `newestCreateTime` to that moment, so the population stays put while
 * the sandbox runs and across restarts (the state file keeps it).
 */
export function readSettings(ctx: Pick<SandboxContext, "state">): RiskCaseSettings {
  const stored = ctx.state.get<Partial<RiskCaseSettings>>(KEY);
  if (stored?.newestCreateTime) return { ...defaults(), ...stored };
  const pinned = { ...defaults(), ...stored };
  ctx.state.set(KEY, { ...stored, newestCreateTime: pinned.newestCreateTime });
  return pinned;
}

export function patchSettings(ctx: Pick<SandboxContext, "state">, patch: Partial<RiskCaseSettings>): RiskCaseSettings {
  const current = readSettings(ctx);
  const stored = ctx.state.get<Partial<RiskCaseSettings>>(KEY) ?? {};
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  ctx.state.set(KEY, { ...stored, ...defined });
  return { ...current, ...defined };
}

function answer(ctx: SandboxContext): SandboxResponse {
  return { status: 200, headers: { "cache-control": "no-store" }, body: readSettings(ctx) };
}

function put(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const patch = readSettingsPatch(req, ZRiskCaseSettingsPatch);
  if (!patch.ok) return patch.response;
  patchSettings(ctx, patch.patch);
  return answer(ctx);
}

/** The switch: each POST is one more round of vendor-side changes to some cases. */
function change(_req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const rounds = readSettings(ctx).changeRounds + 1;
  patchSettings(ctx, { changeRounds: rounds });
  return answer(ctx);
}

export const settingsRoutes: SandboxRoute[] = [
  { method: "GET", path: "/_sandbox/settings", handle: (_req, ctx) => answer(ctx) },
  { method: "PUT", path: "/_sandbox/settings", handle: put },
  { method: "POST", path: "/_sandbox/change-cases", handle: change },
  {
    method: "DELETE",
    path: "/_sandbox/settings",
    handle: (_req, ctx) => {
      ctx.state.delete(KEY);
      return answer(ctx);
    },
  },
];
