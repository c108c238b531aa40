import { describe, expect, it, vi } from "vitest";

// actions.ts imports AuthError from next-auth, whose entry needs the Next server runtime.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { resetUserPassword, setUserDisabled, changeUserRole } from "@/lib/users/service";
import { setTestSession } from "@/lib/test/session";
import { signOutAction } from "./actions";
import { getSessionUser } from "./session";

describe("session end", () => {
  it("a valid session resolves to the user with the role from the database", async () => {
    const user = await createTestUser("RISK_ANALYST");
    signInAs(user);
    expect(await getSessionUser()).toMatchObject({ id: user.id, role: "RISK_ANALYST" });
  });

  it("disabling a user ends their session on the next request", async () => {
    const admin = await createTestUser("ADMIN");
    const user = await createTestUser("LOAN_OFFICER");
    signInAs(user);
    expect(await getSessionUser()).not.toBeNull();
    await setUserDisabled(testDb(), admin.id, user.id, true);
    expect(await getSessionUser()).toBeNull();
    // Enabling again does not revive the old token: the user signs in anew.
    await setUserDisabled(testDb(), admin.id, user.id, false);
    expect(await getSessionUser()).toBeNull();
  });

  it("a password reset ends the user's sessions", async () => {
    const user = await createTestUser("FINANCE");
    signInAs(user);
    await resetUserPassword(testDb(), user.id, "New-password-2026");
    expect(await getSessionUser()).toBeNull();
  });

  it("a role change ends the user's sessions", async () => {
    const admin = await createTestUser("ADMIN");
    const user = await createTestUser("FINANCE");
    signInAs(user);
    await changeUserRole(testDb(), admin.id, user.id, "RISK_ANALYST");
    expect(await getSessionUser()).toBeNull();
  });

  it("no session, or a session for a deleted user, is no user", async () => {
    signInAs(null);
    expect(await getSessionUser()).toBeNull();
    signInAs({ id: "does-not-exist", sessionVersion: 1 });
    expect(await getSessionUser()).toBeNull();
  });

  it("sign-out ends that session server-side and leaves the user's other devices signed in (issue 8, security 5)", async () => {
    const user = await createTestUser("FINANCE");
    const laptop = { uid: user.id, sv: user.sessionVersion, sid: `laptop-${user.id}` };
    const phone = { uid: user.id, sv: user.sessionVersion, sid: `phone-${user.id}` };
    setTestSession(laptop);
    expect(await getSessionUser()).not.toBeNull();
    await signOutAction().catch((error: unknown) => {
      if (!String((error as { digest?: string }).digest).startsWith("NEXT_REDIRECT")) throw error;
    });
    // The same cookie, replayed after sign-out, opens nothing.
    setTestSession(laptop);
    expect(await getSessionUser()).toBeNull();
    setTestSession(phone);
    expect(await getSessionUser()).not.toBeNull();
  });
});
