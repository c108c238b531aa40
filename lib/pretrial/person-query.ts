import { isValidIdNumber, isValidMobile } from "@/lib/pii/id-card";

export type PersonQueryKind = "id" | "mobile" | "name";

// Letters of any script, combining marks, the middle dot of transliterated names (阿依古丽·买买提),
// hyphens, apostrophes and spaces: what a person's name is made of. No digits, so a mistyped
// number is an error, not a name search that silently finds nothing.
const NAME = /^[\p{L}\p{M}\u00B7\u2022\u2027\u30FB\uFF65'’\- ]+$/u;

/**
 * What the person box holds: a full ID number, an 11-digit mobile, or a full name (2 to 32
 * characters); null when it is none of them.
 */
export function personQueryKind(raw: string): PersonQueryKind | null {
  const value = raw.trim();
  if (isValidIdNumber(value.toUpperCase())) return "id";
  if (isValidMobile(value)) return "mobile";
  const name = value.normalize("NFKC").replace(/\s+/g, " ");
  const length = Array.from(name.replace(/ /g, "")).length;
  if (length >= 2 && length <= 32 && NAME.test(name)) return "name";
  return null;
}
