import type { SandboxContext } from "../core/types";
import { type Biz, makeBiz } from "./biz";
import type { LanmaoTwinConfig } from "./config";
import { readSettings } from "./settings";
import { LanmaoStore } from "./store";

/** The business view of one request: the books, now, the settings. */
export function bizFor(ctx: SandboxContext, config: LanmaoTwinConfig): Biz {
  return makeBiz(new LanmaoStore(ctx.state), config.now(), readSettings(ctx));
}
