import type { SandboxState } from "../core/state";

/** What the sandbox learnt about one licence image URL (fetched after answering netCredit). */
export interface LicenceCheck {
  side: "front" | "back";
  reachable: boolean;
  /** HTTP status, null when no answer came (refused, timed out, not a URL). */
  status: number | null;
  contentType: string | null;
  /** Sniffed from the first bytes, not trusted from content-type. */
  imageType: "jpeg" | "png" | null;
  error: string | null;
  checkedAt: string;
}

export type WanwangOrderStatus = "AWAITING_SIGNATURE" | "SIGNED" | "DECLINED" | "FAILED";

export interface WanwangOrder {
  querySn: string;
  outsideOrderId: string;
  signLinkId: string;
  markId: string;
  /** `<public base>/wanwang`: links handed out for this order (contract, share image, licence copies). */
  publicBase: string;
  contractUrl: string;
  channel: string;
  creditType: string;
  dealersName: string | null;
  socialCreditCode: string;
  person: {
    name: string;
    idCard: string;
    phone: string;
    personType: number;
    licenceFrontUrl: string;
    licenceBackUrl: string;
  };
  createdAt: number;
  status: WanwangOrderStatus;
  signedAt: number | null;
  declinedAt: number | null;
  /** 1 when this ID number had signed an earlier order (the authorization is reused). */
  reuseFlag: 0 | 1 | null;
  /** Epoch ms from which the pretrial result exists (resultQuery shows it, pushOutside resends it). */
  resultReadyAt: number | null;
  /** The errorSync message and when it took effect (errReason in resultQuery). */
  errorMessage: string | null;
  errorAt: number | null;
  licenceChecks: LicenceCheck[];
}

// Keys: the order under its querySn, plus two indexes pointing at that querySn.
const orderKey = (querySn: string) => `wanwang:order:${querySn}`;
const outsideKey = (outsideOrderId: string) => `wanwang:outside-order:${outsideOrderId}`;
const linkKey = (signLinkId: string) => `wanwang:sign-link:${signLinkId}`;

export function getOrder(state: SandboxState, querySn: string): WanwangOrder | undefined {
  return state.get<WanwangOrder>(orderKey(querySn));
}

export function findOrderByOutsideOrderId(state: SandboxState, outsideOrderId: string): WanwangOrder | undefined {
  const querySn = state.get<string>(outsideKey(outsideOrderId));
  return querySn ? getOrder(state, querySn) : undefined;
}

export function findOrderBySignLinkId(state: SandboxState, signLinkId: string): WanwangOrder | undefined {
  const querySn = state.get<string>(linkKey(signLinkId));
  return querySn ? getOrder(state, querySn) : undefined;
}

export function isQuerySnTaken(state: SandboxState, querySn: string): boolean {
  return state.get(orderKey(querySn)) !== undefined;
}

export function isSignLinkTaken(state: SandboxState, signLinkId: string): boolean {
  return state.get(linkKey(signLinkId)) !== undefined;
}

export function saveOrder(state: SandboxState, order: WanwangOrder): void {
  state.set(orderKey(order.querySn), order);
  state.set(outsideKey(order.outsideOrderId), order.querySn);
  state.set(linkKey(order.signLinkId), order.querySn);
}

/**
 * Read-modify-write on the stored order. The state is synchronous, so a change made here
 * cannot interleave with another request's; callers that awaited something re-read first.
 */
export function updateOrder(
  state: SandboxState,
  querySn: string,
  change: (order: WanwangOrder) => WanwangOrder,
): WanwangOrder | undefined {
  const current = getOrder(state, querySn);
  if (!current) return undefined;
  const next = change(current);
  state.set(orderKey(querySn), next);
  return next;
}

/** Whether this ID number signed an order before `querySn` was signed (document: reuseFlag). */
export function hasEarlierSignedOrder(state: SandboxState, idCard: string, querySn: string): boolean {
  return state
    .list<WanwangOrder>("wanwang:order:")
    .some(([, o]) => o.querySn !== querySn && o.signedAt !== null && o.person.idCard === idCard);
}

/** True once an instant recorded on the order has passed (results appear on the vendor's schedule). */
export function hasHappened(at: number | null, now = Date.now()): boolean {
  return at !== null && now >= at;
}
