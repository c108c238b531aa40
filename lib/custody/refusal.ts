import { AppError } from "@/lib/errors";
import type { Refusal } from "./projects/rules";

/** A business rule blocked the operation before anything was sent; the message names the rule. */
export class CustodyRuleError extends AppError {
  readonly rule: Refusal["rule"];
  constructor(refusal: Refusal) {
    super("INVALID_STATE", `custody rule: ${refusal.rule} ${refusal.values ? JSON.stringify(refusal.values) : ""}`, {
      i18n: { key: `custody.${refusal.rule}`, values: refusal.values },
    });
    this.rule = refusal.rule;
  }
}

/** Throws the rule's error when a check refused. */
export function enforce(refusal: Refusal | null): void {
  if (refusal) throw new CustodyRuleError(refusal);
}
