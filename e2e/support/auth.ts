import { expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/seed/demo-users";
import type { Role } from "../../lib/auth/roles";

export function demoUser(role: Role) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}

export async function signIn(page: Page, role: Role) {
  const user = demoUser(role);
  await page.goto("/login");
  await page.locator("#username").fill(user.username);
  await page.locator("#password").fill(user.password);
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("current-user")).toContainText(user.displayName);
  return user;
}
