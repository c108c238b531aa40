import type { SandboxState } from "../core/state";
import { riskScoreManifest } from "@/lib/vendors/risk-score/manifest";
import { twinCredentials } from "../env";

/**
 * What the vendor remembers per scored order, in ctx.state under
 * `risk-score:order:<zw_order>` so getHistoryScores and the 9002 check survive a restart.
 * No id number or mobile is kept: the history lookup does not need them, and the state
 * file is as easy to leak as a log.
 */
export interface ScoredOrder {
  partnerId: string;
  score: string;
  scoredAt: string;
}

const orderKey = (zwOrder: string) => `risk-score:order:${zwOrder}`;

export function getScoredOrder(state: SandboxState, zwOrder: string): ScoredOrder | undefined {
  return state.get<ScoredOrder>(orderKey(zwOrder));
}

export function saveScoredOrder(state: SandboxState, zwOrder: string, order: ScoredOrder): void {
  state.set(orderKey(zwOrder), order);
}

/** The partners this vendor knows: only the console's, with the credentials in force. `partnerId` in string form. */
export function findPartnerSecret(partnerId: string): string | null {
  const partner = twinCredentials(riskScoreManifest);
  return partnerId === partner.RISK_SCORE_PARTNER_ID ? partner.RISK_SCORE_SECRET : null;
}
