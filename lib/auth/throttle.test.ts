import { describe, expect, it } from "vitest";
import { createTestUser, TEST_PASSWORD, testDb } from "@/lib/test/factories";
import { verifySignIn } from "./credentials";
import { THROTTLE } from "./throttle";

const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

describe("sign-in", () => {
  it("answers unknown user and wrong password alike", async () => {
    const user = await createTestUser("FINANCE");
    const a = await verifySignIn(testDb(), { username: user.username, password: "wrong-password-1" }, ip());
    const b = await verifySignIn(testDb(), { username: "no-such-user-xyz", password: "wrong-password-1" }, ip());
    expect(a).toEqual({ ok: false, reason: "invalid" });
    expect(b).toEqual({ ok: false, reason: "invalid" });
  });

  it("tells a disabled user only when the password is right", async () => {
    const user = await createTestUser("FINANCE", { disabled: true });
    expect(await verifySignIn(testDb(), { username: user.username, password: "wrong-password-1" }, ip())).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySignIn(testDb(), { username: user.username, password: TEST_PASSWORD }, ip())).toEqual({ ok: false, reason: "disabled" });
  });

  it("locks an account after repeated failures, even for the right password, with a retry time", async () => {
    const user = await createTestUser("LOAN_OFFICER");
    const from = ip();
    for (let i = 0; i < THROTTLE.accountLimit; i++) {
      expect((await verifySignIn(testDb(), { username: user.username, password: "wrong-password-1" }, from)).ok).toBe(false);
    }
    const locked = await verifySignIn(testDb(), { username: user.username, password: TEST_PASSWORD }, ip());
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.windowMs / 1000);
  });

  it("resets the account count after a success", async () => {
    const user = await createTestUser("LOAN_OFFICER");
    for (let i = 0; i < THROTTLE.accountLimit - 1; i++) await verifySignIn(testDb(), { username: user.username, password: "wrong-password-1" }, ip());
    expect((await verifySignIn(testDb(), { username: user.username, password: TEST_PASSWORD }, ip())).ok).toBe(true);
    for (let i = 0; i < THROTTLE.accountLimit - 1; i++) await verifySignIn(testDb(), { username: user.username, password: "wrong-password-1" }, ip());
    expect((await verifySignIn(testDb(), { username: user.username, password: TEST_PASSWORD }, ip())).ok).toBe(true);
  });

  it("throttles an IP that fails across many accounts", async () => {
    const from = ip();
    for (let i = 0; i < THROTTLE.ipLimit; i++) {
      await verifySignIn(testDb(), { username: `spray-${i}-${from}`, password: "wrong-password-1" }, from);
    }
    const user = await createTestUser("RISK_ANALYST");
    expect(await verifySignIn(testDb(), { username: user.username, password: TEST_PASSWORD }, from)).toMatchObject({ ok: false, reason: "throttled" });
    // The same account from elsewhere is fine: the lock was on the address.
    expect((await verifySignIn(testDb(), { username: user.username, password: TEST_PASSWORD }, ip())).ok).toBe(true);
  });

  it("records every attempt and audits successful sign-ins", async () => {
    const user = await createTestUser("ADMIN");
    await verifySignIn(testDb(), { username: user.username, password: TEST_PASSWORD }, ip());
    expect(await testDb().loginAttempt.count({ where: { username: user.username, success: true } })).toBe(1);
    expect(await testDb().auditLog.count({ where: { action: "auth.signIn", actorId: user.id } })).toBe(1);
  });

  it("holds the account limit under 40 concurrent wrong passwords (issue 8, security 4)", async () => {
    const user = await createTestUser("LOAN_OFFICER");
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => verifySignIn(testDb(), { username: user.username, password: "wrong-password-1" }, `192.0.2.${i + 1}`)),
    );
    // Every password actually checked is recorded as bad-password; the rest were throttled unchecked.
    const checked = await testDb().loginAttempt.count({ where: { username: user.username, reason: "bad-password" } });
    expect(checked).toBeLessThanOrEqual(THROTTLE.accountLimit);
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBe(40 - checked);
  });
});
