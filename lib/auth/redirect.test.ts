import { describe, expect, it, vi } from "vitest";

// actions.ts imports AuthError from next-auth, whose entry needs the Next server runtime.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
import { signInAction } from "./actions";

const ORIGIN = "http://localhost:3000";

/** Where the browser would land after a successful sign-in with this `next`. */
async function landing(next: string): Promise<URL> {
  try {
    await signInAction({ username: "someone", password: "whatever-2026", next });
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    const target = digest.split(";")[2];
    if (digest.startsWith("NEXT_REDIRECT") && target !== undefined) return new URL(target, ORIGIN);
    throw error;
  }
  throw new Error("signInAction did not redirect");
}

describe("redirect after sign-in (issue 8, security 2)", () => {
  it.each([
    "/\\evil.example/phish",
    "/\t/evil.example/x",
    "//evil.example/x",
    "https://evil.example/x",
    "/\\/evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
  ])("stays on the console for %j", async (next) => {
    expect((await landing(next)).origin).toBe(ORIGIN);
  });

  it("keeps a same-origin path with its query", async () => {
    const url = await landing("/pretrial?status=REJECTED#top");
    expect(url.pathname + url.search + url.hash).toBe("/pretrial?status=REJECTED#top");
  });
});
