/**
 * What the twin answers with. The document (§5.1) lists only the general codes; 联银通's
 * business refusals are not documented, so the twin uses its own 2000xx codes with a
 * description naming the rule (docs/sandbox-lanmao.md). The console treats any non-zero code
 * other than 100001 as a refusal and shows the description.
 */
export const CODES = {
  OK: "0",
  SYSTEM: "100001",
  FORMAT: "100002",
  SIGNATURE: "100003",
  PLATFORM: "100004",
  /** Sandbox-only: a business rule of the document forbids it. */
  RULE: "200001",
  /** Sandbox-only: this requestNo was used before by an interface that is not idempotent. */
  DUPLICATE: "200002",
  /** Sandbox-only: no such user, project, pre-transaction, freeze or order. */
  NOT_FOUND: "200003",
  /** Sandbox-only: not enough available balance. */
  INSUFFICIENT: "200004",
  /** Sandbox-only: the customer cancelled on the gateway page. */
  CANCELLED: "200005",
} as const;

/** Thrown by the business code; becomes a signed answer `{code, description}`. */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
  ) {
    super(description);
    this.name = "Refusal";
  }
}

export const rule = (description: string) => new Refusal(CODES.RULE, description);
export const notFound = (description: string) => new Refusal(CODES.NOT_FOUND, description);
export const insufficient = (description = "可用余额不足") => new Refusal(CODES.INSUFFICIENT, description);
export const badFormat = (description: string) => new Refusal(CODES.FORMAT, description);
