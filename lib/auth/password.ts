import { hash, verify } from "@node-rs/argon2";

/** `Algorithm.Argon2id` is an ambient const enum, which isolatedModules cannot read. */
const ARGON2ID = 2;

/**
 * argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1). Parameters live in the hash
 * string, so raising them later still verifies old hashes.
 */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...ARGON2_PARAMS });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the user does not exist so that
 * unknown and known usernames take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
}

/** Password policy for new and reset passwords: at least 10 characters, letters and digits. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push("tooShort");
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push("lettersAndDigits");
  return problems;
}
