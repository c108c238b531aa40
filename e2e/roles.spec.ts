import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { AREA_ROLES, AREAS, ROLES } from "../lib/auth/roles";
import { signIn } from "./support/auth";

fs.mkdirSync("e2e/screenshots", { recursive: true });

/** Journey: each role signs in, sees exactly its areas, switches language, and is refused elsewhere. */
for (const role of ROLES) {
  test(`${role} signs in and sees only their areas`, async ({ page }) => {
    await signIn(page, role);
    const sidebar = page.locator("aside nav");
    for (const area of AREAS) {
      const link = sidebar.locator(`a[data-area="${area}"]`);
      if (AREA_ROLES[area].includes(role)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
    await page.screenshot({ path: `e2e/screenshots/home-${role}-zh.png`, fullPage: true });

    // A page outside the role is refused by the page itself, not only hidden from the menu.
    const forbidden = AREAS.find((a) => !AREA_ROLES[a].includes(role));
    if (forbidden) {
      await page.goto(`/${forbidden}`);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }

    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("aside")).toContainText("Home");
    await page.screenshot({ path: `e2e/screenshots/home-${role}-en.png`, fullPage: true });
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
}

test("wrong password, then the account signs in; the session ends when an admin disables it", async ({ browser }) => {
  const adminPage = await browser.newPage();
  await signIn(adminPage, "ADMIN");
  // Create a throwaway user through the UI.
  const username = `e2e-${Date.now().toString(36)}`;
  await adminPage.goto("/users");
  await adminPage.getByTestId("create-user").click();
  const dialog = adminPage.getByRole("dialog");
  await dialog.locator("input").nth(0).fill(username);
  await dialog.locator("input").nth(1).fill("端到端测试用户");
  await dialog.locator('input[type="password"]').fill("E2e-password-2026");
  await dialog.locator("button[type=submit]").click();
  await expect(adminPage.getByTestId(`user-row-${username}`)).toBeVisible();

  const userPage = await browser.newPage();
  await userPage.goto("/login");
  await userPage.locator("#username").fill(username);
  await userPage.locator("#password").fill("wrong-password-1");
  await userPage.locator("form button[type=submit]").click();
  await expect(userPage.locator("[data-slot=alert]")).toContainText("用户名或密码错误");
  await userPage.locator("#password").fill("E2e-password-2026");
  await userPage.locator("form button[type=submit]").click();
  await expect(userPage.getByTestId("current-user")).toContainText("端到端测试用户");

  adminPage.once("dialog", (d) => d.accept());
  await adminPage.getByTestId(`user-row-${username}`).getByRole("button", { name: "停用" }).click();
  await expect(adminPage.getByTestId(`user-row-${username}`)).toContainText("已停用");

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/login\?ended=1/);
  await adminPage.screenshot({ path: "e2e/screenshots/users-zh.png", fullPage: true });
});
