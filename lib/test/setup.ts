/**
 * Runs before every test file. Server code is exercised directly, outside a Next.js request,
 * so the few request-scoped Next APIs are replaced by test doubles; everything else (the
 * database, the action chain, the audit log, PII crypto) is real.
 */
import crypto from "node:crypto";
import { vi } from "vitest";

process.env.PII_ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.PII_INDEX_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64");
process.env.FILE_URL_SECRET ??= crypto.randomBytes(32).toString("base64");
process.env.WANWANG_CALLBACK_TOKEN ??= "test-callback-token";

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-creditops-client-ip": "203.0.113.7", "x-forwarded-for": "203.0.113.7" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, has: () => false, delete: () => undefined }),
}));

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_noStore: vi.fn() }));

vi.mock("next-intl/server", async () => {
  const t = Object.assign((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key), {
    has: () => true,
  });
  return { getTranslations: async () => t, getLocale: async () => "en", getMessages: async () => ({}) };
});

vi.mock("@/lib/auth/auth", async () => {
  const { currentTestSession } = await import("./session");
  return {
    auth: vi.fn(async () => currentTestSession()),
    signIn: vi.fn(),
    signOut: vi.fn(),
    handlers: {},
    SignInRefused: class SignInRefused extends Error {},
  };
});
