import { AppError } from "@/lib/errors";
import type { Fen } from "@/lib/money";
import { parseMoveAmount } from "@/lib/vendors/lanmao/amount";

/** Yuan text from a form → fen; a bad amount is a field error named `field` ("amount" key). */
export function fenFrom(field: string, text: string): Fen {
  try {
    return parseMoveAmount(text, field);
  } catch {
    throw new AppError("VALIDATION", `${field} is not a positive yuan amount with at most two decimals`, { fieldErrors: { [field]: ["amount"] } });
  }
}

/** Commission and interest: blank or zero is 0 fen. */
export function fenOrZeroFrom(field: string, text: string): Fen {
  return text === "" || /^0(\.0{1,2})?$/.test(text) ? 0 : fenFrom(field, text);
}
