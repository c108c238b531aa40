import { describe, expect, it } from "vitest";
import { ARGON2_PARAMS, hashPassword, passwordProblems, verifyPassword } from "./password";

describe("password hashing", () => {
  it("uses argon2id with at least 19 MiB and 2 passes, recorded in the hash", async () => {
    const hash = await hashPassword("Correct-horse-1");
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
    expect(match).not.toBeNull();
    const [, m, t] = match!.map(Number);
    expect(m).toBeGreaterThanOrEqual(19 * 1024);
    expect(t).toBeGreaterThanOrEqual(2);
    expect(ARGON2_PARAMS.memoryCost).toBe(m);
  });

  it("verifies the right password and refuses a wrong one or a garbage hash", async () => {
    const hash = await hashPassword("Correct-horse-1");
    expect(await verifyPassword(hash, "Correct-horse-1")).toBe(true);
    expect(await verifyPassword(hash, "correct-horse-1")).toBe(false);
    expect(await verifyPassword("not-a-hash", "Correct-horse-1")).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("Same-password-1")).not.toBe(await hashPassword("Same-password-1"));
  });

  it("states the policy problems of a weak password", () => {
    expect(passwordProblems("short1")).toContain("tooShort");
    expect(passwordProblems("onlyletterslong")).toContain("lettersAndDigits");
    expect(passwordProblems("Letters-and-digits-1")).toEqual([]);
  });
});
