import { describe, expect, it } from "vitest";
import { createAuthLogger } from "./auth-logger";

function jwtError() {
  const error = new Error("no matching decryption secret");
  error.name = "JWTSessionError";
  return error;
}

describe("auth logger (issue 8, security 10)", () => {
  it("logs a flood of bogus session cookies once a minute, without a stack", () => {
    const lines: { level: string; fields: Record<string, unknown> }[] = [];
    let clock = 0;
    const logger = createAuthLogger(
      { error: (fields) => lines.push({ level: "error", fields }), warn: (fields) => lines.push({ level: "warn", fields }) },
      { now: () => clock },
    );
    for (let i = 0; i < 500; i++) logger.error(jwtError());
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain("at ");
    clock += 61_000;
    logger.error(jwtError());
    expect(lines).toHaveLength(2);
    expect(lines[1]!.fields.count).toBe(500);
  });

  it("still logs real faults in full, and never refused sign-ins", () => {
    const lines: unknown[] = [];
    const logger = createAuthLogger({ error: (f) => lines.push(f), warn: (f) => lines.push(f) });
    const refused = new Error("refused");
    refused.name = "CredentialsSignin";
    logger.error(refused);
    logger.error(new Error("database down"));
    expect(lines).toEqual([{ err: expect.any(Error) }]);
  });
});
