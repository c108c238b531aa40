import type { PretrialStatus } from "@/lib/generated/prisma/enums";

/**
 * What the order page shows and offers, derived from the order's status in one place.
 *
 * The vendor has one failure callback (`errorSync`) for three different stories: the customer
 * declined to sign (the sandbox and 万网 send 客户拒绝签署授权书), the platform does not know the
 * subject (主体不存在, the document's own example), and everything else the platform gave up on.
 * They are one status (`ERROR`) in the database; they are three outcomes to the officer.
 */
export type OrderOutcome =
  | "submitting"
  | "rejected"
  | "awaitingSignature"
  | "processing"
  | "passed"
  | "failed"
  | "declined"
  | "subjectMissing"
  | "vendorError";

export type ErrorKind = "declined" | "subjectMissing" | "vendorError";

/** Classifies an errorSync message. Substrings, since the vendor pads them (`主体不存在,主体不存在`). */
export function errorKind(errReason: string | null | undefined): ErrorKind {
  const reason = errReason ?? "";
  if (/拒绝签署|拒签|客户拒绝|declin/i.test(reason)) return "declined";
  if (reason.includes("主体不存在")) return "subjectMissing";
  return "vendorError";
}

export type OrderStateInput = { status: PretrialStatus; errReason?: string | null };

export function orderOutcome({ status, errReason }: OrderStateInput): OrderOutcome {
  switch (status) {
    case "SUBMITTING":
      return "submitting";
    case "REJECTED":
      return "rejected";
    case "AWAITING_SIGNATURE":
      return "awaitingSignature";
    case "SIGNED":
    case "PBOC_REQUESTED":
    case "PBOC_PULLED":
    case "BIGDATA_RETURNED":
      return "processing";
    case "PASSED":
      return "passed";
    case "FAILED":
      return "failed";
    case "ERROR":
      return errorKind(errReason);
  }
}

export type BadgeTone = "default" | "secondary" | "success" | "warning" | "destructive" | "outline";

/** The badge of each outcome: a decline is the customer's choice, not a fault (warning, not red). */
export const OUTCOME_TONE: Record<OrderOutcome, BadgeTone> = {
  submitting: "warning",
  rejected: "destructive",
  awaitingSignature: "secondary",
  processing: "default",
  passed: "success",
  failed: "destructive",
  declined: "warning",
  subjectMissing: "destructive",
  vendorError: "destructive",
};

/** The order is closed for signing: the customer signed, declined, or the platform ended it. */
export function isSigningOver(outcome: OrderOutcome): boolean {
  return outcome !== "submitting" && outcome !== "awaitingSignature";
}

export type OrderAction =
  /** Resend a stuck submission (same outsideOrderId). */
  | "retrySubmit"
  /** QR, copy link, print sheet, open link. */
  | "signing"
  /** Ask 万网 for the result (resultQuery). */
  | "refreshResult"
  /** Ask 万网 to push the result again (pushOutside): only once a result can exist. */
  | "pushOutside"
  /** Pick one of the recommended capital providers. */
  | "chooseCapital"
  /** Start a new order prefilled from this one. */
  | "newFromThis"
  /** Request a risk score for this order. */
  | "requestRiskScore";

export type OrderActionInput = OrderStateInput & {
  querySn?: string | null;
  contractUrl?: string | null;
  recommendationCount?: number;
  /** The user may change pretrial orders (officers, admins). */
  canWrite: boolean;
  /** The user may request risk scores. */
  canScore: boolean;
};

/** The actions the order's state allows for this user, in the order the page offers them. */
export function allowedOrderActions(input: OrderActionInput): OrderAction[] {
  const outcome = orderOutcome(input);
  const actions: OrderAction[] = [];
  const write = (a: OrderAction) => input.canWrite && actions.push(a);
  // A score needs the applicant the platform knows: not after a decline, 主体不存在, an error or a refusal.
  const score = () => input.canScore && actions.push("requestRiskScore");
  switch (outcome) {
    case "submitting":
      write("retrySubmit");
      score();
      break;
    case "awaitingSignature":
      if (input.contractUrl) write("signing");
      // A decline whose callback went missing shows up in resultQuery's errReason.
      if (input.querySn) write("refreshResult");
      score();
      break;
    case "processing":
      if (input.querySn) write("refreshResult");
      // 万网 has a result from 大数据结果返回 on; before that a re-push is refused.
      if (input.querySn && input.status === "BIGDATA_RETURNED") write("pushOutside");
      score();
      break;
    case "passed":
      if ((input.recommendationCount ?? 0) > 0) actions.push("chooseCapital");
      score();
      break;
    case "failed":
      write("newFromThis");
      score();
      break;
    case "rejected":
    case "declined":
    case "subjectMissing":
    case "vendorError":
      write("newFromThis");
      break;
  }
  return actions;
}
