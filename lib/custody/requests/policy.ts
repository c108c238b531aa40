import { afterAmbiguousFailure, LANMAO_SERVICES, LANMAO_SERVICE_NAMES, type LanmaoServiceName, type LanmaoTransactionType } from "@/lib/vendors/lanmao/services";

/**
 * What the console does with each 联银通 interface, as data (docs/custody.md "Retry policy").
 * Derived from the document's flags in lib/vendors/lanmao/services.ts:
 * - `afterTimeout`: an answer lost to a timeout / 5xx is resent with the same requestNo when the
 *   document marks the interface idempotent (§1.6); otherwise QUERY_TRANSACTION decides first
 *   (design.md §3) and the request is resent only if custody never saw it.
 * - `outcomeFrom`: where custody's verdict comes from — the direct answer, or for gateway
 *   interfaces the NOTIFY (the browser return is shown, never trusted alone; a missing NOTIFY
 *   is chased with QUERY_TRANSACTION by the worker).
 * - `needsApproval`: money-moving direct calls and project status changes are sent only after a
 *   second finance user approves (maker-checker, issue 11 §3) — not the POS order, which moves
 *   nothing by itself (see NEVER_APPROVED).
 * - `logged`: written down before sending. Every interface but the read-only queries.
 */
export type RetryPolicy = {
  serviceName: LanmaoServiceName;
  afterTimeout: "resend_same_request_no" | "query_first";
  outcomeFrom: "answer" | "notify";
  needsApproval: boolean;
  logged: boolean;
  queryType: LanmaoTransactionType | null;
  maxAttempts: number;
};

/** MODIFY_PROJECT moves no money itself but changes what may move (§2.11): approved too. */
const APPROVED_ANYWAY = new Set<LanmaoServiceName>(["MODIFY_PROJECT"]);
/**
 * POS_RECHARGE only opens an order (§2.7): nothing moves until the customer pays at the terminal,
 * and then the ledger posts the amount custody reports (POS_BUILD_BARCODE's NOTIFY or
 * QUERY_TRANSACTION), like a gateway RECHARGE. Sent at once by lib/custody/pos-recharge.ts.
 */
const NEVER_APPROVED = new Set<LanmaoServiceName>(["POS_RECHARGE"]);

function policyOf(name: LanmaoServiceName): RetryPolicy {
  const s = LANMAO_SERVICES[name];
  return {
    serviceName: name,
    afterTimeout: afterAmbiguousFailure(name),
    outcomeFrom: s.mode === "gateway" ? "notify" : "answer",
    needsApproval: s.mode === "direct" && !NEVER_APPROVED.has(name) && (s.movesMoney || APPROVED_ANYWAY.has(name)),
    logged: !s.query,
    queryType: s.queryType,
    // Idempotent interfaces may be resent a few times in a row; the others at most once more,
    // and only after QUERY_TRANSACTION found nothing.
    maxAttempts: s.idempotent ? 4 : 2,
  };
}

export const RETRY_POLICIES: Readonly<Record<LanmaoServiceName, RetryPolicy>> = Object.fromEntries(
  LANMAO_SERVICE_NAMES.map((n) => [n, policyOf(n)]),
) as Record<LanmaoServiceName, RetryPolicy>;

export const policyFor = (name: LanmaoServiceName): RetryPolicy => RETRY_POLICIES[name];
