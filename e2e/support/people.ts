import { generateSyntheticIdNumber, generateSyntheticMobile } from "../../lib/pii/id-card";

/**
 * A synthetic applicant. The sandbox derives the outcome from the ID number's 17th digit
 * (docs/sandbox-wanwang.md): 0–1 → level A and a pass with a capital list.
 */
export function syntheticApplicant(outcome: "pass-A" | "fail-D") {
  const wanted = outcome === "pass-A" ? /[01]/ : /[789]/;
  for (;;) {
    const idNumber = generateSyntheticIdNumber(Math.random, { birthYear: 1988 });
    if (wanted.test(idNumber[16])) return { idNumber, mobile: generateSyntheticMobile(Math.random), name: "测试申请人" };
  }
}

/** A 1×1 PNG, enough for the magic-byte check (the sandbox only needs an image). */
export const PNG_PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
