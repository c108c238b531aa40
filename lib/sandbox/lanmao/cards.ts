import { SUPPORTED_BANKS } from "@/lib/vendors/lanmao/enums";

/**
 * Card checks of the twin (§2.1 R3–R5, §2.4 R3–R5), driven by the card number so tests and
 * demos can choose an outcome (docs/sandbox-lanmao.md):
 * - ending 0000: neither four nor three elements verify → refused;
 * - ending 1111: three elements only → PART_CHECKED (no quick pay);
 * - otherwise FULL_CHECKED.
 * The bank comes from the first six digits (a few real BINs), else from the last digit, among
 * the banks the operation supports; BIN 621098 (邮储) is not supported for cards.
 */
const BINS: Record<string, string> = {
  "622202": "ICBK",
  "621226": "ICBK",
  "621700": "PCBC",
  "622848": "ABOC",
  "621661": "BKCH",
  "622588": "CMBC",
  "621485": "CMBC",
  "622908": "FJIB",
  "621098": "PSBC",
  "622689": "CIBK",
};

export function bankOfCard(cardNo: string, kind: "personalCard" | "enterpriseCard"): string {
  const known = BINS[cardNo.slice(0, 6)];
  if (known) return known;
  const banks = SUPPORTED_BANKS[kind];
  return banks[Number(cardNo.slice(-1)) % banks.length] ?? banks[0];
}

export function accessTypeOfCard(cardNo: string): "FULL_CHECKED" | "PART_CHECKED" | null {
  if (cardNo.endsWith("0000")) return null;
  return cardNo.endsWith("1111") ? "PART_CHECKED" : "FULL_CHECKED";
}
